import type { Rule } from '../types';
import { loanwordRules } from '../rules/loanwords';
import { finalPunctuationRules } from '../rules/punctuation-final';
import { strayPunctuationRules } from '../rules/punctuation-stray';
import { numberRules, punctuationRules, spacingRules } from '../rules/spacing';
import { spellingRules } from '../rules/spelling';

/** Rules of the "general" pack. */
export const generalRules: Rule[] = [...spellingRules, ...loanwordRules, ...spacingRules, ...punctuationRules, ...strayPunctuationRules, ...finalPunctuationRules, ...numberRules];
