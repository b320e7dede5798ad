/** Spelling rules of the general pack: 되/돼, 안/않, 율/률, 며칠, 사이시옷, 두음법칙, frequent misspellings, loanwords. */
import type { Rule } from '../../types';
import { JONG_L, JONG_N, jong, regexRule, tableRule } from './helpers';

export const spellingRules: Rule[] = [
  regexRule({
    id: 'spelling.doe-dwae.past',
    category: 'spelling',
    message: { ko: "'되었'의 준말은 '됐'입니다.", en: "The contraction of '되었' is '됐', not '됬'." },
    norm: '한글 맞춤법 제35항 [붙임 2]',
    confidence: 0.98,
    re: /됬[가-힣]*/g,
    replace: (m) => m[0].replace(/됬/g, '됐'),
    examples: {
      wrong: [
        { text: '일이 다 됬다.', fixed: '일이 다 됐다.' },
        { text: '준비가 됬어요', fixed: '준비가 됐어요' },
      ],
      correct: ['일이 다 됐다.', '준비가 되었어요.'],
    },
  }),
  regexRule({
    id: 'spelling.doe-dwae.eo',
    category: 'spelling',
    message: { ko: "'되어'가 줄면 '돼'로 적습니다.", en: "'되어' contracts to '돼' (돼요, 돼서, 돼야)." },
    norm: '한글 맞춤법 제35항 [붙임 2]',
    confidence: 0.95,
    re: /(?<![가-힣])안되요|되(?:요|서(?!다)|야)/g,
    replace: (m) => (m[0] === '안되요' ? '안 돼요' : '돼' + m[0].slice(1)),
    examples: {
      wrong: [
        { text: '그러면 안되요.', fixed: '그러면 안 돼요.' },
        { text: '이제 되요.', fixed: '이제 돼요.' },
        { text: '합격하게 되서 기뻐요.', fixed: '합격하게 돼서 기뻐요.' },
        { text: '꼭 되야 한다.', fixed: '꼭 돼야 한다.' },
      ],
      correct: ['이제 돼요.', '합격하게 되어서 기뻐요.', '훌륭한 사람이 되라고 했다.', '뒤로 되서다.'],
    },
  }),
  regexRule({
    id: 'spelling.doe-dwae.stem',
    category: 'spelling',
    message: { ko: "어미 '-는, -면, -고, -기' 앞에서는 '되'로 적습니다.", en: "Before -는/-면/-고/-기 the stem is '되', not '돼'." },
    norm: '한글 맞춤법 제35항 [붙임 2]',
    confidence: 0.9,
    re: /돼(?=는|면|기(?![가-힣]{0,1}고기)|고(?!기))/g,
    replace: () => '되',
    examples: {
      wrong: [{ text: '그렇게 돼면 좋겠다.', fixed: '그렇게 되면 좋겠다.' }],
      correct: ['그렇게 되면 좋겠다.', '돼지고기를 샀다.', '안 돼요.'],
    },
  }),
  regexRule({
    id: 'spelling.an-anh',
    category: 'spelling',
    message: { ko: "부정 부사는 '안', 보조 용언 '-지 않다'는 '않'으로 적습니다.", en: "Negation adverb is '안'; after -지 it is '않다'." },
    norm: '한글 맞춤법 제39항',
    confidence: 0.9,
    re: /(?<![가-힣])않(?:되|돼)|(?<![가-힣])않(?= [가-힣])|(?<=[가-힣])(?<!버)지 안(?=아요|았|아서|아도|아야|는다|는데|는지|습니|으면|으니|을까|을게|게 )/g,
    replace: (m) => {
      const s = m[0];
      if (s === '않되' || s === '않돼') return '안 ' + s[1];
      if (s === '않') return '안';
      return '지 않';
    },
    examples: {
      wrong: [
        { text: '그러면 않돼.', fixed: '그러면 안 돼.' },
        { text: '밥을 않 먹었다.', fixed: '밥을 안 먹었다.' },
        { text: '가지 안아요.', fixed: '가지 않아요.' },
        { text: '먹지 안는다.', fixed: '먹지 않는다.' },
      ],
      correct: ['그러면 안 돼.', '밥을 안 먹었다.', '가지 않아요.', '아버지 안아 드렸다.', '부지 안에 있다.', '아기를 안아요.'],
    },
  }),
  regexRule({
    id: 'spelling.ro-sseo',
    category: 'grammar',
    message: { ko: "수단·방법은 '(으)로써'입니다 ('-ㅁ으로써').", en: "Means/instrument is '(으)로써' (e.g. 함으로써)." },
    norm: '표준국어대사전 「-으로써」',
    confidence: 0.9,
    re: /(?:함|됨|킴|줌)으로서(?![가-힣])|(?<![가-힣])이로서(?= )/g,
    replace: (m) => m[0].replace('로서', '로써'),
    examples: {
      wrong: [
        { text: '운동을 함으로서 건강해졌다.', fixed: '운동을 함으로써 건강해졌다.' },
        { text: '이로서 회의를 마칩니다.', fixed: '이로써 회의를 마칩니다.' },
      ],
      correct: ['운동을 함으로써 건강해졌다.', '사람으로서 할 일이다.', '교사로서 말한다.'],
    },
  }),
  regexRule({
    id: 'spelling.yul-ryul',
    category: 'spelling',
    message: {
      ko: "모음이나 ㄴ 받침 뒤에서는 '율', 그 밖에는 '률'로 적습니다.",
      en: "'율' after a vowel or ㄴ, otherwise '률' (비율, 합격률).",
    },
    norm: '한글 맞춤법 제11항 [붙임 1]',
    confidence: 0.93,
    re: /(?<=[가-힣])[율률](?=[이을은도과의로에만적]|[^가-힣]|$)(?![이을은도과의로에만적][가-힣]{2})/g,
    replace: (m, text) => {
      const prev = text[m.index - 1];
      const j = jong(prev);
      if (j < 0) return undefined;
      const want = j === 0 || j === JONG_N ? '율' : '률';
      if (want === m[0]) return undefined;
      // only when the previous syllable starts the word or is part of a Sino-Korean noun: require a word of >= 2 syllables incl. 율/률
      return [{ start: m.index - 1, end: m.index + 1, replacement: prev + want }];
    },
    examples: {
      wrong: [
        { text: '비률이 높다.', fixed: '비율이 높다.' },
        { text: '할인률은 10%다.', fixed: '할인율은 10%다.' },
        { text: '합격율이 올랐다.', fixed: '합격률이 올랐다.' },
      ],
      correct: ['비율이 높다.', '할인율은 10%다.', '합격률이 올랐다.', '법률과 규율을 지킨다.', '확률과 백분율', '정율성 기념관'],
    },
  }),
  tableRule({
    id: 'spelling.myeochil',
    category: 'spelling',
    message: { ko: "'몇 일'이 아니라 '며칠'로 적습니다.", en: "Write '며칠', not '몇일'/'몇 일'." },
    norm: '한글 맞춤법 제27항 [붙임 2]',
    confidence: 0.95,
    table: { 몇일: '며칠', '몇 일': '며칠' },
    examples: {
      wrong: [
        { text: '오늘이 몇일이야?', fixed: '오늘이 며칠이야?' },
        { text: '몇 일 동안 쉬었다.', fixed: '며칠 동안 쉬었다.' },
      ],
      correct: ['오늘이 며칠이야?', '몇 월 며칠'],
    },
  }),
  tableRule({
    id: 'spelling.saisiot',
    category: 'spelling',
    message: { ko: '사이시옷 표기가 잘못되었습니다.', en: 'Wrong use (or omission) of the linking ㅅ (사이시옷).' },
    norm: '한글 맞춤법 제30항',
    confidence: 0.95,
    table: {
      갯수: '개수',
      싯가: '시가',
      댓가: '대가',
      촛점: '초점',
      잇점: '이점',
      뒷풀이: '뒤풀이',
      뒷처리: '뒤처리',
      윗층: '위층',
      윗쪽: '위쪽',
      뒷편: '뒤편',
      햇님: '해님',
      마굿간: '마구간',
      등교길: '등굣길',
      하교길: '하굣길',
      귀가길: '귀갓길',
      장마비: '장맛비',
      나무잎: '나뭇잎',
      전세집: '전셋집',
      고기국: '고깃국',
      선지국: '선짓국',
      북어국: '북엇국',
      만두국: '만둣국',
      순대국: '순댓국',
    },
    examples: {
      wrong: [
        { text: '사과의 갯수를 센다.', fixed: '사과의 개수를 센다.' },
        { text: '촛점이 흐리다.', fixed: '초점이 흐리다.' },
        { text: '등교길에 만났다.', fixed: '등굣길에 만났다.' },
      ],
      correct: ['사과의 개수를 센다.', '횟수가 많다.', '등굣길에 만났다.', '찻잔을 들었다.'],
    },
  }),
  regexRule({
    id: 'spelling.dueum.yeondo',
    category: 'spelling',
    message: { ko: "단어 첫머리의 '년도'는 '연도'로 적습니다.", en: "Word-initially write '연도' (두음 법칙), e.g. 회계 연도." },
    norm: '한글 맞춤법 제10항',
    confidence: 0.9,
    re: /(?<![가-힣0-9])(?<![0-9] )년도/g,
    replace: () => '연도',
    examples: {
      wrong: [
        { text: '회계 년도 결산', fixed: '회계 연도 결산' },
        { text: '년도별 통계', fixed: '연도별 통계' },
      ],
      correct: ['2024년도 예산', '회계 연도 결산', '2024 년도'],
    },
  }),
  tableRule({
    id: 'spelling.frequent',
    category: 'spelling',
    message: { ko: '자주 틀리는 맞춤법입니다.', en: 'A frequent misspelling.' },
    norm: '한글 맞춤법 / 표준어 규정',
    confidence: 0.95,
    table: {
      어떻케: '어떻게',
      어떡게: '어떻게',
      어떻해: '어떡해',
      왠만하면: '웬만하면',
      왠만한: '웬만한',
      왠만큼: '웬만큼',
      왠일: '웬일',
      웬지: '왠지',
      금새: '금세',
      희안한: '희한한',
      희안하: '희한하',
      어의없: '어이없',
      설겆이: '설거지',
      오랫만: '오랜만',
      오랜동안: '오랫동안',
      역활: '역할',
      일일히: '일일이',
      깨끗히: '깨끗이',
      곰곰히: '곰곰이',
      틈틈히: '틈틈이',
      번번히: '번번이',
      솔직이: '솔직히',
      되물림: '대물림',
      도데체: '도대체',
      돌맹이: '돌멩이',
      설레임: '설렘',
      짜집기: '짜깁기',
      쭈꾸미: '주꾸미',
      김치찌게: '김치찌개',
      된장찌게: '된장찌개',
      통채로: '통째로',
      폭팔: '폭발',
      핼쓱: '핼쑥',
      내노라: '내로라',
      어떻하: '어떡하',
      가르키: '가리키',
      가르켜: '가리켜',
      가르켰: '가리켰',
      되뇌이: '되뇌',
      설레이: '설레',
      삼가하: '삼가',
      삼가해: '삼가',
      애시당초: '애당초',
      떡볶기: '떡볶이',
      곱배기: '곱빼기',
      건데기: '건더기',
      숫가락: '숟가락',
      젖가락: '젓가락',
      귀뜸: '귀띔',
      널부러: '널브러',
      통털어: '통틀어',
      안성마춤: '안성맞춤',
      짜투리: '자투리',
      아둥바둥: '아등바등',
      초생달: '초승달',
      요컨데: '요컨대',
      무릎쓰: '무릅쓰',
      치뤄: '치러',
      치뤘: '치렀',
      치루: '치르',
      담궈: '담가',
      담궜: '담갔',
      잠궈: '잠가',
      잠궜: '잠갔',
      바꼈: '바뀌었',
      사겼: '사귀었',
      넓직: '널찍',
      두리뭉실: '두루뭉술',
      맛배기: '맛보기',
      서슴치: '서슴지',
      어줍잖: '어쭙잖',
      움추리: '움츠리',
      웅큼: '움큼',
      으시대: '으스대',
      유도심문: '유도신문',
      육계장: '육개장',
      재털이: '재떨이',
      절대절명: '절체절명',
      짭잘: '짭짤',
      하마트면: '하마터면',
      희노애락: '희로애락',
      뵈요: '봬요',
      개구장이: '개구쟁이',
      멋장이: '멋쟁이',
      빈털털이: '빈털터리',
      여지껏: '여태껏',
      궁시렁: '구시렁',
      구지: '굳이',
      눈꼽: '눈곱',
      닥달: '닦달',
      뒤치닥거리: '뒤치다꺼리',
      애띤: '앳된',
      몇일: '며칠',
      요세: '요새',
      가벼히: '가벼이',
    },
    examples: {
      wrong: [
        { text: '어떻케 하지?', fixed: '어떻게 하지?' },
        { text: '왠일이야, 금새 왔네.', fixed: '웬일이야, 금세 왔네.' },
        { text: '설겆이를 오랫만에 했다.', fixed: '설거지를 오랜만에 했다.' },
        { text: '역활을 일일히 나눴다.', fixed: '역할을 일일이 나눴다.' },
        { text: '어의없는 일', fixed: '어이없는 일' },
        { text: '시험을 치뤘다. 어떻하지?', fixed: '시험을 치렀다. 어떡하지?' },
        { text: '내노라하는 사람이 손으로 가르켰다.', fixed: '내로라하는 사람이 손으로 가리켰다.' },
        { text: '김치를 담궜다.', fixed: '김치를 담갔다.' },
      ],
      correct: [
        '어떻게 하지?',
        '왠지 웬일인지 모르겠다.',
        '설거지를 오랜만에 했다.',
        '요새 어때?',
        '기자가 구지역을 취재했다.',
        '시험을 치렀다.',
        '문을 잠갔다.',
        '내로라하는 사람들',
        '손가락으로 가리켰다.',
      ],
    },
    notBefore: '역', // 구지역 (舊地域)
  }),
  regexRule({
    id: 'spelling.waen',
    category: 'spelling',
    message: { ko: "'어찌 된, 어떠한'의 뜻은 '웬'입니다 ('왠'은 '왠지'에만).", en: "'웬' means 'what/which'; '왠' only occurs in '왠지'." },
    norm: '표준국어대사전 「웬」',
    confidence: 0.9,
    re: /(?<![가-힣])왠(?= [가-힣])/g,
    replace: () => '웬',
    examples: { wrong: [{ text: '왠 사람이 왔다.', fixed: '웬 사람이 왔다.' }], correct: ['웬 사람이 왔다.', '왠지 좋다.'] },
  }),
  regexRule({
    id: 'spelling.ge-kke',
    category: 'spelling',
    message: { ko: "어미 '-ㄹ게, -ㄹ걸'은 예사소리로 적습니다.", en: 'Endings -ㄹ게/-ㄹ걸 are written with ㄱ, not ㄲ.' },
    norm: '한글 맞춤법 제53항',
    confidence: 0.95,
    re: /(?<=[가-힣])[께껄](?=요|[ .,!?~]|$)/g,
    replace: (m, text) => {
      if (jong(text[m.index - 1]) !== 8) return undefined;
      if (m[0] === '께' && text[m.index + 1] !== '요' && !/^[.!?~]|^$/.test(text.slice(m.index + 1, m.index + 2))) return undefined;
      return m[0] === '께' ? '게' : '걸';
    },
    examples: {
      wrong: [
        { text: '내가 할께요.', fixed: '내가 할게요.' },
        { text: '금방 갈께.', fixed: '금방 갈게.' },
        { text: '미리 할껄.', fixed: '미리 할걸.' },
      ],
      correct: ['내가 할게요.', '선생님께 드렸다.', '아들께 물었다.', '함께 가요.'],
    },
  }),
  regexRule({
    id: 'spelling.eumnida',
    category: 'spelling',
    message: { ko: "'-읍니다'가 아니라 '-습니다'로 적습니다.", en: "Write '-습니다', not '-읍니다'." },
    norm: '표준어 규정 제17항',
    confidence: 0.97,
    re: /(?<=[가-힣])읍니(?=다|까)/g,
    replace: (m, text) => (jong(text[m.index - 1]) > 0 ? '습니' : undefined),
    examples: { wrong: [{ text: '잘 받았읍니다.', fixed: '잘 받았습니다.' }], correct: ['잘 받았습니다.', '읍니다'] },
  }),
  regexRule({
    id: 'spelling.doe-dwae.final',
    category: 'spelling',
    message: {
      ko: "문장을 끝내는 '되어'의 준말은 '돼'입니다 ('되'로 끝날 수 없습니다).",
      en: "A sentence cannot end in the bare stem '되'; write '돼' (= 되어).",
    },
    norm: '한글 맞춤법 제35항 [붙임 2]',
    confidence: 0.93,
    re: /(?<=[가-힣] ?)되(?=[.!?~]|$)/g,
    replace: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 4), m.index);
      // 되 as a unit of volume: 한 되, 두 되, 쌀 몇 되
      if (/(?:^|[^가-힣])(?:한|두|세|석|네|넉|몇|반|닷|엿|서|너) ?$/.test(before)) return undefined;
      return '돼';
    },
    examples: {
      wrong: [
        { text: '그러면 안 되.', fixed: '그러면 안 돼.' },
        { text: '이제 가도 되?', fixed: '이제 가도 돼?' },
      ],
      correct: ['그러면 안 돼.', '쌀 한 되.', '되도록 빨리', '그렇게 되면 좋다.'],
    },
  }),
  regexRule({
    id: 'spelling.lkke-future',
    category: 'spelling',
    message: {
      ko: "'-ㄹ 거'의 '거'(것)는 예사소리로 적고 띄어 씁니다.",
      en: "Write '-ㄹ 거' (= 것): plain ㄱ, spaced (할꺼야 → 할 거야).",
    },
    norm: '한글 맞춤법 제53항, 제42항',
    confidence: 0.93,
    re: /(?<=[가-힣])꺼(?=야|예요|에요|라고|라서|라는|니까|냐|다|지|같|[ .,?!]|$)/g,
    replace: (m, text) => {
      const prev = text[m.index - 1]!;
      if (jong(prev) !== JONG_L) return undefined;
      return [{ start: m.index - 1, end: m.index + 1, replacement: `${prev} 거` }];
    },
    examples: {
      wrong: [
        { text: '내일 할꺼야.', fixed: '내일 할 거야.' },
        { text: '비가 올꺼 같아.', fixed: '비가 올 거 같아.' },
      ],
      correct: ['내일 할 거야.', '불을 꺼야 해.', '주머니에서 꺼냈다.', '헐거워졌다.'],
    },
  }),
  regexRule({
    id: 'spelling.ryeogo',
    category: 'spelling',
    message: {
      ko: "의도를 나타내는 어미는 '-(으)려고, -(으)려면'입니다 ('-ㄹ려고'는 비표준).",
      en: 'The intention ending is -(으)려고/-(으)려면, not -ㄹ려고 (할려고 → 하려고).',
    },
    norm: "표준국어대사전 「-으려고」 ('-ㄹ려고'는 비표준)",
    confidence: 0.93,
    re: /(?:[할될볼]|(?<=[가-힣])을)려(?=고|면|는|던|다가)/g,
    replace: (m) => ({ 할: '하', 될: '되', 볼: '보', 을: '으' })[m[0][0] as '할']! + '려',
    examples: {
      wrong: [
        { text: '공부를 할려고 했다.', fixed: '공부를 하려고 했다.' },
        { text: '밥을 먹을려면 손을 씻어.', fixed: '밥을 먹으려면 손을 씻어.' },
        { text: '영화를 볼려고 왔다.', fixed: '영화를 보려고 왔다.' },
      ],
      correct: ['공부를 하려고 했다.', '만들려고 했다.', '살려고 애썼다.', '문을 열려고 했다.', '알려고 한다.', '소리가 들려고'],
    },
  }),
  regexRule({
    id: 'spelling.baram',
    category: 'spelling',
    message: {
      ko: "'바라다'(소망)의 활용형·명사형은 '바라, 바랐다, 바람'입니다 ('바래다'는 빛이 변하는 것).",
      en: "바라다 (to wish) gives 바라/바랐다/바람; 바래다 means 'to fade'.",
    },
    norm: '표준국어대사전 「바라다」, 표준어 규정 제11항',
    confidence: 0.92,
    re: /(?<=(?:기를|길|기) )바래(?=요|[ .,!~]|$)|(?<=(?:기를|길|기) )바랬|(?<![가-힣])(?:나의|우리의|내|제|간절한|작은) 바램(?=[이은을과도]|[ .,!]|$)/g,
    replace: (m) => {
      if (m[0] === '바래') return '바라';
      if (m[0] === '바랬') return '바랐';
      return m[0].replace('바램', '바람');
    },
    examples: {
      wrong: [
        { text: '잘 되길 바래.', fixed: '잘 되길 바라.' },
        { text: '행복하기를 바랬다.', fixed: '행복하기를 바랐다.' },
        { text: '나의 바램은 평화다.', fixed: '나의 바람은 평화다.' },
      ],
      correct: ['잘 되길 바라.', '색이 바래요.', '빛이 바랜 사진', '나의 바람은 평화다.'],
    },
  }),
  regexRule({
    id: 'spelling.seum',
    category: 'spelling',
    message: { ko: "명사형 어미는 '-음'입니다 ('있슴' → '있음').", en: 'The nominal ending is -음 (있음, 없음), not -슴.' },
    norm: '한글 맞춤법 제19항, 표준어 규정 제17항',
    confidence: 0.95,
    re: /(?<=[있없었았였했됐겠갔왔봤줬셨])슴(?![가-힣])/g,
    replace: () => '음',
    examples: {
      wrong: [
        { text: '재고 없슴.', fixed: '재고 없음.' },
        { text: '확인했슴', fixed: '확인했음' },
      ],
      correct: ['재고 없음.', '있습니다.'],
    },
  }),
  regexRule({
    id: 'spelling.anieyo',
    category: 'spelling',
    message: { ko: "'아니다' 뒤에는 '-에요'가 붙어 '아니에요'입니다.", en: "아니다 + -에요 is '아니에요', not '아니예요'." },
    norm: '표준국어대사전 「-에요」',
    confidence: 0.95,
    re: /(?<![가-힣])아니예(?=요)/g,
    replace: () => '아니에',
    examples: { wrong: [{ text: '그게 아니예요.', fixed: '그게 아니에요.' }], correct: ['그게 아니에요.'] },
  }),
  regexRule({
    id: 'spelling.deureonada',
    category: 'spelling',
    message: { ko: "'보이게 되다'의 뜻은 '드러나다'입니다 ('들어나다'는 없는 말).", en: "'To be revealed' is 드러나다, not 들어나다." },
    norm: '한글 맞춤법 제15항 [붙임 1]',
    confidence: 0.93,
    re: /(?<![가-힣])들어(?=났|나(?:[다고며면게지]|는|서 [^가들]))/g,
    replace: () => '드러',
    examples: {
      wrong: [
        { text: '진실이 들어났다.', fixed: '진실이 드러났다.' },
        { text: '본색이 들어나는 순간', fixed: '본색이 드러나는 순간' },
      ],
      correct: ['진실이 드러났다.', '방에 들어나가', '짐을 들어내다.'],
    },
  }),
];
