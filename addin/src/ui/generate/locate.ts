/** Where a finding sits in the draft text (pure; the findings list uses it). */
import { draftLineIndex } from '../../../../kernel/contract/events';
import type { Suggestion } from '../../../../kernel/contract/suggestion';

export interface FindingLocation {
  /** Absolute UTF-16 offsets into the whole preview text. */
  start: number;
  end: number;
  /** 1-based line of the preview text. */
  line: number;
}

/**
 * The relay checks the whole draft line by line: a finding's `paragraphId` is `d<n>`, line n
 * (0-based) of `text`, and its offsets are into that line (kernel/contract/events.ts,
 * findingsEvent). Null when the finding does not name a line of this text or its span no
 * longer reads `original` there.
 */
export function locateFinding(text: string, s: Suggestion): FindingLocation | null {
  const index = draftLineIndex(s.paragraphId);
  if (index === null) return null;
  const lines = text.split('\n');
  const line = lines[index];
  if (line === undefined || s.end > line.length || line.slice(s.start, s.end) !== s.original) return null;
  const lineStart = lines.slice(0, index).reduce((n, l) => n + l.length + 1, 0);
  return { start: lineStart + s.start, end: lineStart + s.end, line: index + 1 };
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
