/**
 * Dates written with Arabic numerals and full stops (한글 맞춤법 부록 문장 부호, 마침표 (3): "아라비아
 * 숫자만으로 연월일을 표시할 때 쓴다" — its examples are written '1919. 3. 1.': a full stop after the
 * day too, and a space after each full stop; the spacing follows the examples, and 공문서 write
 * it so by the 행정업무운영 편람). Only a certain date is touched: a four-digit year 1900–2099, a
 * month 1–12 and a day 1–31, followed by a weekday in brackets ('(화)') or by a final full stop —
 * version numbers (2020.3.1) have neither.
 */
import type { Rule } from '../../types';
import { gated } from './gate';
import { regexRule } from './helpers';

const WEEKDAY = '\\((?:월|화|수|목|금|토|일)\\)';

export const dateDotRules: Rule[] = [
  gated(
    regexRule({
      id: 'punctuation.date-dots',
      category: 'punctuation',
      message: {
        ko: "숫자로 쓴 날짜는 '2026. 3. 10.'처럼 연월일 뒤에 마침표를 찍고 띄어 씁니다.",
        en: "Write a numeric date as '2026. 3. 10.': a full stop after year, month and day, each followed by a space.",
      },
      norm: '한글 맞춤법 부록 문장 부호 (마침표 (3))',
      confidence: 0.9,
      re: new RegExp(`(?<![0-9.])((?:19|20)[0-9]{2})\\. ?([0-9]{1,2})\\. ?([0-9]{1,2})(\\.?)(?=${WEEKDAY}|(?<=\\.)(?:[ ,]|$))`, 'g'),
      replace: (m) => {
        const month = Number(m[2]);
        const day = Number(m[3]);
        if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
        const fixed = `${m[1]}. ${month}. ${day}.`;
        return fixed === m[0] ? undefined : fixed;
      },
      examples: {
        wrong: [
          { text: '일시: 2026.3.10.(화) 14:00', fixed: '일시: 2026. 3. 10.(화) 14:00' },
          { text: '제출 기한: 2026. 5. 20(수)까지', fixed: '제출 기한: 2026. 5. 20.(수)까지' },
          { text: '토론회는 2026.10.22. 오후에 열린다.', fixed: '토론회는 2026. 10. 22. 오후에 열린다.' },
        ],
        correct: [
          '일시: 2026. 3. 10.(화) 14:00',
          '버전 2020.3.1을 설치했다.',
          '2020.3.1',
          '1.2.3.',
          '2026. 13. 40.(화)',
          '2026. 3. 10. 오후',
        ],
      },
    }),
    '.',
  ),
];
