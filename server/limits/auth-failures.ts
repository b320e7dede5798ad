/**
 * Failed credentials per client address: AUTH_FAILURES_PER_MIN per minute (fixed window).
 *
 * Only real authentication failures count — the auth middleware calls `failed(req)`
 * exactly where it would answer 401 for a presented credential that was refused.
 * Requests that passed authentication never count (the old express-rate-limit
 * middleware with `skipSuccessfulRequests` counted every request while it ran, so
 * long streams locked out valid users; issue 13). A missing credential does not count
 * either: it costs nothing to refuse.
 *
 * Over the limit the failure is answered 429 RATE_LIMITED instead of 401, but a
 * credential is always checked first: checking is cheap (one HMAC, or a JWT signature
 * against a cached key set), so a locked-out address never blocks a request that carries
 * a valid credential — behind a proxy without TRUST_PROXY every user shares one address.
 *
 * The counters are express-rate-limit's MemoryStore (per relay): what this protects is
 * one relay's CPU, and a Redis round trip per failure would add a dependency to refusing.
 */
import type { Request } from 'express';
import { ipKeyGenerator, MemoryStore } from 'express-rate-limit';

export interface AuthFailureVerdict {
  /** Over the limit: answer 429 (with Retry-After) instead of 401. */
  limited: boolean;
  retryAfterSec: number;
}

export interface AuthFailureTracker {
  /** Records one refused credential from this request's client; says whether it is over the limit. */
  failed(req: Request): Promise<AuthFailureVerdict>;
}

const WINDOW_MS = 60_000;

/** The client's address as Express sees it (TRUST_PROXY applied), IPv6 folded to /64. */
export function clientKey(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

export function createAuthFailureTracker(opts: { perMinute: number; onLimited?: () => void }): AuthFailureTracker | undefined {
  if (opts.perMinute <= 0) return undefined;
  const store = new MemoryStore();
  store.init({ windowMs: WINDOW_MS } as Parameters<MemoryStore['init']>[0]);
  return {
    async failed(req) {
      const { totalHits, resetTime } = await store.increment(`authfail:${clientKey(req)}`);
      const limited = totalHits > opts.perMinute;
      if (limited) opts.onLimited?.();
      const retryAfterSec = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : 60;
      return { limited, retryAfterSec };
    },
  };
}
