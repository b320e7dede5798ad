import type { Rule } from '../types';
import { officialPackRules } from './official/rules';

/** Rules of the "official" pack (공문서): dates, times, amounts, item markers, 붙임/끝., ranges, foreign terms, 연도. */
export const officialRules: Rule[] = officialPackRules;
