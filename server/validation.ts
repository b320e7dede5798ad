/**
 * Request validation shared by the API routes: JSON only, the wire contract's zod
 * schemas (kernel/contract/requests.ts), NFC text.
 */
import type { Request } from 'express';
// The classic build, imported for its side effect too: it loads zod's English locale,
// which gives the kernel's zod/mini schemas their default messages ("Invalid option: …").
import * as z from 'zod';
import { ApiError } from './errors';

export { documentText } from '../kernel/contract/requests';

/** The body as JSON, or a 415 when the client sent another content type. */
export function jsonBody(req: Request): unknown {
  if (!req.is('application/json')) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json.');
  }
  return req.body;
}

/** Parses with the schema (classic or mini); 400 naming the first bad field. */
export function parseBody<S extends z.core.$ZodType>(schema: S, body: unknown): z.output<S> {
  const result = z.safeParse(schema, body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'body';
    throw new ApiError(400, 'INVALID_REQUEST', `${where}: ${issue.message}`);
  }
  return result.data;
}

/** Same, but 413 instead of 400 when the text is over the limit. */
export function assertTextSize(text: unknown, maxChars: number): void {
  if (typeof text === 'string' && text.length > maxChars) {
    throw new ApiError(413, 'TEXT_TOO_LARGE', `The text is longer than ${maxChars} characters.`);
  }
}
