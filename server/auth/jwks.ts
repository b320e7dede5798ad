/**
 * The issuer's key set for OIDC: jose's createRemoteJWKSet (which caches the set for
 * `cacheMaxAge` and refetches on an unknown `kid` at most once per `cooldownDuration`,
 * see jose's docs for RemoteJWKSetOptions), wrapped so that:
 *
 * - a key set that cannot be had (HTTP error, not JSON, not a JWKS, timeout, network)
 *   is `KeySetUnavailable` → 503 AUTH_UNAVAILABLE, never 401: jose reports an HTTP 500
 *   or a non-JSON body as a plain JOSEError ("Expected 200 OK…", "Failed to parse…"),
 *   which reads like a bad token;
 * - after a failed fetch the next attempt waits `retryMs` (no fetch per request while
 *   the key server is down); the first request after that retries, so recovery is
 *   immediate once the interval has passed.
 *
 * Errors that are about the token (no key matches its kid, several match, an algorithm
 * the key does not support) pass through unchanged.
 */
import { createRemoteJWKSet, errors as joseErrors, type JWTVerifyGetKey } from 'jose';

export class KeySetUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`JWKS unavailable: ${reason}`);
    this.name = 'KeySetUnavailable';
  }
}

export interface RemoteKeySetOptions {
  /** Minimum interval between fetches (jose cooldownDuration), ms. */
  cooldownMs: number;
  /** How long a fetched set is used without refetching (jose cacheMaxAge), ms. Default 10 min. */
  cacheMaxAgeMs?: number;
  /** Fetch timeout, ms. Default 5 s. */
  timeoutMs?: number;
  now?: () => number;
}

const TOKEN_ERRORS = [
  joseErrors.JWKSNoMatchingKey,
  joseErrors.JWKSMultipleMatchingKeys,
  joseErrors.JOSENotSupported,
  joseErrors.JOSEAlgNotAllowed,
];

export function isTokenError(err: unknown): boolean {
  return TOKEN_ERRORS.some((E) => err instanceof E);
}

export function createRemoteKeySet(url: URL, opts: RemoteKeySetOptions): JWTVerifyGetKey {
  const now = opts.now ?? Date.now;
  const retryMs = Math.min(opts.cooldownMs, 5000);
  const remote = createRemoteJWKSet(url, {
    cooldownDuration: opts.cooldownMs,
    cacheMaxAge: opts.cacheMaxAgeMs ?? 600_000,
    timeoutDuration: opts.timeoutMs ?? 5000,
  });
  let failedAt: number | null = null;
  let lastReason = '';
  return async (header, token) => {
    if (failedAt !== null && now() - failedAt < retryMs) throw new KeySetUnavailable(lastReason);
    try {
      const key = await remote(header, token);
      failedAt = null;
      return key;
    } catch (err) {
      if (isTokenError(err)) throw err;
      failedAt = now();
      lastReason = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : 'error';
      throw new KeySetUnavailable(lastReason);
    }
  };
}
