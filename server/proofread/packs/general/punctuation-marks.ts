/** Punctuation marks of the general pack: doubled marks and the spaces around them. */
import type { Rule } from '../../types';
import { regexRule } from './helpers';

export const punctuationRules: Rule[] = [
  regexRule({
    id: 'punctuation.doubled',
    category: 'punctuation',
    message: { ko: '문장 부호가 겹쳤습니다.', en: 'Doubled punctuation mark.' },
    norm: '한글 맞춤법 부록 문장 부호',
    // Style tier (below the default display threshold 0.8): '..' as an informal ellipsis is a
    // register choice in chat-style text, reported as a comment without a fix. ',,' has a fix.
    confidence: 0.7,
    re: /(?<![.])\.\.(?![.])|(?<!,),,(?!,)/g,
    replace: (m) => (m[0] === ',,' ? ',' : null),
    examples: {
      wrong: [
        { text: '그렇구나.. 알겠어.', fixed: null },
        { text: '사과,, 배', fixed: '사과, 배' },
      ],
      correct: ['그렇구나... 알겠어.', '그렇구나. 알겠어.', '1.2.3'],
    },
  }),
  regexRule({
    id: 'punctuation.space-before',
    category: 'punctuation',
    message: { ko: '문장 부호는 앞말에 붙여 씁니다.', en: 'Punctuation is attached to the preceding word.' },
    norm: '한글 맞춤법 부록 문장 부호',
    confidence: 0.9,
    re: /([가-힣]) +([,?!.])(?= |$)/g,
    replace: (m, text) => (m[2] === '.' && text[m.index + m[0].length + 1] === '.' ? undefined : m[1]! + m[2]!),
    examples: {
      wrong: [
        { text: '사과 , 배', fixed: '사과, 배' },
        { text: '정말 ?', fixed: '정말?' },
      ],
      correct: ['사과, 배', '정말?', '말줄임 . . .'],
    },
  }),
  regexRule({
    id: 'punctuation.space-after-comma',
    category: 'punctuation',
    message: { ko: '쉼표 뒤는 띄어 씁니다.', en: 'Put a space after a comma.' },
    norm: '한글 맞춤법 부록 문장 부호',
    confidence: 0.92,
    re: /(?<=[가-힣]),(?=[가-힣])/g,
    replace: () => ', ',
    examples: { wrong: [{ text: '사과,배', fixed: '사과, 배' }], correct: ['사과, 배', '1,000원'] },
  }),
];
