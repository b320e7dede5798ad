/**
 * Pure helpers that map a paragraph-relative UTF-16 span onto Word's search
 * API. No Office globals here: WordHost turns a plan into `Range.search`
 * calls and picks the k-th result.
 *
 * Word facts relied on (see WordHost.ts header for sources):
 *  - `search` takes at most 255 characters (`SearchStringInvalidOrTooLong`).
 *  - without `matchWildcards`, `^` introduces a special character (`^p`, `^t`,
 *    `^?` ...); a literal caret is `^^`. `?` and `*` are literal unless
 *    wildcards are on, so we never turn wildcards on. A tab is searched as `^t`
 *    and a manual line break (U+000B in Paragraph.text) as `^l` ("Use search
 *    options in your Word add-in", special characters table); other control
 *    characters (fields, objects, breaks Word shows as U+0001…U+001F) are never
 *    searched: a span containing one fails instead of being guessed.
 *  - results come back in document order and do not overlap.
 */

export const WORD_SEARCH_LIMIT = 255;

const SEARCH_ESCAPES: Readonly<Record<string, string>> = { '^': '^^', '\t': '^t', '\u000b': '^l' };

/** Escapes a literal string for a non-wildcard Word search (^ → ^^, tab → ^t, line break → ^l). */
export function escapeWordSearch(s: string): string {
  // U+000B is Word's manual line break, searched as ^l.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\^\t\u000b]/g, (c) => SEARCH_ESCAPES[c]!);
}

/** Control characters other than tab and manual line break: not searchable by their text. */
// eslint-disable-next-line no-control-regex -- these control characters are what the check is about
const UNSEARCHABLE = /[\u0000-\u0008\u000a\u000c-\u001f]/;

export function hasUnsearchable(s: string): boolean {
  return UNSEARCHABLE.test(s);
}

/** Start offsets of non-overlapping occurrences, scanning left to right (as Word does). */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  let i = text.indexOf(needle);
  while (i !== -1) {
    out.push(i);
    i = text.indexOf(needle, i + needle.length);
  }
  return out;
}

/** One Word search and which of its results we want. */
export interface SearchStep {
  /** The escaped string passed to `search`. */
  search: string;
  /** The literal text it stands for. */
  literal: string;
  /** 0-based index into the search results. */
  occurrence: number;
  /** Number of results the JS text predicts; any other count means we cannot trust the mapping. */
  expectedCount: number;
}

export type LocatePlan =
  | { kind: 'single'; step: SearchStep }
  /** original longer than the search limit: find head and tail, then `head.expandTo(tail)`. */
  | { kind: 'span'; head: SearchStep; tail: SearchStep }
  /** empty span: insert after `anchor` (or at paragraph start when `anchor` is null). */
  | { kind: 'insert'; anchor: SearchStep | null }
  | { kind: 'fail'; reason: string };

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Longest literal length whose escaped form fits the limit, not splitting a surrogate pair. */
function fittingLength(s: string, fromEnd: boolean): number {
  let budget = WORD_SEARCH_LIMIT;
  let n = 0;
  while (n < s.length) {
    const ch = fromEnd ? s[s.length - 1 - n]! : s[n]!;
    const cost = SEARCH_ESCAPES[ch]?.length ?? 1;
    if (cost > budget) break;
    budget -= cost;
    n++;
  }
  // do not cut through a surrogate pair
  if (n < s.length) {
    if (!fromEnd && n > 0 && isLowSurrogate(s.charCodeAt(n))) n--;
    if (fromEnd && n > 0 && isLowSurrogate(s.charCodeAt(s.length - n))) n--;
  }
  return n;
}

/** Builds a step for the literal that starts at `at` in `text`, or null if the scan never lands there. */
export function stepAt(text: string, literal: string, at: number): SearchStep | null {
  const occ = occurrences(text, literal);
  const k = occ.indexOf(at);
  if (k < 0) return null;
  return { search: escapeWordSearch(literal), literal, occurrence: k, expectedCount: occ.length };
}

/**
 * Plans how to find [start, end) of `text` (which must equal `original`) with
 * Word search. Occurrence k of the literal in the JS string ↔ k-th result.
 */
export function planLocate(text: string, start: number, end: number, original: string): LocatePlan {
  if (start < 0 || end < start || end > text.length) return { kind: 'fail', reason: 'out-of-range' };
  if (text.slice(start, end) !== original) return { kind: 'fail', reason: 'text-mismatch' };
  if (hasUnsearchable(original)) return { kind: 'fail', reason: 'control-character' };
  if (original.length === 0) {
    if (start === 0) return { kind: 'insert', anchor: null };
    // anchor on the text just before the insertion point (a few characters, for few results)
    const from = Math.max(0, start - 8);
    let anchorStart = from;
    if (anchorStart > 0 && isLowSurrogate(text.charCodeAt(anchorStart))) anchorStart--;
    for (let a = anchorStart; a < start; a++) {
      if (isLowSurrogate(text.charCodeAt(a))) continue;
      if (hasUnsearchable(text.slice(a, start))) continue;
      const step = stepAt(text, text.slice(a, start), a);
      if (step) return { kind: 'insert', anchor: step };
    }
    return { kind: 'fail', reason: 'anchor-not-unique' };
  }
  if (escapeWordSearch(original).length <= WORD_SEARCH_LIMIT) {
    const step = stepAt(text, original, start);
    return step ? { kind: 'single', step } : { kind: 'fail', reason: 'overlapping-occurrence' };
  }
  // Head: a prefix of original that the left-to-right scan lands on at `start`;
  // tail: a suffix landing at `end - len`. Repetitive text can make the longest
  // prefix/suffix overlap its own earlier occurrences, so try shorter ones.
  let head: SearchStep | null = null;
  for (let len = fittingLength(original, false); len > 0 && !head; len--) {
    if (isLowSurrogate(original.charCodeAt(len))) continue;
    head = stepAt(text, original.slice(0, len), start);
  }
  let tail: SearchStep | null = null;
  for (let len = fittingLength(original, true); len > 0 && !tail; len--) {
    if (isLowSurrogate(original.charCodeAt(original.length - len))) continue;
    tail = stepAt(text, original.slice(original.length - len), end - len);
  }
  if (!head || !tail) return { kind: 'fail', reason: 'overlapping-occurrence' };
  return { kind: 'span', head, tail };
}

export function nfc(s: string): string {
  return s.normalize('NFC');
}
