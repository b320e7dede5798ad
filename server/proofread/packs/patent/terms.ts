/**
 * Terms in patent claims, for the antecedent-basis rule (상기 X needs an earlier X): particles
 * stripped from a word (keeping a noun's own 이: 손잡이, 높이), the term named after "상기".
 */

const PARTICLES = [
  '으로부터',
  '로부터',
  '에서는',
  '에게서',
  '으로써',
  '으로서',
  '이라는',
  '에서의',
  '에서도',
  '으로는',
  '과의',
  '와의',
  '와는',
  '과는',
  '에서',
  '에게',
  '에는',
  '으로',
  '로써',
  '로서',
  '까지',
  '부터',
  '보다',
  '에도',
  '이며',
  '이고',
  '이나',
  '에의',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
];

/**
 * Nouns whose last syllable is 이 (손잡이, 옷걸이, 칸막이, 높이 …): that 이 is part of
 * the noun, not the subject particle. Derived nouns in -이 are common in claims;
 * this list holds the productive endings (Standard Korean Dictionary's 접미사 -이 forms).
 */
const I_NOUN_ENDINGS = /(잡이|걸이|받이|꽂이|막이|깎이|닦이|덮이|떨이|놀이|먹이|높이|길이|깊이|넓이|굵이|붙이|밀이|감이|돌이|뚫이|받침이)$/;

/** True when a hangul syllable has a final consonant (받침). */
function hasBatchim(ch: string | undefined): boolean {
  if (!ch) return false;
  const code = ch.charCodeAt(0) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 !== 0;
}

/**
 * Nouns ending in 이 that a text shows as such: "손잡이를", "손잡이의", "손잡이가" … (a
 * particle after the 이 proves the 이 belongs to the noun).
 */
export function iNounsIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/([가-힣]+이)(?=(?:를|의|는|가|와|에|로|도|만)(?:[^가-힣]|$))/g)) out.add(m[1]!);
  return out;
}

/** Is `stemWithI` (ending in 이) a noun whose 이 is its own? */
function isINoun(stemWithI: string, known: ReadonlySet<string>, bareI: boolean): boolean {
  if (known.has(stemWithI) || I_NOUN_ENDINGS.test(stemWithI)) return true;
  // The subject particle 이 follows a final consonant only (부재가, 센서부가): after a
  // vowel-final syllable a bare 이 is part of the word. (The copula 이며/이고 follows
  // any noun: 고정부재이며 is 고정부재 + 이며.)
  return bareI && !hasBatchim(stemWithI.at(-2));
}

export function stripParticle(word: string, known: ReadonlySet<string> = new Set()): { stem: string; had: boolean } {
  let w = word;
  let had = false;
  for (let round = 0; round < 2; round++) {
    const p = PARTICLES.find((x) => w.endsWith(x) && w.length > x.length);
    if (!p) break;
    if (p.startsWith('이')) {
      // 손잡이 / 손잡이며: keep a noun's own 이, strip only what follows it.
      const withI = w.slice(0, -p.length) + '이';
      if (isINoun(withI, known, p === '이')) {
        had = had || p.length > 1;
        w = withI;
        break;
      }
    }
    w = w.slice(0, -p.length);
    had = true;
  }
  return { stem: w, had };
}

const NOT_TERM_START = /^(및|또는|그리고|중|각각|모두|각|등|그|해당|하나|적어도)$/;
const ADNOMINAL = /(된|되는|하는|한|진|인|된다)$/;

export interface TermAt {
  /** Candidates, most specific first; found if any appears earlier. */
  candidates: string[];
  display: string;
  /** Length of the text after "상기 " that shows the term. */
  length: number;
}

function cleanWord(w: string, known: ReadonlySet<string>): { stem: string; stop: boolean } {
  let word = w;
  let stop = false;
  const cut = word.search(/[(),.;:]/);
  if (cut >= 0) {
    word = word.slice(0, cut);
    stop = true;
  }
  const { stem, had } = stripParticle(word, known);
  return { stem, stop: stop || had };
}

function spanOf(after: string, term: string): number {
  let i = 0;
  let j = 0;
  while (j < term.length && i < after.length) {
    if (/\s/.test(term[j]!)) j++;
    else if (/\s/.test(after[i]!)) i++;
    else if (after[i] === term[j]) {
      i++;
      j++;
    } else break;
  }
  return i;
}

/** `known`: nouns ending in 이 seen in the document (see iNounsIn). */
export function termAfterSangi(after: string, known: ReadonlySet<string> = new Set()): TermAt | null {
  const tokens = after.split(/\s+/).filter(Boolean).slice(0, 4);
  if (!tokens.length) return null;
  let idx = 1;
  let first = tokens[0]!;
  if (/^제\d+$/.test(first) && tokens[1]) {
    first = `${first} ${tokens[1]}`;
    idx = 2;
  }
  if (NOT_TERM_START.test(first)) return null;
  const a = cleanWord(first, known);
  if (!a.stem) return null;
  const candidates: string[] = [];
  let display = a.stem;
  const next = tokens[idx];
  if (!a.stop && next && !NOT_TERM_START.test(next)) {
    const b = cleanWord(next, known);
    if (b.stem) {
      display = `${a.stem} ${b.stem}`;
      candidates.push(display);
      if (ADNOMINAL.test(a.stem)) candidates.push(b.stem);
    }
  }
  candidates.push(a.stem);
  return { candidates, display, length: spanOf(after, display) };
}

/** The text without white space (terms compared as written with or without spaces). */
export const squash = (s: string) => s.replace(/\s+/g, '');
