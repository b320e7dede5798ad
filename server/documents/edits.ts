/** Checks edits against the paragraphs they name and groups the usable ones per paragraph. */
import { applyEditsToText, planEdits as planSpans, spanInside } from '../../kernel/edits';
import type { DocumentEdit, DocumentParagraph, SkippedEdit } from './types';

export interface PlannedEdits<E extends { paragraphId: string; start: number; end: number }> {
  byParagraph: Map<string, E[]>;
  skipped: SkippedEdit[];
}

export function skip(e: { paragraphId: string; start: number; end: number }, reason: string): SkippedEdit {
  return { paragraphId: e.paragraphId, start: e.start, end: e.end, reason };
}

/**
 * Usable edits per paragraph, sorted by start: the paragraph exists, offsets are whole
 * numbers inside its text, and no two edits clash (the span rule in kernel/edits/span.ts:
 * they overlap or meet at an insertion point; the later one is skipped). Replacements are
 * NFC-normalised.
 */
export function planEdits<E extends { paragraphId: string; start: number; end: number; replacement?: string }>(
  paragraphs: readonly DocumentParagraph[],
  edits: readonly E[],
): PlannedEdits<E> {
  const textOf = new Map(paragraphs.map((p) => [p.id, p.text]));
  const byParagraph = new Map<string, E[]>();
  const skipped: SkippedEdit[] = [];
  for (const e of edits) {
    const text = textOf.get(e.paragraphId);
    if (text === undefined) skipped.push(skip(e, 'no such paragraph'));
    else if (!spanInside(text, e)) skipped.push(skip(e, 'offsets outside the paragraph'));
    else {
      const list = byParagraph.get(e.paragraphId) ?? [];
      list.push(e.replacement === undefined ? e : { ...e, replacement: e.replacement.normalize('NFC') });
      byParagraph.set(e.paragraphId, list);
    }
  }
  for (const [id, list] of byParagraph) {
    const { kept } = planSpans(list, { onClash: (e) => skipped.push(skip(e, 'overlaps another edit')) });
    byParagraph.set(id, kept);
  }
  return { byParagraph, skipped };
}

/** The paragraph text with the edits applied (planned: no two clash). */
export function applyToText(text: string, edits: readonly DocumentEdit[]): string {
  return applyEditsToText(text, edits);
}

/** One 교정 내역 line: where, what, and the suggested change if any. */
export function reportLine(
  p: DocumentParagraph | undefined,
  n: { start: number; end: number; message?: string; replacement?: string },
): string {
  const where = p ? `${p.id}` : '?';
  const original = p ? p.text.slice(n.start, n.end) : '';
  const change = n.replacement !== undefined ? ` "${original}" → "${n.replacement}"` : original ? ` "${original}"` : '';
  return `[${where} ${n.start}-${n.end}]${change}${n.message ? ` — ${n.message}` : ''}`;
}
