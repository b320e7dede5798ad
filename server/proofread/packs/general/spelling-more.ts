/**
 * More lexicons of frequent misspellings, each table one kind of error:
 *  - adverbs in -이/-히 (한글 맞춤법 제51항: 분명히 [이]로만 나는 것은 '-이', [히]로도 나는 것은
 *    '-히'): 꼼꼼이 → 꼼꼼히, 깨끗히 → 깨끗이 …;
 *  - 사이시옷 (한글 맞춤법 제30항) in compounds with 값 (기댓값, 최솟값 …: 국립국어원 2014 표준국어대사전
 *    수정) and 머릿말 → 머리말 (no sound change: 제30항 does not apply), 윗어른 → 웃어른 (표준어 규정 제12항
 *    다만 2: 위아래 대립이 없는 말은 '웃-');
 *  - 두음 법칙 (한글 맞춤법 제10항: 단어 첫머리의 '녀'는 '여'): 년말 → 연말, 년초 → 연초; and '量' after
 *    a native word is '양' (구름양: 표준국어대사전 「-양」; no 맞춤법 조항 checked);
 *  - 바램 (for 바람, 'wish': 표준국어대사전 「바람」; '바램' is the noun of 바래다 'fade') as a noun
 *    with a particle, and 염두하다 (the idiom is '염두에 두다', 표준국어대사전 「염두」).
 */
import type { Rule } from '../../types';
import { gated } from './gate';
import { regexRule, tableRule } from './helpers';

export const moreSpellingRules: Rule[] = [
  tableRule({
    id: 'spelling.adverb-i-hi',
    category: 'spelling',
    message: {
      ko: "부사의 끝음절은 소리에 따라 '-이' 또는 '-히'로 적습니다 (꼼꼼히, 깨끗이).",
      en: 'Adverbs end in -이 or -히 by pronunciation (꼼꼼히, 깨끗이).',
    },
    norm: '한글 맞춤법 제51항',
    confidence: 0.95,
    before: '(?![가-힣])',
    table: {
      꼼꼼이: '꼼꼼히',
      솔직이: '솔직히',
      정확이: '정확히',
      조용이: '조용히',
      가만이: '가만히',
      꾸준이: '꾸준히',
      당연이: '당연히',
      간단이: '간단히',
      철저이: '철저히',
      급급이: '급급히',
      엄격이: '엄격히',
      쓸쓸이: '쓸쓸히',
      넉넉이: '넉넉히',
      섭섭이: '섭섭히',
      깨끗히: '깨끗이',
      느긋히: '느긋이',
      버젓히: '버젓이',
      반듯히: '반듯이',
      나즈막히: '나지막이',
      일일히: '일일이',
      틈틈히: '틈틈이',
      곰곰히: '곰곰이',
      번번히: '번번이',
      겹겹히: '겹겹이',
      낱낱히: '낱낱이',
      집집히: '집집이',
      헛되히: '헛되이',
      가까히: '가까이',
      같히: '같이',
      깊숙히: '깊숙이',
      길쭉히: '길쭉이',
      끔찍히: '끔찍이',
      수북히: '수북이',
      큼직히: '큼직이',
      납작히: '납작이',
      두둑히: '두둑이',
      멀찍히: '멀찍이',
      고즈넉히: '고즈넉이',
      생긋히: '생긋이',
      지긋히: '지긋이',
    },
    examples: {
      wrong: [
        { text: '계약서 조항을 꼼꼼이 검토해 주십시오.', fixed: '계약서 조항을 꼼꼼히 검토해 주십시오.' },
        { text: '깨끗히 청소했다.', fixed: '깨끗이 청소했다.' },
        { text: '깊숙히 넣었다.', fixed: '깊숙이 넣었다.' },
      ],
      correct: ['꼼꼼히 검토했다.', '깨끗이 청소했다.', '솔직히 말하면', '같이 가자.'],
    },
  }),
  tableRule({
    id: 'spelling.saisiot.more',
    category: 'spelling',
    message: { ko: '사이시옷 표기가 잘못되었습니다.', en: 'Wrong use (or omission) of the linking ㅅ (사이시옷).' },
    norm: '한글 맞춤법 제30항; 표준어 규정 제12항 다만 2 (웃어른)',
    confidence: 0.95,
    table: {
      기대값: '기댓값',
      최대값: '최댓값',
      최소값: '최솟값',
      대표값: '대푯값',
      절대값: '절댓값',
      결과값: '결괏값',
      근사값: '근삿값',
      함수값: '함숫값',
      초기값: '초깃값',
      극대값: '극댓값',
      극소값: '극솟값',
      머릿말: '머리말',
      인삿말: '인사말',
      윗어른: '웃어른',
      나룻터: '나루터',
      뒷굼치: '뒤꿈치',
      아랫층: '아래층',
      아랫쪽: '아래쪽',
      전세값: '전셋값',
      시세값: '시셋값',
      장미빛: '장밋빛',
      보라빛: '보랏빛',
      코구멍: '콧구멍',
      우유빛: '우윳빛',
      기차길: '기찻길',
      고추가루: '고춧가루',
      시래기국: '시래깃국',
      제사날: '제삿날',
    },
    examples: {
      wrong: [
        { text: '확률 변수의 기대값을 구하시오.', fixed: '확률 변수의 기댓값을 구하시오.' },
        { text: '책의 머릿말에 잘 드러나 있다.', fixed: '책의 머리말에 잘 드러나 있다.' },
        { text: '집안 윗어른께 인사를 드린다.', fixed: '집안 웃어른께 인사를 드린다.' },
      ],
      correct: ['최댓값과 최솟값의 차이를 구하시오.', '평균값을 구한다.', '중간값', '위층 사무실'],
    },
  }),
  tableRule({
    id: 'spelling.dueum.more',
    category: 'spelling',
    message: {
      ko: "단어 첫머리의 '녀'는 '여'로, 고유어 뒤의 '量'은 '양'으로 적습니다 (연말, 구름양).",
      en: 'Word-initial 녀 is written 여 (연말); 量 after a native word is 양 (구름양).',
    },
    norm: '한글 맞춤법 제10항; 표준국어대사전 「-양」「-량」 (구름양: 조항 미확인)',
    confidence: 0.95,
    table: { 년말: '연말', 년초: '연초', 구름량: '구름양', 비구름량: '비구름양' },
    examples: {
      wrong: [
        { text: '년말에는 늘 바쁩니다.', fixed: '연말에는 늘 바쁩니다.' },
        { text: '오늘은 구름량이 많다.', fixed: '오늘은 구름양이 많다.' },
      ],
      correct: ['연말에는 늘 바쁩니다.', '2025년말', '강수량이 많다.'],
    },
  }),
  gated(
    regexRule({
      id: 'spelling.baram.noun',
      category: 'spelling',
      message: { ko: "'바라다'의 명사형은 '바람'입니다 ('바램'은 '바래다'의 명사형).", en: 'The noun of 바라다 (wish) is 바람, not 바램.' },
      norm: '표준어 규정 제11항 (바라다) / 표준국어대사전 「바람」',
      confidence: 0.93,
      re: /(?<![가-힣])바램(?=[은이을과도]|입니다|이다|이에요)(?![이을은과도][가-힣]{2})/g,
      replace: () => '바람',
      examples: {
        wrong: [{ text: '저의 유일한 바램은 가족의 건강입니다.', fixed: '저의 유일한 바람은 가족의 건강입니다.' }],
        correct: ['저의 유일한 바람은 가족의 건강입니다.', '색이 바램에 따라'],
      },
    }),
    '바램',
  ),
  gated(
    regexRule({
      id: 'spelling.yeomdu',
      category: 'spelling',
      message: { ko: "'염두(念頭)에 두다'가 바른 표현입니다.", en: 'The idiom is 염두에 두다 (not 염두해 두다).' },
      norm: '표준국어대사전 「염두」 (조항 미확인)',
      confidence: 0.95,
      re: /(?<![가-힣])염두해(?= 두)|(?<![가-힣])염두하(?=[고여며면])/g,
      replace: (m) => (m[0] === '염두해' ? '염두에' : undefined),
      examples: {
        wrong: [{ text: '그 사안은 항상 염두해 두고 있습니다.', fixed: '그 사안은 항상 염두에 두고 있습니다.' }],
        correct: ['그 사안은 항상 염두에 두고 있습니다.'],
      },
    }),
    '염두',
  ),
];
