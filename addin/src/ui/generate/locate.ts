/** Where a finding sits in the draft text (pure; the findings list uses it). */
import type { Suggestion } from '../useTaskStream';

export interface FindingLocation {
  /** Absolute UTF-16 offsets into the whole preview text. */
  start: number;
  end: number;
  /** 1-based line of the preview text. */
  line: number;
}

/**
 * The relay checks the draft (the part after `offset`) as text; a suggestion's
 * offsets are either into that whole text or into its `paragraphId`-th line.
 * Tries both, then falls back to searching `original`.
 */
export function locateFinding(text: string, s: Suggestion, offset = 0): FindingLocation | null {
  const checked = text.slice(offset);
  const at = (start: number, end: number): FindingLocation => {
    const abs = offset + start;
    return { start: abs, end: offset + end, line: text.slice(0, abs).split('\n').length };
  };
  const hasSpan = Number.isInteger(s.start) && Number.isInteger(s.end) && s.end >= s.start;
  if (hasSpan && s.original && checked.slice(s.start, s.end) === s.original) return at(s.start, s.end);
  const m = /(\d+)$/.exec(String(s.paragraphId ?? ''));
  if (hasSpan && m) {
    const lines = checked.split('\n');
    for (const idx of [Number(m[1]), Number(m[1]) - 1]) {
      const line = lines[idx];
      if (line !== undefined && line.slice(s.start, s.end) === s.original) {
        const lineStart = lines.slice(0, idx).reduce((n, l) => n + l.length + 1, 0);
        return at(lineStart + s.start, lineStart + s.end);
      }
    }
  }
  if (s.original) {
    const i = checked.indexOf(s.original);
    if (i >= 0) return at(i, i + s.original.length);
  }
  return null;
}

/** A short excerpt around [start, end) on its line: before, the span, after. */
export function excerpt(text: string, loc: FindingLocation, width = 16): { before: string; span: string; after: string } {
  const lineStart = text.lastIndexOf('\n', loc.start - 1) + 1;
  const nl = text.indexOf('\n', loc.end);
  const lineEnd = nl < 0 ? text.length : nl;
  const from = Math.max(lineStart, loc.start - width);
  const to = Math.min(lineEnd, loc.end + width);
  return {
    before: (from > lineStart ? '…' : '') + text.slice(from, loc.start),
    span: text.slice(loc.start, loc.end),
    after: text.slice(loc.end, to) + (to < lineEnd ? '…' : ''),
  };
}
