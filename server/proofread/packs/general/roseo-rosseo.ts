/**
 * (으)로서 (자격·지위·신분) vs (으)로써 (수단·도구, 시간의 한계) — 한글 맞춤법 제57항 (구별하여 적는
 * 말: -(으)로서/-(으)로써) with the meanings of 표준국어대사전 「로서」「로써」.
 * Only decided by a lexicon of the noun before the particle:
 *  - a status/role noun (공무원, 위원장, 부모 …) takes 로서: 공무원으로써 → 공무원으로서;
 *  - an action noun that is a means (협상, 대화, 투표 …) takes 로써: 협상으로서 → 협상으로써;
 *  - a point in time counting a limit (올해, 오늘 …) takes 로써: 올해로서 → 올해로써.
 * 현재로서는/지금으로서는 ('as things stand') take 로서 and are not in any list. Nouns that read as
 * both (수단, 방법, 도구: 수단으로서의 가치) and every other noun are left to the model layer.
 */
import type { Rule } from '../../types';
import { gated } from './gate';
import { regexRule } from './helpers';

const STATUS_NOUNS = [
  '공무원',
  '공직자',
  '위원장',
  '위원',
  '의원',
  '의장',
  '회장',
  '사장',
  '대표',
  '대표자',
  '교사',
  '교수',
  '학생',
  '시민',
  '국민',
  '의사',
  '변호사',
  '전문가',
  '책임자',
  '담당자',
  '관리자',
  '지도자',
  '리더',
  '팀장',
  '부장',
  '과장',
  '선배',
  '후배',
  '부모',
  '어른',
  '자식',
  '가장',
  '회원',
  '주주',
  '직원',
  '일원',
  '당사자',
  '보호자',
  '기자',
  '작가',
  '선수',
  '감독',
  '장관',
  '구성원',
  '사회인',
  '성인',
  '군인',
  '경찰관',
  '소방관',
  '판사',
  '검사',
  '법관',
  '공인',
  '엄마',
  '아빠',
  '어머니',
  '아버지',
  '사용자',
  '근로자',
  '임대인',
  '임차인',
  '발주자',
  '수급인',
  '채권자',
  '채무자',
  '피해자',
  '가해자',
  '자격',
  '신분',
  '입장',
  '친구',
  '동료',
  '사람',
  '인간',
  '주인',
  '주체',
];
const MEANS_NOUNS = ['협상', '대화', '투표', '합의', '설득', '무력', '폭력', '소송', '중재', '토론', '타협', '조정'];
const TIME_NOUNS = ['올해', '금년', '오늘', '금일', '이번', '이달', '이번 달'];

export const roseoRosseoRules: Rule[] = [
  gated(
    regexRule({
      id: 'grammar.roseo.status',
      category: 'grammar',
      message: {
        ko: "지위·신분·자격을 나타낼 때는 '(으)로서'를 씁니다 (공무원으로서).",
        en: 'Use (으)로서 for a status or role (공무원으로서).',
      },
      norm: '한글 맞춤법 제57항 (-(으)로서/-(으)로써)',
      confidence: 0.93,
      re: new RegExp(`(?<![가-힣])(?:${STATUS_NOUNS.join('|')})(?:으로|로)써(?=[는도의]?(?![가-힣]))`, 'g'),
      replace: (m) => m[0].replace(/써$/, '서'),
      examples: {
        wrong: [
          { text: '공무원으로써 품위를 유지할 의무가 있다.', fixed: '공무원으로서 품위를 유지할 의무가 있다.' },
          { text: '위원장으로써 회의를 주재한다.', fixed: '위원장으로서 회의를 주재한다.' },
        ],
        correct: ['공무원으로서 품위를 유지한다.', '대화로써 해결했다.', '교사로서 말한다.'],
      },
    }),
    '로써',
  ),
  gated(
    regexRule({
      id: 'grammar.rosseo.means',
      category: 'grammar',
      message: { ko: "수단·방법을 나타낼 때는 '(으)로써'를 씁니다 (협상으로써).", en: 'Use (으)로써 for a means or method (협상으로써).' },
      norm: '한글 맞춤법 제57항 (-(으)로서/-(으)로써)',
      confidence: 0.93,
      re: new RegExp(`(?<![가-힣])(?:${MEANS_NOUNS.join('|')})(?:으로|로)서(?= [가-힣])`, 'g'),
      replace: (m) => m[0].replace(/서$/, '써'),
      examples: {
        wrong: [{ text: '양측은 협상으로서 분쟁을 해결하기로 했다.', fixed: '양측은 협상으로써 분쟁을 해결하기로 했다.' }],
        correct: ['양측은 협상으로써 분쟁을 해결했다.', '대화로써 풀었다.', '협상으로서의 의미'],
      },
    }),
    '로서',
  ),
  gated(
    regexRule({
      id: 'grammar.rosseo.time',
      category: 'grammar',
      message: {
        ko: "시간을 셈하는 한계를 나타낼 때는 '(으)로써'를 씁니다 (올해로써 10년).",
        en: 'Use (으)로써 for the point up to which time is counted (올해로써 10년).',
      },
      norm: '한글 맞춤법 제57항 (-(으)로서/-(으)로써)',
      confidence: 0.93,
      re: new RegExp(`(?<![가-힣])(?:${TIME_NOUNS.join('|')})로서(?= )`, 'g'),
      replace: (m) => m[0].replace(/서$/, '써'),
      examples: {
        wrong: [{ text: '입사한 지 올해로서 꼭 10년이 되었다.', fixed: '입사한 지 올해로써 꼭 10년이 되었다.' }],
        correct: ['올해로써 이 행사는 10회째를 맞는다.', '현재로서는 가장 합리적이다.', '지금으로서는 알 수 없다.'],
      },
    }),
    '로서',
  ),
];
