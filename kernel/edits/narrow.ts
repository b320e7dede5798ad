/**
 * Narrowing an edit to the smallest span that changes: the prefix and suffix the original
 * shares with its replacement are left out, never splitting a surrogate pair. The relay's
 * model layer uses it to give each suggestion its smallest span; the Word adapter uses it so
 * a tracked change covers the fewest characters (keeping one character to search for).
 */
export interface TextEdit {
  start: number;
  end: number;
  original: string;
  replacement: string;
}

function isLowSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Lengths of the common prefix and (non-overlapping) common suffix, surrogate pairs kept whole. */
export function sharedEnds(original: string, replacement: string): { prefix: number; suffix: number } {
  const max = Math.min(original.length, replacement.length);
  let p = 0;
  while (p < max && original.charCodeAt(p) === replacement.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && original.charCodeAt(original.length - 1 - s) === replacement.charCodeAt(replacement.length - 1 - s)) s++;
  while (p > 0 && isLowSurrogate(original, p)) p--;
  while (s > 0 && isLowSurrogate(original, original.length - s)) s--;
  return { prefix: p, suffix: s };
}

export interface NarrowOptions {
  /**
   * Keep at least one character of the original (Word finds a span by searching for its
   * text, so a pure insertion or deletion keeps one neighbouring character). Default false:
   * a pure insertion narrows to an empty span.
   */
  keepOneCharacter?: boolean;
}

/**
 * `edit` at `start` narrowed to what actually changes. Applying the result to the text
 * gives the same text as applying `edit` (test/unit/kernel/edits/narrow.test.ts). With
 * keepOneCharacter, returns the edit unchanged when nothing would be left to search for.
 */
export function narrowEdit(start: number, original: string, replacement: string, options: NarrowOptions = {}): TextEdit {
  let { prefix: p, suffix: s } = sharedEnds(original, replacement);
  if (options.keepOneCharacter && p + s === original.length) {
    if (s > 0) s--;
    else if (p > 0) p--;
    while (p > 0 && isLowSurrogate(original, p)) p--;
    while (s > 0 && isLowSurrogate(original, original.length - s)) s--;
    if (p + s === original.length) return { start, end: start + original.length, original, replacement };
  }
  const narrowed = original.slice(p, original.length - s);
  return {
    start: start + p,
    end: start + p + narrowed.length,
    original: narrowed,
    replacement: replacement.slice(p, replacement.length - s),
  };
}
