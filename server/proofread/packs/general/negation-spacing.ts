/**
 * 안 (부정 부사 '아니'의 준말) is a word of its own and is spaced from the verb after it
 * (한글 맞춤법 제2항; 표준국어대사전 「안」): 안하고 → 안 하고. Only before verbs and adjectives
 * from the lexicon below, never before a noun that starts with 안 (안건, 안내, 안보, 안가, 안하무인 …):
 * each entry is a verb form, not a noun. 안되다 is left alone: 안되다 (pitiable, 안됐다) is one word.
 *
 * 돼 (되어의 준말) before an auxiliary verb: '되 있다' → '돼 있다' (한글 맞춤법 제35항 [붙임 2]):
 * 되 + space + 있다/버리다/보다/주다/놓다/두다 is always the -어 form, except after a number
 * (쌀 한 되 있다: 되 is the unit).
 */
import type { Rule } from '../../types';
import { gated } from './gate';
import { regexRule } from './helpers';

const AN_VERBS =
  '(?:하(?:고|면|는|니|지|게|겠|기|며|여|였|더|시|세|자)|해(?:요|서|도|야|라)?(?![가-힣])|했|할|합니|한다|한(?= )|먹|갔|가(?:요|서|고|면|는|니|도|겠)|왔|와(?:요|서|도)|오(?:고|면|는|니|겠|네)|봤|남았|남아|남은|남는|남을|좋[아은다고네지게았]|맞[아는고았으지]|믿[어는고었]|읽[어는고었]|썼|써(?:요|서|도)|쓰(?:고|면|는)|늦[어는고었]|끝나|끝났|들어가|들어와|들어갔|들어왔|들려|들렸|보여|보였|보이|풀려|풀렸|열려|열렸|아파|아팠|아프|바빠|바쁘|바빴|춥|추워|더워|덥|졸려|졸리|마시|마셔|마셨|받[아았고는으]|줘|줬|만나|만났|보내|보냈|찾[아았고는으]|알려|알렸|쉬[어었고는]|웃[어었고는]|자(?:요|고|서)|잤|생기|생겨|생겼|넘[어었고는]|닿[아았고는]|잊[어었고는]|입[어었고는]|사(?:요|고|서)|샀|팔[아았]|팔리|팔려)';

export const negationSpacingRules: Rule[] = [
  gated(
    regexRule({
      id: 'spacing.an-verb',
      category: 'spacing',
      message: {
        ko: "부정 부사 '안'은 뒤의 용언과 띄어 씁니다 (안 하고).",
        en: 'The negative adverb 안 is spaced from the verb after it (안 하고).',
      },
      norm: '한글 맞춤법 제2항',
      confidence: 0.93,
      re: new RegExp(`(?<![가-힣])안(?=${AN_VERBS})(?!하무인)`, 'g'),
      replace: () => '안 ',
      examples: {
        wrong: [
          { text: '오늘은 야근을 안하고 퇴근한다.', fixed: '오늘은 야근을 안 하고 퇴근한다.' },
          { text: '지각을 한 번도 안했다.', fixed: '지각을 한 번도 안 했다.' },
          { text: '시간이 얼마 안남았으니 서두르세요.', fixed: '시간이 얼마 안 남았으니 서두르세요.' },
          { text: '요즘은 커피를 안마셔요.', fixed: '요즘은 커피를 안 마셔요.' },
        ],
        correct: [
          '안 하고 퇴근한다.',
          '안주를 시켰다.',
          '안자 선생',
          '안사람',
          '안건을 논의했다.',
          '안내해 드립니다.',
          '안보 문제',
          '안하무인으로 굴었다.',
          '참 안됐다.',
          '안가에서 만났다.',
          '안녕하세요.',
        ],
      },
    }),
    '안',
  ),
  gated(
    regexRule({
      id: 'spelling.doe-dwae.aux',
      category: 'spelling',
      message: { ko: "'되어'가 줄면 '돼'로 적습니다 (기록돼 있다, 돼 버리면).", en: "'되어' contracts to '돼' (기록돼 있다, 돼 버리면)." },
      norm: '한글 맞춤법 제35항 [붙임 2]',
      confidence: 0.95,
      re: /(?<![0-9] ?)(?<!(?:한|두|세|네|몇|서너|여러) )되(?= (?:있|있었|있는|있다|있어|있습|버리|버렸|버린|버려|보|봤|봐|주|줬|놓|놨|두|둔|뒀))/g,
      replace: (m, text) => (m.index > 0 && text[m.index - 1] !== ' ' && !/[가-힣]/.test(text[m.index - 1]!) ? undefined : '돼'),
      examples: {
        wrong: [
          { text: '발언은 회의록에 그대로 기록되 있습니다.', fixed: '발언은 회의록에 그대로 기록돼 있습니다.' },
          { text: '그렇게 되 버리면 일정이 꼬인다.', fixed: '그렇게 돼 버리면 일정이 꼬인다.' },
        ],
        correct: ['기록돼 있습니다.', '쌀 한 되 있어요?', '기록되어 있습니다.', '2 되 있다'],
      },
    }),
    '되 ',
  ),
];
