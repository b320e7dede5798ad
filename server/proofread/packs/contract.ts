import type { Rule } from '../types';

/** Rules of the "contract" pack. */
export const contractRules: Rule[] = [];
