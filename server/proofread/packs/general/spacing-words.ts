/**
 * Word spacing (띄어쓰기) of the general pack: dependent nouns (수, 것, 때, 만큼/뿐/대로, 데),
 * auxiliaries (것 같다, 수 있다, 지 않다) and 몇 — only safe contexts. Units, particles and
 * 안 + verb have files of their own (spacing-units, spacing-particles, negation-spacing).
 */
import type { Rule } from '../../types';
import { regexRule } from './helpers';

/** Replacement that inserts a space before the match, spanning the previous syllable too (할것 → 할 것). */
function spaceBefore(m: RegExpExecArray, text: string) {
  const prev = text[m.index - 1];
  if (!prev || prev === ' ') return undefined;
  return [{ start: m.index - 1, end: m.index + m[0].length, replacement: `${prev} ${m[0]}` }];
}

/** Adnominal ending in ㄹ (-ㄹ/-을) that is reliably a verb form, as the last syllable(s) of a word. */
const ADN_L = '(?:[가-힣]을|할|될|갈|볼|올|줄|살|쓸|놀|잘|팔|걸|열|울|풀|밀|칠|탈|끌|빌|클|쉴|뛸|들|만들|이룰|알)';
/** Adnominal ending in ㄴ/ㄹ/던, for 것 / 거. */
const ADN = '(?:는|던|[가-힣]은|[가-힣]을|할|한|될|된|갈|간|올|온|볼|본|줄|준|쓸|쓴|살|산|탈|탄|칠|친|큰|클|만든|만들)';

export const spacingRules: Rule[] = [
  regexRule({
    id: 'spacing.dependent-noun.su',
    category: 'spacing',
    message: { ko: "의존 명사 '수'는 앞말과 띄어 씁니다.", en: "The dependent noun '수' is spaced from the preceding word." },
    norm: '한글 맞춤법 제42항',
    confidence: 0.95,
    re: new RegExp(`(${ADN_L})수(?=(있|없|도 |가 |는 |밖에|조차|[ ](있|없)))`, 'g'),
    replace: (m, text) => {
      const start = m.index;
      const end = start + m[0].length;
      const adn = m[1]!;
      if (adn === '알' && start > 0 && /[가-힣]/.test(text[start - 1]!)) return undefined;
      const out = [{ start, end, replacement: `${adn} 수` }];
      if (/^[있없]/.test(text.slice(end))) out.push({ start: end, end: end + 1, replacement: ' ' + text[end] });
      return out;
    },
    examples: {
      wrong: [
        { text: '할수있는 일', fixed: '할 수 있는 일' },
        { text: '먹을수 없다.', fixed: '먹을 수 없다.' },
        { text: '갈수도 있다.', fixed: '갈 수도 있다.' },
      ],
      correct: ['할 수 있는 일', '할수록 좋다.', '갈수록 어렵다.', '일수가 늘었다.', '별수 없다.', '물수건을 줬다.', '날수를 세다.'],
    },
  }),
  regexRule({
    id: 'spacing.dependent-noun.geot',
    category: 'spacing',
    message: { ko: "의존 명사 '것'은 앞말과 띄어 씁니다.", en: "The dependent noun '것' (거) is spaced from the preceding word." },
    norm: '한글 맞춤법 제42항',
    confidence: 0.93,
    re: new RegExp(
      `(?<=${ADN})(?:것(?=[이을은도만처같]|[ .,?!]|$)|거(?=예요|에요|야|죠|잖|든|라고|라서|니까|[ .,?!]|$))|(?<=는|던)걸(?=[ .,?!]|$)`,
      'g',
    ),
    replace: spaceBefore,
    examples: {
      wrong: [
        { text: '먹는것을 좋아한다.', fixed: '먹는 것을 좋아한다.' },
        { text: '내일 갈거예요.', fixed: '내일 갈 거예요.' },
        { text: '할것이다.', fixed: '할 것이다.' },
        { text: '넘어지는걸 봤다.', fixed: '넘어지는 걸 봤다.' },
      ],
      correct: ['먹는 것을 좋아한다.', '먹을거리가 많다.', '볼거리', '한거번에', '거리에 나갔다.', '큰거북', '미리 할걸.'],
    },
  }),
  regexRule({
    id: 'spacing.dependent-noun.ttae',
    category: 'spacing',
    message: { ko: "'때'는 앞의 관형사형과 띄어 씁니다.", en: "'때' is spaced from the preceding adnominal form." },
    norm: '한글 맞춤법 제2항',
    confidence: 0.93,
    re: new RegExp(`(?<=${ADN_L}|[가-힣]일|었을|았을)때(?!기|리|려|린|우|워|운|웠|문|밀|묻)`, 'g'),
    replace: spaceBefore,
    examples: {
      wrong: [
        { text: '집에 갈때 연락해.', fixed: '집에 갈 때 연락해.' },
        { text: '학생일때 배웠다.', fixed: '학생일 때 배웠다.' },
      ],
      correct: ['집에 갈 때 연락해.', '볼때기가 빨갛다.', '물때가 꼈다.', '이때', '그때'],
    },
  }),
  regexRule({
    id: 'spacing.dependent-noun.manKeum-ppun-daero',
    category: 'spacing',
    message: {
      ko: "관형사형 뒤의 '만큼, 뿐, 대로, 줄, 듯'은 의존 명사이므로 띄어 씁니다.",
      en: 'After an adnominal form, 만큼/뿐/대로/줄/듯 are dependent nouns and are spaced.',
    },
    norm: '한글 맞춤법 제42항',
    confidence: 0.92,
    re: new RegExp(`(?<=(?:는|던|${ADN_L}))(?:만큼|뿐(?=[이만 .,]|$)|대로|줄(?= (?:알|몰|모|안|아))|듯(?=[이 ]))`, 'g'),
    replace: spaceBefore,
    examples: {
      wrong: [
        { text: '먹을만큼 먹어.', fixed: '먹을 만큼 먹어.' },
        { text: '하는대로 해.', fixed: '하는 대로 해.' },
        { text: '할줄 안다.', fixed: '할 줄 안다.' },
        { text: '웃을뿐이다.', fixed: '웃을 뿐이다.' },
      ],
      correct: ['먹을 만큼 먹어.', '너만큼 했다.', '마음대로 해.', '줄을 섰다.', '할 줄 안다.'],
    },
  }),
  regexRule({
    id: 'spacing.geot-gatda',
    category: 'spacing',
    message: {
      ko: "'같다'는 형용사이므로 '것(거)'과 띄어 씁니다 ('것 같다').",
      en: "'같다' is an adjective: write '것 같다' / '거 같다'.",
    },
    norm: '한글 맞춤법 제2항',
    confidence: 0.93,
    // not 같이: '그것같이' has the particle 같이, written attached
    re: /(?<=[것거])같(?=[다은아았게고네습지던요])/g,
    replace: () => ' 같',
    examples: {
      wrong: [
        { text: '비가 올 것같다.', fixed: '비가 올 것 같다.' },
        { text: '그런 거같아요.', fixed: '그런 거 같아요.' },
      ],
      correct: ['비가 올 것 같다.', '그것같이 생겼다.', '거같이'],
    },
  }),
  regexRule({
    id: 'spacing.su-itda',
    category: 'spacing',
    message: {
      ko: "'수' 뒤의 '있다, 없다'는 띄어 씁니다 ('할 수 있다').",
      en: "Space '있다/없다' after the dependent noun '수' (할 수 있다).",
    },
    norm: '한글 맞춤법 제42항',
    confidence: 0.95,
    // 수없이 (adverb 'countless') is one word
    re: /(?<=[가-힣] 수)(?:있|없(?!이))/g,
    replace: (m) => ' ' + m[0],
    examples: {
      wrong: [
        { text: '할 수있다.', fixed: '할 수 있다.' },
        { text: '갈 수없는 곳', fixed: '갈 수 없는 곳' },
      ],
      correct: ['할 수 있다.', '별 수없이 갔다.', '수없이 많다.'],
    },
  }),
  regexRule({
    id: 'spacing.su-bakke',
    category: 'spacing',
    message: { ko: "'밖에'(조사)는 앞말에 붙여 씁니다 ('할 수밖에 없다').", en: "The particle '밖에' is attached: '할 수밖에 없다'." },
    norm: '한글 맞춤법 제41항',
    confidence: 0.95,
    re: /(?<=[가-힣] 수) (?=밖에 ?(?:없|않|못|모르))/g,
    replace: () => '',
    examples: {
      wrong: [{ text: '할 수 밖에 없다.', fixed: '할 수밖에 없다.' }],
      correct: ['할 수밖에 없다.', '집 밖에 없다.'],
    },
  }),
  regexRule({
    id: 'spacing.ppunman-anira',
    category: 'spacing',
    message: { ko: "'뿐만 아니라'는 띄어 씁니다.", en: "Write '뿐만 아니라' with a space." },
    norm: '한글 맞춤법 제2항',
    confidence: 0.95,
    re: /(?<=뿐만?)아니(?=라|고|요)/g,
    replace: () => ' 아니',
    examples: {
      wrong: [
        { text: '학생뿐만아니라 교사도', fixed: '학생뿐만 아니라 교사도' },
        { text: '그뿐아니라', fixed: '그뿐 아니라' },
      ],
      correct: ['학생뿐만 아니라 교사도'],
    },
  }),
  regexRule({
    id: 'spacing.ji-anta',
    category: 'spacing',
    message: { ko: "보조 용언 '-지 않다'는 띄어 씁니다.", en: "The auxiliary in '-지 않다' is spaced (하지 않다)." },
    norm: '한글 맞춤법 제47항',
    confidence: 0.93,
    // 못지않다, 머지않다, 마지않다, 남부럽지않다(x) — 못지않다/머지않다/마지않다 are single words
    re: /(?<=[가-힣](?<![못머마])지)않(?=[가-힣])/g,
    replace: () => ' 않',
    examples: {
      wrong: [
        { text: '먹지않는다.', fixed: '먹지 않는다.' },
        { text: '뜻하지않게 만났다.', fixed: '뜻하지 않게 만났다.' },
      ],
      correct: ['먹지 않는다.', '머지않아 봄이 온다.', '그에 못지않게', '기뻐 마지않았다.'],
    },
  }),
  regexRule({
    id: 'spacing.myeot',
    category: 'spacing',
    message: {
      ko: "관형사 '몇'은 뒤의 단위 명사와 띄어 씁니다.",
      en: "The determiner '몇' is spaced from the counter that follows (몇 번, 몇 개).",
    },
    norm: '한글 맞춤법 제43항',
    confidence: 0.93,
    re: /(?<![가-힣])몇(?=(?:번|개|명|시간|시|살|년|월|달|주|가지|마리|권|장|층|분|초|차례|배|대|잔|군데)(?![가-힣])|(?:번|개|명|시간|살|년|달|가지|마리|권|장|층|차례|군데)(?:[이을를은는도만의째에씩]|에서|이나|밖에|부터|까지))/g,
    replace: () => '몇 ',
    examples: {
      wrong: [
        { text: '몇번 말했다.', fixed: '몇 번 말했다.' },
        { text: '사과 몇개를 샀다.', fixed: '사과 몇 개를 샀다.' },
      ],
      correct: ['몇 번 말했다.', '몇몇 사람', '며칠', '몇 시간'],
    },
  }),
  regexRule({
    id: 'spacing.dependent-noun.de',
    category: 'spacing',
    message: {
      ko: "'곳, 일, 경우'를 뜻하는 의존 명사 '데'는 띄어 씁니다 ('하는 데에').",
      en: "The dependent noun '데' (place/case) is spaced: '하는 데에'.",
    },
    norm: '한글 맞춤법 제42항',
    confidence: 0.93,
    re: /(?<=[가-힣]는)데(?=에(?:는|도|서)?[ ,]|에$)/g,
    replace: spaceBefore,
    examples: {
      wrong: [{ text: '집을 짓는데에 돈이 든다.', fixed: '집을 짓는 데에 돈이 든다.' }],
      correct: ['집을 짓는 데에 돈이 든다.', '비가 오는데 우산이 없다.'],
    },
  }),
];
