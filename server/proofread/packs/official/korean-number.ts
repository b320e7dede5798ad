/** Reading numbers in Korean Sino-Korean words, as written in amounts (금113,560원(금일십일만삼천오백육십원)). */

const DIGITS = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
const SMALL = ['', '십', '백', '천'];
const BIG = ['', '만', '억', '조', '경'];

export interface ReadingOptions {
  /**
   * Write "일" before 십, 백, 천 (일십일만…), as in the example of
   * 행정업무의 운영 및 혁신에 관한 규정 시행규칙 제2조 제2항. Default true.
   */
  explicitOne?: boolean;
}

/** 113560 -> "일십일만삼천오백육십"; 0 -> "영". Non-negative safe integers only. */
export function numberToKoreanReading(n: number, opts: ReadingOptions = {}): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a non-negative safe integer: ${n}`);
  if (n === 0) return DIGITS[0]!;
  const explicitOne = opts.explicitOne ?? true;
  const groups: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 10000)) groups.push(v % 10000);
  let out = '';
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) continue;
    let s = '';
    for (let pos = 3; pos >= 0; pos--) {
      const d = Math.floor(group / 10 ** pos) % 10;
      if (d === 0) continue;
      if (pos === 0) s += DIGITS[d];
      else s += (d === 1 && !explicitOne ? '' : DIGITS[d]) + SMALL[pos];
    }
    out += s + BIG[g];
  }
  return out;
}

/**
 * "금일십일만삼천오백육십원정" -> 113560. Accepts 금/원/정 and spaces around the reading,
 * with or without "일" before 십/백/천. Returns null when the text is not a reading.
 */
export function koreanReadingToNumber(text: string): number | null {
  const s = text
    .replace(/\s+/g, '')
    .replace(/^금/, '')
    .replace(/(원정?|정)$/, '');
  if (!s || !/^[영일이삼사오육칠팔구십백천만억조경]+$/.test(s)) return null;
  if (s === '영') return 0;
  let total = 0;
  let section = 0;
  let num = 0;
  let seenDigit = false;
  for (const ch of s) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) {
      if (seenDigit) return null; // two digits in a row: not a reading
      num = d;
      seenDigit = true;
      continue;
    }
    const small = SMALL.indexOf(ch);
    if (small > 0) {
      section += (seenDigit ? num : 1) * 10 ** small;
      num = 0;
      seenDigit = false;
      continue;
    }
    const big = BIG.indexOf(ch);
    if (big > 0) {
      const v = section + num;
      total += (v === 0 ? 1 : v) * 10000 ** big;
      section = 0;
      num = 0;
      seenDigit = false;
      continue;
    }
    return null;
  }
  return total + section + num;
}
