/** Request validation shared by the API routes: JSON only, zod schemas, NFC text. */
import type { Request } from 'express';
import { z } from 'zod';
import { ApiError } from './errors';

/** The body as JSON, or a 415 when the client sent another content type. */
export function jsonBody(req: Request): unknown {
  if (!req.is('application/json')) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json.');
  }
  return req.body;
}

/** Parses with the schema; 400 naming the first bad field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'body';
    throw new ApiError(400, 'INVALID_REQUEST', `${where}: ${issue.message}`);
  }
  return result.data;
}

/** A user text: well-formed UTF-16 (no lone surrogates), NFC-normalised, whitespace kept. */
export function documentText(maxChars: number) {
  return z
    .string({ error: 'expected a string' })
    .max(maxChars, `expected at most ${maxChars} characters`)
    .refine((s) => s.isWellFormed(), 'contains invalid (unpaired surrogate) characters')
    .transform((s) => s.normalize('NFC'));
}

/** Same, but 413 instead of 400 when the text is over the limit. */
export function assertTextSize(text: unknown, maxChars: number): void {
  if (typeof text === 'string' && text.length > maxChars) {
    throw new ApiError(413, 'TEXT_TOO_LARGE', `The text is longer than ${maxChars} characters.`);
  }
}
