/**
 * The one document interface every file format sits behind (see docs/ARCHITECTURE.md):
 * a list of paragraphs — body, headings, table cells — each with a stable id, its NFC text
 * and where it lives in the file, and one `apply` that writes accepted edits back into a
 * copy of the original bytes. One module per format: hwpx.ts, hwp.ts, docx.ts, text.ts.
 */
// The formats, modes and kinds are the wire contract's (kernel/contract/documents.ts).
export { APPLY_MODES, DOCUMENT_FORMATS } from '../../kernel/contract/documents';
export type { ApplyMode, DocumentFormat, ParagraphKind, SkippedEdit } from '../../kernel/contract/documents';
import type { ApplyMode, DocumentFormat, ParagraphKind, SkippedEdit } from '../../kernel/contract/documents';

/** Format-specific place of a paragraph, e.g. {section, paragraph} or {section, table, row, col, paragraph}. */
export type ParagraphLocation = Record<string, number | string>;

export interface DocumentParagraph {
  /** Stable for the same bytes. */
  id: string;
  /** NFC. For files with tracked changes: the text as if they were accepted. */
  text: string;
  kind: ParagraphKind;
  location: ParagraphLocation;
}

/** Replace [start, end) (UTF-16 offsets into the paragraph's text) with `replacement`. */
export interface DocumentEdit {
  paragraphId: string;
  start: number;
  end: number;
  replacement: string;
  message?: string;
}

/** A finding without a fix: becomes a comment/메모 or a 교정 내역 line. */
export interface DocumentNote {
  paragraphId: string;
  start: number;
  end: number;
  message: string;
}

export interface ApplyOptions {
  mode: ApplyMode;
  /** Author of tracked changes and comments; default "쓰기". */
  author: string;
  /** ISO time stamped on tracked changes/comments (tests pass a fixed one). */
  date: string;
}

export interface ApplyResult {
  bytes: Uint8Array;
  applied: number;
  skipped: SkippedEdit[];
  notesWritten: number;
  /** Notes (and, in comment mode, edits) the format could not hold, as 교정 내역 lines. */
  notesReport: string[];
}

export interface OpenedDocument {
  format: DocumentFormat;
  paragraphs: DocumentParagraph[];
  apply(edits: readonly DocumentEdit[], notes: readonly DocumentNote[], options: ApplyOptions): Promise<ApplyResult>;
}

export const DEFAULT_AUTHOR = '쓰기';
