/**
 * Errors the API answers with: an HTTP status and a JSON body `{code, message}`.
 * Messages never carry document text or model output.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorBody(code: string, message: string): { code: string; message: string } {
  return { code, message };
}

/** 404 for unknown API routes. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json(errorBody('NOT_FOUND', 'No such endpoint.'));
};

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

/** Maps anything thrown in a route to `{code, message}`; never a stack trace. */
export function errorHandler(log: (err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (err instanceof ApiError) {
      res.set(err.headers).status(err.status).json(errorBody(err.code, err.message));
      return;
    }
    const e = err as BodyParserError;
    switch (e?.type) {
      case 'entity.too.large':
        res.status(413).json(errorBody('PAYLOAD_TOO_LARGE', 'The request body is larger than the relay accepts.'));
        return;
      case 'entity.parse.failed':
        res.status(400).json(errorBody('INVALID_JSON', 'The request body is not valid JSON.'));
        return;
      case 'charset.unsupported':
      case 'encoding.unsupported':
        res.status(415).json(errorBody('UNSUPPORTED_ENCODING', 'The request body must be UTF-8 JSON.'));
        return;
      case 'request.aborted':
        res.status(400).json(errorBody('REQUEST_ABORTED', 'The request was aborted.'));
        return;
      default:
        break;
    }
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json(errorBody('BAD_REQUEST', 'The request could not be read.'));
      return;
    }
    log(err);
    res.status(500).json(errorBody('INTERNAL', 'The relay hit an unexpected error.'));
  };
}

/** The message of every 429 RATE_LIMITED answer (the per-user limiter and the auth-failure limiter). */
export const RATE_LIMITED_MESSAGE = 'Too many requests. Try again shortly.';
