import type { Rule } from '../types';
import { loanwordRules } from './general/loanwords';
import { finalPunctuationRules } from './general/punctuation-final';
import { strayPunctuationRules } from './general/punctuation-stray';
import { spacingRules } from './general/spacing-words';
import { punctuationRules } from './general/punctuation-marks';
import { numberRules } from './general/numbers';
import { spellingRules } from './general/spelling';
import { unitSpacingRules } from './general/spacing-units';
import { particleSpacingRules } from './general/spacing-particles';
import { boundNounRules } from './general/bound-nouns';
import { roseoRosseoRules } from './general/roseo-rosseo';
import { confusableRules, daeDeRules, deonjiDeunjiRules } from './general/confusables';
import { endingRules } from './general/endings';
import { passiveRules } from './general/passives';
import { negationSpacingRules } from './general/negation-spacing';
import { sentencePunctuationRules } from './general/punctuation-sentence';
import { moreSpellingRules } from './general/spelling-more';
import { dateDotRules } from './general/date-dots';

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
export const generalRules: Rule[] = [
  ...spellingRules,
  ...loanwordRules,
  ...spacingRules,
  ...punctuationRules,
  ...strayPunctuationRules,
  ...finalPunctuationRules,
  ...numberRules,
  ...commonErrorRules,
];
