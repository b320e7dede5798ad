/** Korean particle allomorphs that depend on whether the preceding word ends in a consonant (받침). */

/** True when the last syllable of the word has a final consonant; digits/Latin are read heuristically. */
export function hasBatchim(word: string): boolean {
  const ch = word.trim().slice(-1);
  if (!ch) return false;
  const code = ch.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  if (/[013678]/.test(ch)) return true; // 영/일/삼/육/칠/팔 (and 십 for 0)
  if (/[2459]/.test(ch)) return false;
  if (/[LMNlmn]/.test(ch)) return true; // 엘, 엠, 엔
  return false;
}

/** Batchim of the last syllable is ㄹ (for 으로/로). */
function endsWithRieul(word: string): boolean {
  const ch = word.trim().slice(-1);
  const code = ch.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 === 8;
  return ch === '1' || ch === '7' || ch === '8' || /[Ll]/.test(ch);
}

const PAIRS: Array<[string, string]> = [
  ['은', '는'],
  ['이', '가'],
  ['을', '를'],
  ['과', '와'],
  ['이라', '라'],
  ['이란', '란'],
  ['이나', '나'],
  ['이며', '며'],
];

/** Particle forms that change with the preceding word, longest first (for matching after a term). */
export const VARIABLE_PARTICLES: readonly string[] = [
  '으로',
  '이라',
  '이란',
  '이나',
  '이며',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '과',
  '와',
  '로',
  '라',
  '란',
  '나',
  '며',
];

/** The particle form that fits after `word` (e.g. ("갑", "는") -> "은"). Unknown particles are returned unchanged. */
export function fitParticle(word: string, particle: string): string {
  if (particle === '으로' || particle === '로') return hasBatchim(word) && !endsWithRieul(word) ? '으로' : '로';
  for (const [withB, without] of PAIRS) {
    if (particle === withB || particle === without) return hasBatchim(word) ? withB : without;
  }
  return particle;
}
