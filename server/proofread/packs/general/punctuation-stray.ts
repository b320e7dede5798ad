/**
 * Stray symbols glued to the end of a word in mid-sentence (그는 매일- 걸어서, 보호를 받을+ 수,
 * 수건을 조금 더_ 주실): typing slips. None of these marks stands after a word and before a space
 * in Korean sentences under 한글 맞춤법 부록 (문장 부호), except as a closing bracket or
 * quotation mark, which is checked by balance: a closer with an open partner earlier in the
 * paragraph, a symmetric mark (" ' * _ ` ~ |) closing an odd one earlier, or an opener whose
 * closer follows later is left alone. Marks that legitimately end a word before a space
 * (. , ? ! : …) and the semicolon (patent claims end elements with '; 및') are not handled here.
 */
import type { Rule } from '../../types';
import { regexRule } from './helpers';

const CLOSER_OF: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };
const OPENER_OF: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
const SYMMETRIC = new Set(['"', "'", '*', '_', '`', '~', '|']);

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** True when the mark at `i` of `text` can be a bracket/quote that pairs with another one. */
export function isPaired(text: string, i: number): boolean {
  const ch = text[i]!;
  const before = text.slice(0, i);
  const opener = CLOSER_OF[ch];
  if (opener) return count(before, opener) > count(before, ch);
  const closer = OPENER_OF[ch];
  if (closer) return text.indexOf(closer, i + 1) >= 0;
  if (SYMMETRIC.has(ch)) {
    // a straight quote may close a curly one (‘일할 때 쉬는' 문화)
    const curly = ch === "'" ? '‘' : ch === '"' ? '“' : null;
    if (curly && before.includes(curly)) return true;
    return count(before, ch) % 2 === 1 || count(text.slice(i + 1), ch) > 0;
  }
  return false;
}

export const strayPunctuationRules: Rule[] = [
  regexRule({
    id: 'punctuation.stray-symbol',
    category: 'punctuation',
    message: {
      ko: '낱말 뒤에 불필요한 기호가 붙었습니다. 지우십시오.',
      en: 'A stray symbol is attached to the word; remove it.',
    },
    norm: '한글 맞춤법 부록 문장 부호',
    confidence: 0.9,
    // a Hangul syllable, one stray mark, then a space and a word (not a run of marks: '...', '->')
    re: /(?<=[가-힣])[+&_>{}<|=`^\]%"\-/)@*#'[(~$\\](?= [가-힣0-9])/g,
    replace: (m, text) => (isPaired(text, m.index) ? undefined : ''),
    examples: {
      wrong: [
        { text: '유사시에 보호를 받을+ 수 있습니다.', fixed: '유사시에 보호를 받을 수 있습니다.' },
        { text: '매일- 너의 여동생은 걸어서 가니?', fixed: '매일 너의 여동생은 걸어서 가니?' },
        { text: '기차 안에는 왜 쓰레기통이) 없는 건가요?', fixed: '기차 안에는 왜 쓰레기통이 없는 건가요?' },
        { text: '최근에 좋아하고 있는" 곳은 여기입니다.', fixed: '최근에 좋아하고 있는 곳은 여기입니다.' },
      ],
      correct: [
        '이 법 시행 후에 출원한 발명(이하 "후출원발명" 이라 한다) 또는 그 밖의 발명',
        '[위임전결 또는 대결(代決)하는 자를 말한다. 이하 같다] 또는 발신명의인',
        '제어부(110)가 수분을 비교하는 단계; 및',
        '제목: 특허법',
        '그는 *정말* 좋았다고 했다.',
        '서울-부산 간 열차',
        '10% 할인',
        '그렇구나... 알겠어.',
        '<홍길동전> 을 읽었다.',
        "‘일할 때 일하고, 쉴 때 쉬는' 공직문화",
      ],
    },
  }),
];
