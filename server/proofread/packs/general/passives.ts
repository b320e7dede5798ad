/**
 * Redundant (double) passives: a passive verb (-되다, or a stem with the passive suffix -이-/-히-/
 * -리-/-기-) with '-어지다' added on top (되어지다, 보여지다, 불려지다, 닫혀지다). 국립국어원
 * treats them as 이중 피동 and recommends the single passive; it is a matter of style rather than a
 * 맞춤법 조항 (조항 미확인: 표준국어대사전 and 국립국어원 온라인가나다 on '이중 피동'), so these are
 * 'style' findings. Only passive stems from the lexicon: 밝혀지다 or 넓혀지다 come from causative or
 * active -히- verbs and are correct, so they are not in it.
 */
import type { Rule } from '../../types';
import { gated } from './gate';
import { regexRule } from './helpers';

/** Passive stem in its -어 form → the same stem in its base form (보여 → 보이). */
const PASSIVE_STEMS: Record<string, string> = {
  보여: '보이',
  불려: '불리',
  닫혀: '닫히',
  쓰여: '쓰이',
  열려: '열리',
  놓여: '놓이',
  쌓여: '쌓이',
  믿겨: '믿기',
  팔려: '팔리',
  찢겨: '찢기',
  갇혀: '갇히',
  잡혀: '잡히',
  뽑혀: '뽑히',
  먹혀: '먹히',
  풀려: '풀리',
  밀려: '밀리',
  눌려: '눌리',
  담겨: '담기',
  안겨: '안기',
  쫓겨: '쫓기',
  들려: '들리',
  걸려: '걸리',
  되어: '되',
};

/** Adds a final consonant (jongseong index) to a syllable without one. */
function withFinal(syl: string, jongIndex: number): string {
  return String.fromCharCode(syl.charCodeAt(0) + jongIndex);
}
const J_N = 4;
const J_L = 8;
const J_B = 17;
const J_SS = 20;

/** The single passive for stem-in-어 + the ending after '-어지/-어져/-어졌/-어집/-어진/-어질'. */
function singlePassive(stemEo: string, base: string, rest: string): string | null {
  const last = base.slice(0, -1);
  const lastSyl = base[base.length - 1]!;
  if (rest.startsWith('집니')) return last + withFinal(lastSyl, J_B) + rest.slice(1); // 보여집니다 → 보입니다
  if (rest.startsWith('진다')) return last + withFinal(lastSyl, J_N) + rest.slice(1); // 보여진다 → 보인다
  if (rest.startsWith('졌')) {
    const eoLast = stemEo[stemEo.length - 1]!;
    if (stemEo === '되어') return '되었' + rest.slice(1); // 되어졌다 → 되었다
    return stemEo.slice(0, -1) + withFinal(eoLast, J_SS) + rest.slice(1); // 보여졌다 → 보였다
  }
  if (rest.startsWith('져')) return stemEo + rest.slice(1); // 보여져서 → 보여서, 되어져야 → 되어야
  if (rest.startsWith('진')) return last + withFinal(lastSyl, J_N) + rest.slice(1); // 보여진 → 보인
  if (rest.startsWith('질')) return last + withFinal(lastSyl, J_L) + rest.slice(1); // 보여질 → 보일
  if (rest.startsWith('지')) return base + rest.slice(1); // 보여지는 → 보이는, 되어지고 → 되고
  return null;
}

const STEMS = Object.keys(PASSIVE_STEMS).join('|');

export const passiveRules: Rule[] = [
  gated(
    regexRule({
      id: 'style.double-passive',
      category: 'style',
      message: {
        ko: "피동 표현이 겹쳤습니다: '-어지다'를 빼고 씁니다 (보여집니다 → 보입니다).",
        en: "Double passive: drop '-어지다' (보여집니다 → 보입니다).",
      },
      norm: '국립국어원 이중 피동 (조항 미확인)',
      confidence: 0.9,
      re: new RegExp(`(${STEMS})(집니|진다|졌|져|진|질|지(?=[는고게기면며지도만요]|$| ))`, 'g'),
      replace: (m, text) => {
        const stemEo = m[1]!;
        const base = PASSIVE_STEMS[stemEo]!;
        const end = m.index + m[0].length;
        const extra = text.slice(end, end + 2);
        const rest = m[2]! + extra;
        const fixed = singlePassive(stemEo, base, rest);
        if (fixed === null) return undefined;
        return [{ start: m.index, end: end + extra.length, replacement: fixed }];
      },
      examples: {
        wrong: [
          { text: '조속히 해결되어져야 합니다.', fixed: '조속히 해결되어야 합니다.' },
          { text: '수요가 증가할 것으로 보여집니다.', fixed: '수요가 증가할 것으로 보입니다.' },
          { text: '많은 사람들에게 불려졌다.', fixed: '많은 사람들에게 불렸다.' },
          { text: '문이 저절로 닫혀졌다.', fixed: '문이 저절로 닫혔다.' },
          { text: '가장 합리적이라고 생각되어집니다.', fixed: '가장 합리적이라고 생각됩니다.' },
          { text: '책에 쓰여진 내용', fixed: '책에 쓰인 내용' },
        ],
        correct: [
          '진실이 밝혀졌다.',
          '도로가 넓혀졌다.',
          '조속히 해결되어야 합니다.',
          '수요가 증가할 것으로 보입니다.',
          '물건이 나누어졌다.',
        ],
      },
    }),
    ['져', '졌', '지', '집', '진', '질'],
  ),
];
