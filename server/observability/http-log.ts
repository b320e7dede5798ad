/**
 * Access log and request ids (pino-http). Every request gets an id (X-Request-Id is
 * set on the response; an incoming X-Request-Id is NOT trusted — ids are always
 * crypto.randomUUID()), and one line when the response ends:
 *
 *   {"reqId":"…","req":{"method":"POST","path":"/api/summarize"},"res":{"status":200},"responseTime":812,"msg":"request completed"}
 *
 * What is logged is an allow-list: method, path WITHOUT the query string, status and
 * time. Never headers (so no credentials or cookies), never bodies, never document
 * text or model output, never upstream error bodies. `req.log` (a child with reqId)
 * is available to middleware such as auth.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** Path without query string or fragment; long paths cut (they are not user content, but bounded anyway). */
export function safePath(url: string | undefined): string {
  const p = (url ?? '').split(/[?#]/, 1)[0] ?? '';
  return p.length > 200 ? `${p.slice(0, 200)}…` : p;
}

/** An error as {name, stack-without-message} — messages can carry parsed text (e.g. a JSON.parse excerpt). */
export function safeError(err: unknown): { name: string; code?: string; stack?: string } {
  if (!(err instanceof Error)) return { name: typeof err };
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 12)
    .join('\n');
  const code = (err as { code?: unknown }).code;
  return { name: err.name, ...(typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? { code } : {}), stack: frames };
}

export function createHttpLogger(logger: Logger): RequestHandler {
  const middleware = pinoHttp({
    logger,
    genReqId: (_req: IncomingMessage, res: ServerResponse) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'reqId' },
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage & { originalUrl?: string }) => ({ method: req.method, path: safePath(req.originalUrl ?? req.url) }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
      err: (err: unknown) => safeError(err),
    },
    quietReqLogger: true,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
  });
  return (req, res, next) => {
    res.locals['startedAt'] = performance.now();
    middleware(req, res, next);
  };
}
