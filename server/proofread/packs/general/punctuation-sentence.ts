/**
 * Sentence punctuation where the sentence itself decides it (한글 맞춤법 부록 문장 부호):
 *  - 쌍점: "쌍점의 앞은 붙여 쓰고 뒤는 띄어 쓴다" (붙임; 항 번호 미확인): '참석 대상 : 각 부서' → '참석 대상: 각 부서'
 *    (only between Hangul words; 시각 14:00 and 비율 1:2 are written without spaces anyway);
 *  - 마침표 (1): a doubled period after a 합쇼체 ending (완료했습니다..) is one period — after a
 *    formal statement '..' is not an informal ellipsis (punctuation.doubled keeps the general case);
 *  - 물음표 (1): a 합쇼체/해요체 question ending (-습니까, -ㄹ까요) closed with a period when the
 *    sentence is certainly a request or an inquiry to the reader (수 있습니까, 괜찮을까요, 가능합니까,
 *    혹시 …). 물음표 (1) 다만 allows a period after a weak or rhetorical question (왜 남들처럼
 *    노력합니까.), so question words alone (왜, 어찌) decide nothing and are left to the model.
 * A missing final period after '-바랍니다' etc. is punctuation.final-period-missing (style tier).
 */
import type { Rule } from '../../types';
import { gated } from './gate';
import { regexRule } from './helpers';

export const sentencePunctuationRules: Rule[] = [
  gated(
    regexRule({
      id: 'punctuation.colon-spacing',
      category: 'punctuation',
      message: {
        ko: '쌍점은 앞말에 붙여 쓰고 뒷말과 띄어 씁니다 (참석 대상: 팀장).',
        en: 'A colon is attached to the word before it and followed by a space.',
      },
      norm: '한글 맞춤법 부록 문장 부호 (쌍점)',
      confidence: 0.93,
      re: /(?<=[가-힣]) :(?= [가-힣0-9])/g,
      replace: () => ':',
      examples: {
        wrong: [{ text: '참석 대상 : 각 부서 팀장 이상', fixed: '참석 대상: 각 부서 팀장 이상' }],
        correct: ['참석 대상: 각 부서 팀장 이상', '14:00에 시작', '비율은 1:2이다.'],
      },
    }),
    ' :',
  ),
  gated(
    regexRule({
      id: 'punctuation.formal-double-period',
      category: 'punctuation',
      message: { ko: '문장 끝의 마침표는 한 번만 씁니다.', en: 'End the sentence with a single period.' },
      norm: '한글 맞춤법 부록 문장 부호 (마침표)',
      confidence: 0.9,
      re: /(?<=[습입됩합갑봅]니다)\.\.(?![.])/g,
      replace: () => '.',
      examples: {
        wrong: [{ text: '최종 보고서 제출을 완료했습니다..', fixed: '최종 보고서 제출을 완료했습니다.' }],
        correct: ['최종 보고서 제출을 완료했습니다.', '그렇습니다...', '그렇구나.. 알겠어.'],
      },
    }),
    '..',
  ),
  gated(
    regexRule({
      id: 'punctuation.inquiry-question-mark',
      category: 'punctuation',
      message: { ko: '묻는 문장의 끝에는 물음표를 씁니다.', en: 'A question to the reader ends with a question mark.' },
      norm: '한글 맞춤법 부록 문장 부호 (물음표)',
      confidence: 0.9,
      re: /(?:수 있습니까|수 있을까요|수 없을까요|괜찮습니까|괜찮을까요|가능합니까|가능할까요|되겠습니까|주시겠습니까|주실 수 있을까요|어떻습니까|어떨까요|하시겠습니까|계십니까|있으십니까|없으십니까)\.[ \t]*$/g,
      replace: (m) => {
        const dot = m.index + m[0].lastIndexOf('.');
        return [{ start: dot, end: dot + 1, replacement: '?' }];
      },
      examples: {
        wrong: [
          { text: '다음 달 교육에 참석하실 수 있습니까.', fixed: '다음 달 교육에 참석하실 수 있습니까?' },
          { text: '회의실 예약을 다음 주로 변경해도 괜찮을까요.', fixed: '회의실 예약을 다음 주로 변경해도 괜찮을까요?' },
        ],
        correct: ['다음 달 교육에 참석하실 수 있습니까?', '왜 남들처럼 노력합니까.', '느낌이랄까.'],
      },
    }),
    ['까.', '까요.'],
  ),
];
