import type { Rule } from '../types';

/** Rules of the "patent" pack. */
export const patentRules: Rule[] = [];
