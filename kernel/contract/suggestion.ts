/**
 * A proofreading suggestion (SSE `suggestions` of /api/proofread) and a draft finding
 * (SSE `findings` of /api/draft) — the same shape.
 *
 * Offsets: `start`/`end` are UTF-16 code-unit offsets into the NFC text of the paragraph
 * named by `paragraphId`, end exclusive; `original` is that slice. For draft findings the
 * paragraphs are the draft's lines (see draftLineId in events.ts).
 */
import * as z from 'zod/mini';
import { CATEGORIES, SUGGESTION_SOURCES, type Category, type SuggestionSource } from './enums';

export interface Suggestion {
  /** Stable id: derived from paragraph id, span, replacement and rule/source. */
  id: string;
  paragraphId: string;
  start: number;
  end: number;
  original: string;
  /** null: a finding without an automatic fix (goes into the document as a comment). */
  replacement: string | null;
  category: Category;
  /** Short Korean message. */
  message: string;
  /** English message. */
  messageEn: string;
  /** The norm cited, e.g. "한글 맞춤법 제42항". */
  rule?: string;
  /** Id of the engine rule that produced it (rule/dictionary layers). */
  ruleId?: string;
  source: SuggestionSource;
  /** 0..1 */
  confidence: number;
}

const offset = z.int().check(z.gte(0));

/** Typed as the interface above: a field added to one and not the other is a compile error. */
export const suggestionSchema: z.ZodMiniType<Suggestion> = z
  .object({
    id: z.string(),
    paragraphId: z.string(),
    start: offset,
    end: offset,
    original: z.string(),
    replacement: z.nullable(z.string()),
    category: z.enum(CATEGORIES),
    message: z.string(),
    messageEn: z.string(),
    rule: z.optional(z.string()),
    ruleId: z.optional(z.string()),
    source: z.enum(SUGGESTION_SOURCES),
    confidence: z.number().check(z.gte(0), z.lte(1)),
  })
  .check(z.refine((s) => s.end >= s.start, { message: 'end before start', path: ['end'] }));
