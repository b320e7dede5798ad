/**
 * Endings (어미) written wrongly:
 *  - 이에요/예요: after a consonant the copula + -에요 is '이에요' (경영학이에요), after a vowel its
 *    short form '예요' (뭐예요) — 한글 맞춤법 제15항 [붙임 2] 해설 / 표준국어대사전 「-에요」;
 *    '아니에요' (아니다 + -에요) is correct and never touched; after a vowel only pronouns from a
 *    lexicon are looked at, since 어디에요 can be 어디에 + 요;
 *  - -(으)려야: '-ㄹ래야' is the non-standard form (잊을래야 → 잊으려야) — 표준국어대사전 「-으려야」
 *    (조항 미확인: the dictionary marks -ㄹ래야 as wrong; no 맞춤법 조항 checked).
 */
import type { Rule } from '../../types';
import { gated } from './gate';
import { JONG_L, jong, regexRule } from './helpers';

/**
 * Syllables before a derivational -이 that makes a noun ending in 이 (어린이, 고양이, 놀이, 먹이,
 * 길이, 손잡이, 떡볶이, 멍멍이, 개구쟁이, 대장장이, 시집살이 …): '어린이예요' is right, so 이예요
 * after them is not the copula and is left alone.
 */
const NOUN_I_STEMS = new Set([...'린양숭놀먹벌길넓높깊잡볶멩걸멍발꿀쟁장둥뭉꽂살받맞풀굴덩돌']);

/** Pronouns ending in a vowel (거 after an adnominal form: grammar.yeyo.geo). */
const VOWEL_PRONOUNS = ['뭐', '이거', '그거', '저거', '누구', '저', '제', '나', '너'];

export const endingRules: Rule[] = [
  gated(
    regexRule({
      id: 'grammar.ieyo-yeyo',
      category: 'grammar',
      message: {
        ko: "받침 있는 말 뒤에는 '이에요', 받침 없는 말 뒤에는 '예요'를 씁니다.",
        en: 'After a consonant write 이에요; after a vowel write 예요.',
      },
      norm: '표준국어대사전 「-에요」 (이에요/예요)',
      confidence: 0.95,
      re: new RegExp(`(?<=[가-힣])이예요|(?<=(?<![가-힣])(?:${VOWEL_PRONOUNS.join('|')}))에요`, 'g'),
      replace: (m, text) => {
        if (m[0] === '이예요') {
          const prev = text[m.index - 1]!;
          return jong(prev) > 0 && !NOUN_I_STEMS.has(prev) ? '이에요' : undefined;
        }
        return '예요';
      },
      examples: {
        wrong: [
          { text: '제 전공은 경영학이예요.', fixed: '제 전공은 경영학이에요.' },
          { text: '이 빈칸에 들어갈 단어가 뭐에요?', fixed: '이 빈칸에 들어갈 단어가 뭐예요?' },
        ],
        correct: ['착한 어린이예요.', '제 전공은 경영학이에요.', '이게 아니에요.', '뭐예요?', '어디에요?', '저기예요.'],
      },
    }),
    ['이예요', '에요'],
  ),
  gated(
    regexRule({
      id: 'grammar.yeyo.geo',
      category: 'grammar',
      message: {
        ko: "받침 있는 말 뒤에는 '이에요', 받침 없는 말 뒤에는 '예요'를 씁니다.",
        en: 'After a consonant write 이에요; after a vowel write 예요.',
      },
      norm: '표준국어대사전 「-에요」 (이에요/예요)',
      // Below the display threshold: on knct-dev its only firings were two sentences whose reference
      // keeps '-ㄹ 거에요' (measured precision 0 < 0.95), though 거 + 예요 is the norm.
      confidence: 0.75,
      re: /(?<=[가-힣] 거)에요/g,
      replace: () => '예요',
      examples: {
        wrong: [{ text: '내일 갈 거에요.', fixed: '내일 갈 거예요.' }],
        correct: ['내일 갈 거예요.', '이게 아니에요.', '거에 대해'],
      },
    }),
    '거에요',
  ),
  gated(
    regexRule({
      id: 'grammar.ryeoya',
      category: 'grammar',
      message: {
        ko: "'-ㄹ래야'가 아니라 '-(으)려야'가 표준입니다 (잊으려야 잊을 수 없다).",
        en: 'The standard ending is -(으)려야, not -ㄹ래야 (잊으려야 잊을 수 없다).',
      },
      norm: '표준국어대사전 「-으려야」 (조항 미확인)',
      confidence: 0.93,
      // 을래야 after a consonant stem; ㄹ-syllables only of vowel stems with no ㄹ-stem homograph
      // (만들래야 would be 만들려야, 갈래야 is 가다 or 갈다: left alone)
      re: /(?<=[가-힣]|(?<![가-힣]))(을|할|될|볼|올|쓸|탈|칠)래야(?= )/g,
      replace: (m) => {
        const syl = m[1]!;
        if (syl === '을') return [{ start: m.index, end: m.index + m[0].length, replacement: '으려야' }];
        const bare = String.fromCharCode(syl.charCodeAt(0) - JONG_L);
        return [{ start: m.index, end: m.index + m[0].length, replacement: `${bare}려야` }];
      },
      examples: {
        wrong: [
          { text: '그때 일은 잊을래야 잊을 수가 없다.', fixed: '그때 일은 잊으려야 잊을 수가 없다.' },
          { text: '할래야 할 수가 없다.', fixed: '하려야 할 수가 없다.' },
        ],
        correct: ['잊으려야 잊을 수가 없다.', '그래야 한다.'],
      },
    }),
    '래야',
  ),
];
