/**
 * The workbench's file routes (docs/API.md, "Documents"): POST /api/document/parse
 * (raw bytes → paragraphs) and POST /api/document/apply (original bytes + accepted edits
 * → the patched file). Offsets in edits and notes are UTF-16 offsets into the paragraph
 * text that parse returned (NFC).
 */
import * as z from 'zod/mini';
import type { PackId } from './enums';

export const DOCUMENT_FORMATS = ['hwpx', 'hwp', 'docx', 'txt', 'md'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** How accepted edits are written: tracked changes, direct edits, or comments. */
export const APPLY_MODES = ['tracked', 'direct', 'comment'] as const;
export type ApplyMode = (typeof APPLY_MODES)[number];

export const PARAGRAPH_KINDS = ['body', 'heading', 'cell'] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

/** One paragraph of a parsed file. */
export interface FileParagraph {
  /** Stable for the same bytes. */
  id: string;
  /** NFC; for files with tracked changes, the text as if they were accepted. */
  text: string;
  kind: ParagraphKind;
  /** Format-specific place, e.g. {section, paragraph} or {section, table, row, col, paragraph}. */
  location: Record<string, number | string>;
}

/** POST /api/document/parse answer. */
export interface ParsedDocument {
  format: DocumentFormat;
  paragraphs: FileParagraph[];
  suggestedPack?: PackId;
}

/** The relay's limits the apply body is checked against. */
export interface ApplyLimits {
  maxParagraphChars: number;
  maxParagraphs: number;
}

const span = {
  paragraphId: z.string().check(z.minLength(1), z.maxLength(200)),
  start: z.int().check(z.gte(0)),
  end: z.int().check(z.gte(0)),
};

/** POST /api/document/apply body. */
export function applyRequestSchema(limits: ApplyLimits) {
  const maxItems = limits.maxParagraphs * 10;
  return z.strictObject({
    filename: z.string().check(z.minLength(1), z.maxLength(255)),
    file: z.string().check(z.minLength(1, 'expected the file as base64'), z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64')),
    mode: z._default(z.enum(APPLY_MODES), 'tracked'),
    author: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    edits: z
      .array(
        z.strictObject({
          ...span,
          replacement: z.string().check(z.maxLength(limits.maxParagraphChars)),
          message: z.optional(z.string().check(z.maxLength(2000))),
        }),
      )
      .check(z.maxLength(maxItems)),
    notes: z.optional(z.array(z.strictObject({ ...span, message: z.string().check(z.maxLength(2000)) })).check(z.maxLength(maxItems))),
  });
}

export type ApplyRequest = z.input<ReturnType<typeof applyRequestSchema>>;
export type FileEdit = ApplyRequest['edits'][number];
export type FileNote = NonNullable<ApplyRequest['notes']>[number];

/** An edit the relay did not write, and why. */
export interface SkippedEdit {
  paragraphId: string;
  start: number;
  end: number;
  reason: string;
}

/** POST /api/document/apply answer. */
export interface ApplyResponse {
  /** base64 of the patched file */
  file: string;
  filename: string;
  mode: ApplyMode;
  applied: number;
  skipped: SkippedEdit[];
  notesWritten: number;
  notesReport?: string[];
}
