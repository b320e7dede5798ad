/**
 * Per-user request limit on the API: RATE_LIMIT_PER_MIN requests per minute (fixed
 * one-minute window), keyed by the authenticated principal's name (API key name or
 * OIDC user), falling back to the client IP (/64 for IPv6) when there is none. Mount
 * AFTER the auth middleware. Over the limit: 429 `{code: 'RATE_LIMITED', message}`
 * with `Retry-After` (seconds) and the draft-8 `RateLimit`/`RateLimit-Policy` headers.
 *
 * With REDIS_URL the counters live in Redis (rate-limit-redis over the shared ioredis
 * client), so several relay instances share one budget per user. If Redis fails the
 * request is let through (fail open, logged): a Redis outage must not stop the service.
 */
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import { getPrincipal } from '../auth/middleware';
import { errorBody } from '../errors';

import { RATE_LIMITED_MESSAGE } from '../errors';

export interface RateLimitOptions {
  perMinute: number;
  /** Shared counters; memory when null. */
  redis?: Redis | null;
  log?: Logger;
  /** Called once per rejected request (metrics). */
  onLimited?: () => void;
}

/** The limiter middleware, or a pass-through when perMinute is 0. */
export function createRateLimit(opts: RateLimitOptions): RequestHandler {
  if (opts.perMinute <= 0) return (_req, _res, next) => next();
  const windowMs = 60_000;
  let store: Store | undefined;
  if (opts.redis) {
    const redis = opts.redis;
    store = new RedisStore({
      prefix: 'sseugi:rl:',
      sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
    });
  }
  return rateLimit({
    windowMs,
    limit: opts.perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store,
    passOnStoreError: true,
    // The key is a user name or an IP; neither is logged by the limiter.
    keyGenerator: (req, res) => {
      const p = getPrincipal(res);
      // The verified principal (kind + name: an API key name and an OIDC user never share a budget).
      if (p && p.kind !== 'anonymous') return `u:${p.kind}:${p.name}`;
      return `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
    },
    handler: (req, res) => {
      const info = (req as typeof req & { rateLimit?: { resetTime?: Date } }).rateLimit;
      const seconds = info?.resetTime ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : 60;
      opts.onLimited?.();
      res
        .status(429)
        .set('Retry-After', String(seconds))
        .set('Cache-Control', 'no-store')
        .json(errorBody('RATE_LIMITED', RATE_LIMITED_MESSAGE));
    },
    validate: { trustProxy: false, xForwardedForHeader: false },
  });
}
