/**
 * A paragraph's text with a planned batch of edits applied (the edits clash with none of
 * each other: plan.ts). Applied from the end backwards so earlier offsets stay valid; an
 * edit without a replacement (a comment) leaves the text as it is.
 */
import type { Span } from './span';

export function applyEditsToText(text: string, edits: ReadonlyArray<Span & { replacement: string | null }>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    if (e.replacement === null) continue;
    out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  }
  return out;
}
