import type { Rule } from '../types';
import { patentPackRules } from './patent/rules';

/** Rules of the "patent" pack: claims, antecedent basis, reference numerals, terms, KIPO structure. */
export const patentRules: Rule[] = patentPackRules;
