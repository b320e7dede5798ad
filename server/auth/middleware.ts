/**
 * Express middleware that authenticates API requests and sets
 * `res.locals.principal = { name, kind }`.
 *
 *   none    every request is { name: 'anonymous', kind: 'anonymous' }
 *   apikey  `Authorization: Bearer sk-…` or `X-API-Key: sk-…`, checked against API_KEYS
 *   oidc    `Authorization: Bearer <JWT>` verified with jose against the issuer's JWKS:
 *           signature (allow-listed algorithms only), iss, aud, exp/nbf, iat (required,
 *           not in the future beyond the clock tolerance, lifetime ≤ OIDC_MAX_TOKEN_AGE),
 *           and access tokens only (see `accessTokenProblem`)
 *
 * Every request is authenticated, OPTIONS included: a real CORS preflight is answered
 * by the CORS middleware before this one (server/security/cors.ts). A refused
 * credential is recorded with the failure tracker (server/limits/auth-failures.ts);
 * over its limit the answer is 429 instead of 401 — a valid credential always passes.
 *
 * Failures answer 401 `{code, message}` with a `WWW-Authenticate: Bearer …` header
 * (503 AUTH_UNAVAILABLE when the JWKS cannot be fetched). Credentials are never
 * logged or echoed; mount this on the API routes only — the task pane page, its
 * assets and /manifest.xml must load before the user can present a credential.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type ProtectedHeaderParameters } from 'jose';
import { createApiKeyVerifier, MAX_API_KEY_LENGTH } from './apikey';
import type { AuthConfig } from './config';
import { createRemoteKeySet, KeySetUnavailable } from './jwks';
import type { AuthFailureTracker } from '../limits/auth-failures';
import { RATE_LIMITED_MESSAGE } from '../errors';
import { requestLog } from '../observability/http-log';

export type PrincipalKind = 'anonymous' | 'apikey' | 'oidc';

export interface Principal {
  name: string;
  kind: PrincipalKind;
}

export type AuthErrorCode = 'AUTH_REQUIRED' | 'AUTH_INVALID' | 'AUTH_EXPIRED' | 'AUTH_UNAVAILABLE';

export interface AuthMiddlewareOptions {
  /** Key source for OIDC (tests, or a pre-built set); defaults to createRemoteKeySet(OIDC_JWKS_URL) (./jwks.ts). */
  jwks?: JWTVerifyGetKey;
  /** Realm in WWW-Authenticate. Default "sseugi". */
  realm?: string;
  /** Counts refused credentials per client; over its limit a refusal is 429. */
  failures?: AuthFailureTracker;
}

/** Header `typ` values of RFC 9068 access tokens. */
const ACCESS_TOKEN_TYPES = new Set(['at+jwt', 'application/at+jwt']);

/**
 * Why a verified token is not an access token for this API, or null. ID tokens are
 * refused: with the Entra set-up (audience = the app's client id) an ID token carries
 * the same iss and aud as an access token.
 *
 * - header `typ` at+jwt (RFC 9068): an access token;
 * - otherwise (Entra, Keycloak, Okta and ADFS issue `typ: JWT`): the token must carry a
 *   `scp`, `scope` or `roles` claim (access tokens carry the granted scopes or app
 *   roles; ID tokens do not), and must not carry `nonce` (ID tokens only, OIDC Core
 *   §2) nor Keycloak's `typ: "ID"` claim.
 */
export function accessTokenProblem(header: ProtectedHeaderParameters, payload: JWTPayload): string | null {
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined;
  if (typ && ACCESS_TOKEN_TYPES.has(typ)) return null;
  if (typ && typ !== 'jwt') return `token type "${typ.slice(0, 40)}" is not an access token`;
  if (payload['nonce'] !== undefined || payload['typ'] === 'ID') return 'an ID token, not an access token';
  if (payload['scp'] === undefined && payload['scope'] === undefined && payload['roles'] === undefined) {
    return 'no scp, scope or roles claim (not an access token)';
  }
  return null;
}

/** Header paths a request logger (pino redact) must hide. */
export const AUTH_REDACT_PATHS = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'];

export function getPrincipal(res: Response): Principal | undefined {
  return res.locals['principal'] as Principal | undefined;
}

const MESSAGES: Record<AuthErrorCode, string> = {
  AUTH_REQUIRED: 'This relay requires authentication.',
  AUTH_INVALID: 'The credentials were not accepted.',
  AUTH_EXPIRED: 'The sign-in token has expired; sign in again.',
  AUTH_UNAVAILABLE: 'The relay cannot check sign-in tokens right now.',
};

class AuthFailure extends Error {
  constructor(
    readonly code: AuthErrorCode,
    /** For the log only: never contains the credential. */
    readonly reason: string,
  ) {
    super(reason);
  }
}

function bearerToken(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer[ ]+([^\s]+)\s*$/i.exec(h);
  return m ? m[1] : '';
}

function apiKeyHeader(req: Request): string | undefined {
  const v = req.headers['x-api-key'];
  if (Array.isArray(v)) return v[0];
  return v?.trim();
}

function principalName(p: JWTPayload): string {
  for (const claim of ['preferred_username', 'upn', 'email', 'sub'] as const) {
    const v = p[claim];
    if (typeof v === 'string' && v) return v;
  }
  return 'unknown';
}

function mapJoseError(err: unknown): AuthFailure {
  if (err instanceof joseErrors.JWTExpired) return new AuthFailure('AUTH_EXPIRED', 'token expired');
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    return new AuthFailure('AUTH_INVALID', `claim "${err.claim}" failed: ${err.reason}`);
  }
  if (err instanceof joseErrors.JWKSNoMatchingKey) return new AuthFailure('AUTH_INVALID', 'no key in the JWKS matches the token');
  if (err instanceof joseErrors.JWKSMultipleMatchingKeys)
    return new AuthFailure('AUTH_INVALID', 'several JWKS keys match and none verified');
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return new AuthFailure('AUTH_INVALID', 'signature verification failed');
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return new AuthFailure('AUTH_INVALID', 'token algorithm not allowed');
  if (err instanceof KeySetUnavailable) return new AuthFailure('AUTH_UNAVAILABLE', err.message);
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid) {
    return new AuthFailure('AUTH_UNAVAILABLE', `JWKS unavailable: ${(err as Error).name}`);
  }
  if (err instanceof joseErrors.JOSEError) return new AuthFailure('AUTH_INVALID', `token rejected: ${err.code}`);
  // Not a JOSE error: the JWKS fetch itself failed (network, TLS, HTTP status).
  return new AuthFailure('AUTH_UNAVAILABLE', `JWKS fetch failed: ${(err as Error)?.name ?? 'error'}`);
}

// Over 80 lines as a factory: its steps (send, fail, the check of each auth mode) share the realm,
// key set and settings in one closure; each of them is short.
export function createAuthMiddleware(cfg: AuthConfig, opts: AuthMiddlewareOptions = {}): RequestHandler {
  const realm = (opts.realm ?? 'sseugi').replace(/"/g, '');

  const send = (req: Request, res: Response, f: AuthFailure) => {
    const status = f.code === 'AUTH_UNAVAILABLE' ? 503 : 401;
    let challenge = `Bearer realm="${realm}"`;
    if (f.code === 'AUTH_INVALID' || f.code === 'AUTH_EXPIRED') {
      challenge += `, error="invalid_token", error_description="${MESSAGES[f.code].replace(/"/g, '')}"`;
    }
    requestLog(req)?.warn({ auth: { code: f.code, reason: f.reason } }, 'authentication failed');
    res
      .status(status)
      .set('WWW-Authenticate', challenge)
      .set('Cache-Control', 'no-store')
      .json({ code: f.code, message: MESSAGES[f.code] });
  };
  // A presented credential that was refused counts against the client; over the limit: 429.
  const fail = (req: Request, res: Response, f: AuthFailure) => {
    const counts = opts.failures && (f.code === 'AUTH_INVALID' || f.code === 'AUTH_EXPIRED');
    if (!counts) return send(req, res, f);
    opts.failures!.failed(req).then(
      (v) => {
        if (!v.limited) return send(req, res, f);
        res
          .status(429)
          .set('Retry-After', String(v.retryAfterSec))
          .set('Cache-Control', 'no-store')
          .json({ code: 'RATE_LIMITED', message: RATE_LIMITED_MESSAGE });
      },
      () => send(req, res, f),
    );
  };

  if (cfg.mode === 'none') {
    return (_req, res, next) => {
      res.locals['principal'] = { name: 'anonymous', kind: 'anonymous' } satisfies Principal;
      next();
    };
  }

  if (cfg.mode === 'apikey') {
    const verify = createApiKeyVerifier(cfg.apiKeys);
    return (req: Request, res: Response, next: NextFunction) => {
      const presented = apiKeyHeader(req) || bearerToken(req);
      if (presented === undefined) return fail(req, res, new AuthFailure('AUTH_REQUIRED', 'no API key'));
      if (!presented || presented.length > MAX_API_KEY_LENGTH) return fail(req, res, new AuthFailure('AUTH_INVALID', 'malformed API key'));
      const name = verify(presented);
      if (name === null) return fail(req, res, new AuthFailure('AUTH_INVALID', 'unknown API key'));
      res.locals['principal'] = { name, kind: 'apikey' } satisfies Principal;
      next();
    };
  }

  const oidc = cfg.oidc;
  if (!oidc) throw new Error('AUTH_MODE=oidc needs OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL');
  const jwks = opts.jwks ?? createRemoteKeySet(new URL(oidc.jwksUrl), { cooldownMs: (oidc.jwksCooldownSec ?? 30) * 1000 });
  const maxAge = oidc.maxTokenAgeSec ?? 86_400;
  const algorithms = oidc.algorithms.filter((a) => a !== 'none' && !/^HS/i.test(a));
  return (req: Request, res: Response, next: NextFunction) => {
    const token = bearerToken(req);
    if (token === undefined) return fail(req, res, new AuthFailure('AUTH_REQUIRED', 'no bearer token'));
    if (!token || token.split('.').length !== 3) return fail(req, res, new AuthFailure('AUTH_INVALID', 'malformed bearer token'));
    jwtVerify(token, jwks, {
      issuer: oidc.issuer,
      audience: oidc.audience,
      algorithms,
      clockTolerance: oidc.clockToleranceSec,
      requiredClaims: ['exp', 'iat'],
      // now - iat ≤ maxAge, and iat not in the future beyond the tolerance (jose checks both).
      maxTokenAge: maxAge,
    }).then(
      ({ payload, protectedHeader }) => {
        // A lifetime over the maximum (exp - iat) is refused even while the token is young.
        if (payload.exp! - payload.iat! > maxAge + oidc.clockToleranceSec) {
          return fail(req, res, new AuthFailure('AUTH_INVALID', `token lifetime over OIDC_MAX_TOKEN_AGE (${maxAge} s)`));
        }
        const problem = accessTokenProblem(protectedHeader, payload);
        if (problem) return fail(req, res, new AuthFailure('AUTH_INVALID', problem));
        res.locals['principal'] = { name: principalName(payload), kind: 'oidc' } satisfies Principal;
        next();
      },
      (err: unknown) => fail(req, res, mapJoseError(err)),
    );
  };
}
