import type { Rule } from '../types';

/** Rules of the "official" pack. */
export const officialRules: Rule[] = [];
