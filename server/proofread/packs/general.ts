import type { Rule } from '../types';

/** Rules of the "general" pack. */
export const generalRules: Rule[] = [];
