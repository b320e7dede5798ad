/**
 * The span rule, stated once for every host, the pane and the relay.
 *
 * A span is [start, end) in UTF-16 code units of a paragraph's text; an empty span
 * (start === end) is an insertion point. Two edits clash — they cannot both be
 * applied to the same text in one go — when:
 *  - both are non-empty and share at least one character (a.start < b.end && b.start < a.end); or
 *  - one is an insertion point that lies inside the other span OR ON EITHER OF ITS EDGES
 *    (two insertions at the same point included).
 * Two non-empty spans that merely meet (a.end === b.start) do not clash.
 *
 * Why an insertion at the edge clashes: an insertion touching another edit is usually the
 * same fix written with another span (a rule's whole word "것" → " 것" and the model's
 * narrowed insertion of " " before it), and applying both would double it ("좋은  것");
 * where it is not, which side of the other edit's new text it belongs on is a guess.
 * The later edit (in position order) waits: after the first is applied it is rebased onto
 * the new text and, if still meaningful, can be accepted then.
 */
export interface Span {
  start: number;
  end: number;
}

export function isInsertion(s: Span): boolean {
  return s.start === s.end;
}

/** Do `a` and `b` clash (see the rule above)? Symmetric. */
export function spansClash(a: Span, b: Span): boolean {
  if (isInsertion(a)) return b.start <= a.start && a.start <= b.end;
  if (isInsertion(b)) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/** Position order: by start, then by end (an insertion point before a span starting there). */
export function byPosition(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}
