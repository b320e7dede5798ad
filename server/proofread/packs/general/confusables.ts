/**
 * Confusable words, each only in a frame that decides it (the meaning comes from the words
 * around it, not from a guess). Norm: 한글 맞춤법 제57항 (구별하여 적는 말) where the pair is listed
 * there (반드시/반듯이, 부치다/붙이다, 조리다/졸이다), otherwise the dictionary's entries (표준국어대사전).
 *  - 결재 (approval of a document) vs 결제 (paying): 카드로/현금으로 결재 → 결제; 결제를 올리다/받다
 *    and 서류 결제 → 결재;
 *  - 반듯이 (straight) vs 반드시 (without fail): 반듯이 + an obligation (-야 하다, -십시오) and not
 *    a posture verb (눕다, 앉다, 펴다 …) → 반드시;
 *  - 붙이다 (attach) vs 부치다 (send): 택배/소포/편지/우편물/짐을 붙이다 → 부치다;
 *  - 한참 (a long while) vs 한창 (the height of): 한창 진행 중 / 공사 중 / 바쁘다;
 *  - 일체 (all) vs 일절 (never, with negation or prohibition): 일체 금하다/없다/않다 → 일절;
 *  - 조리다 (cook down) vs 졸이다 (worry): 마음/가슴/애를 조리다 → 졸이다;
 *  - 맞추다 (fit, compare) vs 맞히다 (get right): 정답/답/문제를 맞추다 → 맞히다, except 맞춰 보다
 *    (compare answers);
 *  - 낫다 (recover) vs 낳다 (give birth, bring about): 감기가/상처가 … 낳았다 → 나았다;
 *  - 빌리다 vs 빌다: 이 자리를 빌어 → 빌려.
 * Everything outside these frames needs meaning the rules cannot see: left to the model layer.
 */
import type { Rule } from '../../types';
import { gated } from './gate';
import { regexRule } from './helpers';

export const confusableRules: Rule[] = [
  gated(
    regexRule({
      id: 'confusable.gyeoljae-gyeolje',
      category: 'spelling',
      message: { ko: "대금을 치르는 것은 '결제', 서류를 승인하는 것은 '결재'입니다.", en: '결제 is paying; 결재 is approving a document.' },
      norm: '표준국어대사전 「결제」「결재」',
      confidence: 0.95,
      re: /(?<=(?:카드|현금|계좌 ?이체|신용 ?카드|체크 ?카드|법인 ?카드|간편 ?결제|페이|모바일|휴대폰|상품권|포인트)(?:로|으로) )결재|(?<=(?:대금|요금|비용|금액|물품 ?대금|카드 ?대금|잔금)(?:을|를|은|는|의)? ?)결재(?=[하했할한해])|결제(?=(?:를|가)? ?(?:올리|올려|올렸|올린|받|받았|맡|상신|라인|서류|권자|문서|판))|(?<=(?:서류|문서|기안|기안문|보고서|품의서)(?:을|를|의)? )결제/g,
      replace: (m) => (m[0] === '결재' ? '결제' : '결재'),
      examples: {
        wrong: [
          { text: '숙박비는 법인 카드로 결재했습니다.', fixed: '숙박비는 법인 카드로 결제했습니다.' },
          { text: '부장님께 결제를 올렸다.', fixed: '부장님께 결재를 올렸다.' },
          { text: '물품 대금을 결재했다.', fixed: '물품 대금을 결제했다.' },
        ],
        correct: ['결재(決裁)와 결제(決濟)는 뜻이 다르다.', '카드로 결제했다.', '부장님께 결재를 올렸다.', '결재 서류를 검토했다.'],
      },
    }),
    ['결재', '결제'],
  ),
  gated(
    regexRule({
      id: 'confusable.bandeusi',
      category: 'spelling',
      message: {
        ko: "'꼭, 틀림없이'의 뜻은 '반드시'입니다 ('반듯이'는 '비뚤지 않게').",
        en: "'Without fail' is 반드시; 반듯이 means 'straight'.",
      },
      norm: '한글 맞춤법 제57항 (반드시/반듯이)',
      confidence: 0.92,
      re: /(?<![가-힣])반듯이(?= (?!(?:눕|누워|누운|앉|서|세우|세워|펴|펼|걷|자르|잘라|접|놓|놓여|쓰|썼|걸|달|정리|개|갠|깎|다듬|붙|매|묶|입|빗|앉은|선|꽂)))(?=[^.!?]*(?:야 (?:하|한|합|했|할)|십시오|하세요|주세요|바랍니다|지켜야|해야))/g,
      replace: () => '반드시',
      examples: {
        wrong: [{ text: '서류는 반듯이 오늘까지 제출해야 합니다.', fixed: '서류는 반드시 오늘까지 제출해야 합니다.' }],
        correct: ['서류는 반드시 오늘까지 제출해야 합니다.', '허리를 반듯이 펴야 합니다.', '반듯이 누워야 한다.', '글씨를 반듯이 썼다.'],
      },
    }),
    '반듯이',
  ),
  gated(
    regexRule({
      id: 'confusable.butida-buchida',
      category: 'spelling',
      message: { ko: "물건이나 편지를 보내는 것은 '부치다'입니다.", en: 'Sending a parcel or letter is 부치다, not 붙이다.' },
      norm: '한글 맞춤법 제57항 (부치다/붙이다)',
      confidence: 0.93,
      re: /(?<=(?:택배|소포|편지|우편물|우편|짐|등기|엽서|화물)(?:를|을|로|도)? )붙(?:였|여|이)/g,
      replace: (m) => ({ 붙였: '부쳤', 붙여: '부쳐', 붙이: '부치' })[m[0] as '붙였']!,
      examples: {
        wrong: [
          { text: '어머니께 택배를 붙였다.', fixed: '어머니께 택배를 부쳤다.' },
          { text: '편지를 붙이러 갔다.', fixed: '편지를 부치러 갔다.' },
        ],
        correct: ['어머니께 택배를 부쳤다.', '편지 봉투에 우표를 붙였다.', '택배 상자에 송장을 붙였다.'],
      },
    }),
    ['붙였', '붙여', '붙이'],
    ['택배', '소포', '편지', '우편', '짐', '등기', '엽서', '화물'],
  ),
  gated(
    regexRule({
      id: 'confusable.hancham-hanchang',
      category: 'spelling',
      message: {
        ko: "어떤 일이 가장 활발한 때는 '한창'입니다 ('한참'은 '오랜 시간').",
        en: "'At its height' is 한창; 한참 means 'a long while'.",
      },
      norm: '표준국어대사전 「한창」「한참」',
      confidence: 0.93,
      re: /(?<![가-힣])한참(?= (?:진행 ?중|진행되고|진행하고|진행되는|공사 ?중|공사가|바쁠|바쁜|바쁘|바빴|무르익|유행|성수기|자라는|자랄|피어나|일할 나이|꽃이 피))/g,
      replace: () => '한창',
      examples: {
        wrong: [{ text: '현재 신청사 공사가 한참 진행 중입니다.', fixed: '현재 신청사 공사가 한창 진행 중입니다.' }],
        correct: ['공사가 한창 진행 중이다.', '한참 동안 기다렸다.', '기다린 지 한참이다.', '한참 뒤에 왔다.'],
      },
    }),
    '한참',
  ),
  gated(
    regexRule({
      id: 'confusable.ilche-iljeol',
      category: 'spelling',
      message: {
        ko: "'전혀, 절대로'의 뜻으로 금지·부정의 말과 어울리는 것은 '일절'입니다.",
        en: "With prohibition or negation ('not at all') the word is 일절, not 일체.",
      },
      norm: '표준국어대사전 「일절」「일체」',
      confidence: 0.93,
      re: /(?<![가-힣])일체(?= (?:[가-힣]+ )?(?:금합|금한|금하|금지|불허|불가|사절|허용하지|받지 않|응하지|하지 않|없|않|못))/g,
      replace: () => '일절',
      examples: {
        wrong: [
          { text: '외부인의 출입을 일체 금합니다.', fixed: '외부인의 출입을 일절 금합니다.' },
          { text: '그런 사실은 일체 없다.', fixed: '그런 사실은 일절 없다.' },
        ],
        correct: ['외부인의 출입을 일절 금합니다.', '비용 일체를 부담한다.', '일체의 권리를 포기한다.', '재산 일체 양도'],
      },
    }),
    '일체 ',
  ),
  gated(
    regexRule({
      id: 'confusable.jorida-jollida',
      category: 'spelling',
      message: {
        ko: "마음을 태우는 것은 '졸이다'입니다 ('조리다'는 양념이 배게 끓이는 것).",
        en: 'To worry (마음을 …) is 졸이다; 조리다 is cooking down.',
      },
      norm: '한글 맞춤법 제57항 (조리다/졸이다)',
      confidence: 0.95,
      re: /(?<=(?:마음|가슴|애)(?:을|를|이)? )조(?:렸|려|리)/g,
      replace: (m) => ({ 조렸: '졸였', 조려: '졸여', 조리: '졸이' })[m[0] as '조렸']!,
      examples: {
        wrong: [{ text: '하루 종일 마음을 조렸다.', fixed: '하루 종일 마음을 졸였다.' }],
        correct: ['하루 종일 마음을 졸였다.', '생선을 간장에 조렸다.'],
      },
    }),
    ['조렸', '조려', '조리'],
    ['마음', '가슴', '애'],
  ),
  gated(
    regexRule({
      id: 'confusable.matchuda-matida',
      category: 'spelling',
      message: { ko: "정답을 알아맞히는 것은 '맞히다'입니다.", en: 'Getting the answer right is 맞히다, not 맞추다.' },
      norm: '표준국어대사전 「맞히다」「맞추다」',
      confidence: 0.92,
      re: /(?<=(?:정답|답|문제|퀴즈|과녁|표적)(?:을|를)? )맞(?:췄|춰|추|춘|출)(?! 보| 봤| 봐)/g,
      replace: (m) => ({ 맞췄: '맞혔', 맞춰: '맞혀', 맞추: '맞히', 맞춘: '맞힌', 맞출: '맞힐' })[m[0] as '맞췄']!,
      examples: {
        wrong: [
          { text: '마지막 문제의 정답을 맞춘 사람은 한 명뿐이었다.', fixed: '마지막 문제의 정답을 맞힌 사람은 한 명뿐이었다.' },
          { text: '퀴즈를 맞췄다.', fixed: '퀴즈를 맞혔다.' },
        ],
        correct: ['정답을 맞힌 사람', '친구와 답을 맞춰 보았다.', '시간을 맞췄다.'],
      },
    }),
    ['맞췄', '맞춰', '맞추', '맞춘', '맞출'],
    ['정답', '답', '문제', '퀴즈', '과녁', '표적'],
  ),
  gated(
    regexRule({
      id: 'confusable.nata-nahta',
      category: 'spelling',
      message: {
        ko: "병이나 상처가 고쳐지는 것은 '낫다'입니다 (감기가 나았다).",
        en: 'Recovering from an illness is 낫다 (나았다), not 낳다 (to give birth).',
      },
      norm: '표준국어대사전 「낫다」「낳다」',
      confidence: 0.93,
      re: /(?<=(?:병|감기|상처|몸살|두통|배탈|독감|부상|염증|기침|피부염|허리 통증)(?:이|가|은|는|도)? (?:(?:다|많이|금방|빨리|완전히|거의|좀) )?)낳(?=았|아|으면|을|으세요|으시)/g,
      replace: () => '나',
      examples: {
        wrong: [
          { text: '감기가 다 낳았다.', fixed: '감기가 다 나았다.' },
          { text: '상처가 빨리 낳으면 좋겠다.', fixed: '상처가 빨리 나으면 좋겠다.' },
        ],
        correct: ['감기가 다 나았다.', '아이를 낳았다.', '좋은 결과를 낳았다.'],
      },
    }),
    '낳',
  ),
  gated(
    regexRule({
      id: 'confusable.bilda-billida',
      category: 'spelling',
      message: {
        ko: "'기회나 자리를 이용하다'는 '빌리다'입니다 (이 자리를 빌려).",
        en: "'Taking this opportunity' is 빌리다: 이 자리를 빌려 (not 빌어).",
      },
      norm: "표준국어대사전 「빌리다」 (빌다는 '바라다, 구걸하다')",
      confidence: 0.95,
      re: /(?<=(?:자리|기회|지면|지면을|이 글)(?:를|을)? )빌어(?=[ ,])/g,
      replace: () => '빌려',
      examples: {
        wrong: [{ text: '이 자리를 빌어 감사의 말씀을 드립니다.', fixed: '이 자리를 빌려 감사의 말씀을 드립니다.' }],
        correct: ['이 자리를 빌려 감사의 말씀을 드립니다.', '용서를 빌어 보았다.'],
      },
    }),
    '빌어',
  ),
];

/**
 * -던지 (지난 일의 회상: 얼마나 웃었던지) vs -든지 (선택·무관: 가든지 말든지) — 한글 맞춤법 제56항.
 * Decided only by a frame: a choice needs a second alternative or an indifference/instruction after
 * it (…든지 …, 상관없다, -면 되다, -세요); a recollection needs an intensifier before it (어찌나,
 * 얼마나) and nothing of choice after it.
 */
export const deonjiDeunjiRules: Rule[] = [
  gated(
    regexRule({
      id: 'grammar.deunji.choice',
      category: 'grammar',
      message: {
        ko: "선택이나 무관함을 나타낼 때는 '-든지'를 씁니다.",
        en: 'For a choice or indifference the ending is -든지, not -던지.',
      },
      norm: '한글 맞춤법 제56항',
      confidence: 0.93,
      re: /(?<=[가-힣])던지(?=[ ,])(?=[^.!?]*(?:든지|던지|든가|상관없|상관 없|관계없|관계 없|괜찮|면 됩니다|면 돼|면 된다|세요|십시오|바랍니다|알아서|마음대로))/g,
      replace: (m, text) =>
        /(?:어찌나|얼마나|어떻게나|오죽|너무|무척|정말|그렇게|그리)\s[^.!?]*$/.test(text.slice(0, m.index)) ? undefined : '든지',
      examples: {
        wrong: [
          { text: '메일로 회신을 주시던지 전화로 알려 주세요.', fixed: '메일로 회신을 주시든지 전화로 알려 주세요.' },
          { text: '점심은 뭘 먹던지 상관없어요.', fixed: '점심은 뭘 먹든지 상관없어요.' },
          { text: '가던지 말던지 알아서 해.', fixed: '가든지 말든지 알아서 해.', count: 2 },
        ],
        correct: ['가든지 말든지 네가 알아서 결정해.', '얼마나 웃었던지 배가 아팠다.', '어찌나 춥던지 혼났다.'],
      },
    }),
    '던지',
  ),
  gated(
    regexRule({
      id: 'grammar.deonji.recollection',
      category: 'grammar',
      message: {
        ko: "지난 일을 회상할 때는 '-던지'를 씁니다 (얼마나 웃었던지).",
        en: 'Recollecting a past event takes -던지 (얼마나 웃었던지).',
      },
      norm: '한글 맞춤법 제56항',
      confidence: 0.93,
      re: /(?<=(?:어찌나|얼마나|어떻게나|오죽) [^.!?]*[가-힣])든지(?=[ ,])(?![^.!?]*(?:든지|든가|상관|관계없|괜찮|면 됩|면 돼|세요|십시오))/g,
      replace: () => '던지',
      examples: {
        wrong: [{ text: '얼마나 많이 웃었든지 나중에는 배가 아팠다.', fixed: '얼마나 많이 웃었던지 나중에는 배가 아팠다.' }],
        correct: ['얼마나 많이 웃었던지 배가 아팠다.', '얼마나 먹든지 상관없다.', '가든지 말든지 해.'],
      },
    }),
    '든지',
    ['어찌나', '얼마나', '어떻게나', '오죽'],
  ),
];

/**
 * -대(요) (hearsay: -다고 해(요)) vs -데(요) (the speaker's own past observation) — 표준국어대사전
 * 「-대」「-데」. Decided only in a clear frame: a hearsay source earlier in the sentence (말씀이,
 * 말로는, 그러시는데, 에 따르면 …) and the sentence ends in -데요/-데 right after a past tense
 * (-었데요) or a present verb form (-ㄴ데요 after a verb stem with ㄴ: 본데요). Without such a
 * source the two are told apart only by meaning: left to the model layer.
 */
export const daeDeRules: Rule[] = [
  gated(
    regexRule({
      id: 'grammar.dae.hearsay',
      category: 'grammar',
      message: {
        ko: "남의 말을 전할 때는 '-대(요)'를 씁니다 (-다고 해요의 준말).",
        en: 'Reported speech takes -대(요) (short for -다고 해요), not -데(요).',
      },
      norm: '표준국어대사전 「-대」「-데」',
      confidence: 0.92,
      re: /(?<=(?:말씀이|말씀으로는|말로는|얘기로는|이야기로는|그러시는데|그러는데|그러던데|에 따르면|에 의하면|듣자 하니|들으니|들었는데) [^.!?]*[가-힣])데(?=요?[.!?]?$|요?[.!?] )/g,
      replace: (m, text) => {
        const prev = text[m.index - 1]!;
        // past (-었/-았/-였/-했/-됐/-겠) or a verb with the present -ㄴ/-는 (본데요 ← 본대요)
        if (
          /[었았였했됐겠갔왔봤줬셨]/.test(prev) ||
          (/[가-힣]/.test(prev) &&
            prev !== '는' &&
            prev !== '던' &&
            prev !== '은' &&
            prev !== '인' &&
            (prev.charCodeAt(0) - 0xac00) % 28 === 4)
        )
          return '대';
        return undefined;
      },
      examples: {
        wrong: [
          { text: '부장님 말씀이 오늘 회의는 취소됐데요.', fixed: '부장님 말씀이 오늘 회의는 취소됐대요.' },
          { text: '선생님이 그러시는데 다음 주에 시험을 본데요.', fixed: '선생님이 그러시는데 다음 주에 시험을 본대요.' },
        ],
        correct: ['그 영화 정말 재미있던데요.', '부장님 말씀이 오늘 회의는 취소됐대요.', '가 보니 사람이 많데요.'],
      },
    }),
    '데',
    ['말씀', '말로는', '얘기로는', '이야기로는', '그러', '따르면', '의하면', '듣자', '들으니', '들었는데'],
  ),
];
