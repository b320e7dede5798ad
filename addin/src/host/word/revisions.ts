/**
 * Pure: how a paragraph's `text` (which in Word on the web — and on desktop in
 * some markup views — still holds tracked-deleted text; office-js issues #1267,
 * #5286, #2314) relates to its current text (getReviewedText('Current'),
 * WordApi 1.4). Suggestions are computed and placed on the current text; this
 * says where deleted text sits in it, so an edit touching a deletion is refused
 * rather than guessed. Uses jsdiff (the `diff` package) for the alignment.
 */
import { diffChars } from 'diff';

/**
 * Offsets in `current` where deleted text sits, or null when `current` is not
 * `text` with pieces removed (an insertion or a reordering the code cannot map).
 */
export function deletionPoints(text: string, current: string): number[] | null {
  if (text === current) return [];
  const points: number[] = [];
  let at = 0;
  for (const part of diffChars(text, current)) {
    if (part.added) return null;
    if (part.removed) {
      if (points[points.length - 1] !== at) points.push(at);
    } else {
      at += part.value.length;
    }
  }
  return at === current.length ? points : null;
}

/** True when a deletion sits inside or at either edge of [start, end] (the alignment is ambiguous there). */
export function touchesDeletion(points: readonly number[], start: number, end: number): boolean {
  return points.some((p) => p >= start && p <= end);
}
