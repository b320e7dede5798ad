/**
 * Dictionary layer: Hunspell (hunspell-asm, WebAssembly) with the dictionary-ko word list.
 * dictionary-ko is ESM-only, so its folder is located on disk and its files are read by path.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Paragraph, Suggestion } from './types';
import { suggestionId } from './run-rules';

export interface SpellChecker {
  spell(word: string): boolean;
  suggest(word: string): string[];
}

/** Finds node_modules/dictionary-ko without importing it (ESM-only package). */
function locateDictionaryKo(): string {
  const candidates = [...(require.resolve.paths('dictionary-ko') ?? []), path.join(process.cwd(), 'node_modules')];
  for (const base of candidates) {
    const dir = path.join(base, 'dictionary-ko');
    if (existsSync(path.join(dir, 'index.aff')) && existsSync(path.join(dir, 'index.dic'))) return dir;
  }
  throw new Error('dictionary-ko not found (index.aff/index.dic) in node_modules');
}

let loading: Promise<SpellChecker> | null = null;

/** Loads Hunspell once per process (a few hundred ms) and caches the instance. */
export function loadHunspell(): Promise<SpellChecker> {
  if (!loading) {
    loading = (async () => {
      // hunspell-asm's emscripten glue registers a process 'uncaughtException' handler; keep it from
      // swallowing our own errors by removing what it added.
      const before = new Set(process.listeners('uncaughtException'));
      const { loadModule } = await import('hunspell-asm');
      const factory = await loadModule();
      for (const l of process.listeners('uncaughtException')) if (!before.has(l)) process.removeListener('uncaughtException', l);
      const dir = locateDictionaryKo();
      const aff = factory.mountBuffer(readFileSync(path.join(dir, 'index.aff')), 'ko.aff');
      const dic = factory.mountBuffer(readFileSync(path.join(dir, 'index.dic')), 'ko.dic');
      const h = factory.create(aff, dic);
      return { spell: (w: string) => h.spell(w), suggest: (w: string) => h.suggest(w) };
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** Common particles/endings stripped to find a stem (longest first). */
const PARTICLES = [
  '에서부터',
  '으로부터',
  '로부터',
  '에게서',
  '까지도',
  '에서는',
  '에서도',
  '이라도',
  '이라고',
  '라고',
  '에게는',
  '한테서',
  '에서',
  '에게',
  '한테',
  '으로',
  '까지',
  '부터',
  '처럼',
  '보다',
  '마다',
  '이나',
  '이랑',
  '하고',
  '조차',
  '밖에',
  '에는',
  '와는',
  '과는',
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
  '나',
  '랑',
  '요',
];

export function stripParticle(word: string): string | null {
  for (const p of PARTICLES) if (word.length > p.length + 1 && word.endsWith(p)) return word.slice(0, -p.length);
  return null;
}

/**
 * The unique dictionary word that differs from `word` by one jamo substitution in one syllable
 * (initial, medial or final consonant), or null if there are none or several. Hunspell's own
 * suggest() is ~300 ms per Korean word, far too slow, so candidates are generated here and
 * checked with spell() (~0.03 ms).
 */
export function uniqueNeighbour(sc: SpellChecker, word: string): string | null {
  let found: string | null = null;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 0xac00;
    if (c < 0 || c > 11171) continue;
    const cho = Math.floor(c / 588);
    const jung = Math.floor((c % 588) / 28);
    const jong = c % 28;
    const tryCode = (code: number): boolean => {
      const cand = word.slice(0, i) + String.fromCharCode(0xac00 + code) + word.slice(i + 1);
      if (!sc.spell(cand)) return true;
      if (found !== null && found !== cand) {
        found = '\u0000';
        return false;
      }
      found = cand;
      return true;
    };
    for (let x = 0; x < 19; x++) if (x !== cho && !tryCode(x * 588 + jung * 28 + jong)) return null;
    for (let x = 0; x < 21; x++) if (x !== jung && !tryCode(cho * 588 + x * 28 + jong)) return null;
    for (let x = 0; x < 28; x++) if (x !== jong && !tryCode(cho * 588 + jung * 28 + x)) return null;
  }
  return found;
}

const TOKEN_RE = /(?<![A-Za-z0-9가-힣ㄱ-ㅎㅏ-ㅣ])[가-힣]{2,}(?![A-Za-z0-9가-힣ㄱ-ㅎㅏ-ㅣ])/g;

export interface DictionaryLayerOptions {
  /** Spans already covered by rules: tokens overlapping them are skipped. */
  covered?: ReadonlyArray<{ paragraphId: string; start: number; end: number }>;
  /**
   * Longest token (in syllables) that is looked up (default 4). dictionary-ko has no compound
   * analysis, so longer tokens are mostly correct compounds (특허출원인, 존속기간의) whose
   * "neighbour" is a wrong guess; skipping them is both faster and more precise.
   */
  maxSyllables?: number;
}

/** Per-process memo per checker: token → replacement (null = no suggestion). Deterministic: no per-call cap. */
const TOKEN_MEMO = new WeakMap<SpellChecker, Map<string, string | null>>();
const MEMO_MAX = 200_000;
/** Per-process memo of spell() results (candidate words repeat across tokens). */
const SPELL_MEMO = new WeakMap<SpellChecker, Map<string, boolean>>();

/** Wraps a checker so every spell() result is memoised for the process. */
export function memoSpell(sc: SpellChecker): SpellChecker {
  let m = SPELL_MEMO.get(sc);
  if (!m) SPELL_MEMO.set(sc, (m = new Map()));
  const memo = m;
  return {
    spell(w) {
      let r = memo.get(w);
      if (r === undefined) {
        r = sc.spell(w);
        if (memo.size > MEMO_MAX) memo.clear();
        memo.set(w, r);
      }
      return r;
    },
    suggest: (w) => sc.suggest(w),
  };
}

/** The dictionary's verdict on one token (memoised per process and checker). */
function lookupToken(sc: SpellChecker, word: string, maxSyllables = 4, memoKey: SpellChecker = sc): string | null {
  if (word.length > maxSyllables) return null;
  let MEMO = TOKEN_MEMO.get(memoKey);
  if (!MEMO) TOKEN_MEMO.set(memoKey, (MEMO = new Map()));
  let rep = MEMO.get(word);
  if (rep !== undefined) return rep;
  rep = null;
  if (!sc.spell(word)) {
    const stem = stripParticle(word);
    if (!(stem && sc.spell(stem))) rep = uniqueNeighbour(sc, word);
  }
  if (MEMO.size > MEMO_MAX) MEMO.clear();
  MEMO.set(word, rep);
  return rep;
}

/** Confidence of dictionary suggestions: below the engine's display threshold (measured precision ≈ 0.3). */
const DICTIONARY_CONFIDENCE = 0.6;

/**
 * Hard-gated dictionary suggestions: a Hangul token of 2..maxSyllables syllables unknown to
 * Hunspell, whose particle-stripped stem is unknown too, and which has exactly one dictionary
 * word at one jamo substitution (uniqueNeighbour). Spacing is left to rules/model.
 */
export function dictionarySuggestions(
  sc0: SpellChecker,
  paragraphs: readonly Paragraph[],
  opts: DictionaryLayerOptions = {},
): Suggestion[] {
  const sc = memoSpell(sc0);
  const maxSyl = opts.maxSyllables ?? 4;
  const out: Suggestion[] = [];
  const coveredBy = new Map<string, Array<{ start: number; end: number }>>();
  for (const c of opts.covered ?? []) {
    let arr = coveredBy.get(c.paragraphId);
    if (!arr) coveredBy.set(c.paragraphId, (arr = []));
    arr.push(c);
  }
  for (const p of paragraphs) {
    const covered = coveredBy.get(p.id);
    TOKEN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN_RE.exec(p.text)) !== null) {
      const word = m[0];
      if (word.length > maxSyl) continue;
      const rep = lookupToken(sc, word, maxSyl, sc0);
      if (rep === null) continue;
      const start = m.index;
      const end = start + word.length;
      if (covered && covered.some((c) => c.start < end && start < c.end)) continue;
      out.push({
        id: suggestionId(p.id, start, end, rep, 'dictionary.hunspell'),
        paragraphId: p.id,
        start,
        end,
        original: word,
        replacement: rep,
        category: 'spelling',
        message: `사전에 없는 말입니다. '${rep}'을(를) 뜻하셨나요?`,
        messageEn: `Not in the dictionary. Did you mean '${rep}'?`,
        ruleId: 'dictionary.hunspell',
        source: 'dictionary',
        confidence: DICTIONARY_CONFIDENCE,
      });
    }
  }
  return out;
}
