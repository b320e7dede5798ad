/** Numbers of the general pack: a number and its sign written together. */
import type { Rule } from '../../types';
import { regexRule } from './helpers';

export const numberRules: Rule[] = [
  regexRule({
    id: 'numbers.percent-space',
    category: 'numbers',
    message: { ko: "'%'는 숫자에 붙여 씁니다.", en: "Attach '%' to the number." },
    norm: '한글 맞춤법 제43항',
    confidence: 0.9,
    re: /(?<=[0-9]) +(?=%)/g,
    replace: () => '',
    examples: { wrong: [{ text: '10 % 할인', fixed: '10% 할인' }], correct: ['10% 할인'] },
  }),
];
