/**
 * The stale comparison: has the user edited this text since it was checked? Every host
 * reads a paragraph as NFC text (its "reading"); an edit computed on that reading is
 * applied only while the paragraph still reads the same and the edit's span still holds
 * the original it was computed for — never over the user's own later edits.
 */
import type { Span } from './span';

/** The reading of a paragraph's text that offsets refer to. */
export function reading(text: string): string {
  return text.normalize('NFC');
}

/** True when the paragraph no longer reads as the text that was checked. */
export function editedSince(checkedText: string, currentText: string): boolean {
  return reading(currentText) !== checkedText;
}

/** The span's offsets are whole numbers inside `text`, start before end. */
export function spanInside(text: string, { start, end }: Span): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start && end <= text.length;
}

/** The span lies inside `text` and still holds `original` there. */
export function spanHolds(text: string, edit: Span & { original: string }): boolean {
  return spanInside(text, edit) && text.slice(edit.start, edit.end) === edit.original;
}
