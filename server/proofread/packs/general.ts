import type { Rule } from '../types';
import { loanwordRules } from '../rules/loanwords';
import { finalPunctuationRules } from '../rules/punctuation-final';
import { strayPunctuationRules } from '../rules/punctuation-stray';
import { numberRules, punctuationRules, spacingRules } from '../rules/spacing';
import { spellingRules } from '../rules/spelling';
import { unitSpacingRules } from '../rules/spacing-units';
import { particleSpacingRules } from '../rules/spacing-particles';
import { boundNounRules } from '../rules/bound-nouns';
import { roseoRosseoRules } from '../rules/roseo-rosseo';
import { confusableRules, daeDeRules, deonjiDeunjiRules } from '../rules/confusables';
import { endingRules } from '../rules/endings';
import { passiveRules } from '../rules/passives';
import { negationSpacingRules } from '../rules/negation-spacing';
import { sentencePunctuationRules } from '../rules/punctuation-sentence';
import { moreSpellingRules } from '../rules/spelling-more';
import { dateDotRules } from '../rules/date-dots';

/** Rules added for the errors real writers make (issue 18): each measured alone, see docs/BENCHMARKS.md. */
const commonErrorRules: Rule[] = [
  ...unitSpacingRules,
  ...particleSpacingRules,
  ...boundNounRules,
  ...negationSpacingRules,
  ...roseoRosseoRules,
  ...confusableRules,
  ...deonjiDeunjiRules,
  ...daeDeRules,
  ...endingRules,
  ...passiveRules,
  ...sentencePunctuationRules,
  ...moreSpellingRules,
  ...dateDotRules,
];

/** Rules of the "general" pack. */
export const generalRules: Rule[] = [...spellingRules, ...loanwordRules, ...spacingRules, ...punctuationRules, ...strayPunctuationRules, ...finalPunctuationRules, ...numberRules, ...commonErrorRules];
