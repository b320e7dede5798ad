/**
 * Limits on paragraph lists (POST /api/proofread, /api/doctype): at most
 * MAX_PARAGRAPHS paragraphs and MAX_PARAGRAPH_CHARS characters per paragraph.
 * Over a limit: 413 `{code: 'TEXT_TOO_LARGE', message}` (the pane already explains
 * that code). The body-size limit (MAX_BODY_BYTES) is enforced earlier by express.json.
 *
 * app.ts mounts `paragraphLimits(config)` for those paths, so routes need not call
 * anything; a route with another body shape can call `assertParagraphLimits(list, config)`
 * itself, before `openSse`.
 */
import type { RequestHandler } from 'express';
import type { Config } from '../config';
import { ApiError } from '../errors';

export type ParagraphLimits = Pick<Config, 'MAX_PARAGRAPHS' | 'MAX_PARAGRAPH_CHARS'>;

/** Throws ApiError 413 when the list breaks a limit. Items: strings or `{text}` objects; others are left to the schema. */
export function assertParagraphLimits(paragraphs: unknown, limits: ParagraphLimits): void {
  if (!Array.isArray(paragraphs)) return;
  if (paragraphs.length > limits.MAX_PARAGRAPHS) {
    throw new ApiError(413, 'TEXT_TOO_LARGE', `Send at most ${limits.MAX_PARAGRAPHS} paragraphs in one request.`);
  }
  for (const p of paragraphs as unknown[]) {
    const text = typeof p === 'string' ? p : (p as { text?: unknown } | null)?.text;
    if (typeof text === 'string' && text.length > limits.MAX_PARAGRAPH_CHARS) {
      throw new ApiError(413, 'TEXT_TOO_LARGE', `A paragraph is longer than ${limits.MAX_PARAGRAPH_CHARS} characters.`);
    }
  }
}

/** Middleware: checks `req.body.paragraphs` (after express.json) for every request it is mounted on. */
export function paragraphLimits(limits: ParagraphLimits): RequestHandler {
  return (req, _res, next) => {
    assertParagraphLimits((req.body as { paragraphs?: unknown } | undefined)?.paragraphs, limits);
    next();
  };
}
