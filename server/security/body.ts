/**
 * The API's body parser: JSON, only for POST (other methods' bodies are never read
 * into memory or parsed), strictly UTF-8 — a `charset` other than utf-8 is 415
 * UNSUPPORTED_ENCODING (body-parser would decode UTF-16 and friends), bytes that are
 * not valid UTF-8 are 400 INVALID_ENCODING (body-parser would turn them into U+FFFD,
 * silently changing the user's text). Mount after authentication.
 */
import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { parse as parseContentType } from 'content-type';
import { ApiError } from '../errors';

export function strictJsonBody(limitBytes: number): RequestHandler {
  const json = express.json({
    limit: limitBytes,
    type: 'application/json',
    verify: (_req, _res, buf) => {
      if (!isUtf8(buf)) throw new ApiError(400, 'INVALID_ENCODING', 'The request body is not valid UTF-8.');
    },
  });
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const header = req.headers['content-type'];
    if (header) {
      let charset: string | undefined;
      try {
        charset = parseContentType(header).parameters['charset'];
      } catch {
        return next(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json.'));
      }
      if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
        return next(new ApiError(415, 'UNSUPPORTED_ENCODING', 'The request body must be UTF-8 JSON.'));
      }
    }
    json(req, res, next);
  };
}
