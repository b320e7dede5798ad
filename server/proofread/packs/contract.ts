import type { Rule } from '../types';
import { contractPackRules } from './contract/rules';

/** Rules of the "contract" pack: defined terms and cross-references. */
export const contractRules: Rule[] = contractPackRules;
