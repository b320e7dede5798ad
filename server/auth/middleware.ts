/**
 * Express middleware that authenticates API requests and sets
 * `res.locals.principal = { name, kind }`.
 *
 *   none    every request is { name: 'anonymous', kind: 'anonymous' }
 *   apikey  `Authorization: Bearer sk-…` or `X-API-Key: sk-…`, checked against API_KEYS
 *   oidc    `Authorization: Bearer <JWT>` verified with jose against the issuer's JWKS:
 *           signature (allow-listed algorithms only), iss, aud, exp/nbf
 *
 * Failures answer 401 `{code, message}` with a `WWW-Authenticate: Bearer …` header
 * (503 AUTH_UNAVAILABLE when the JWKS cannot be fetched). Credentials are never
 * logged or echoed; mount this on the API routes only — the task pane page, its
 * assets and /manifest.xml must load before the user can present a credential.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { createApiKeyVerifier, MAX_API_KEY_LENGTH } from './apikey';
import type { AuthConfig } from './config';

export type PrincipalKind = 'anonymous' | 'apikey' | 'oidc';

export interface Principal {
  name: string;
  kind: PrincipalKind;
}

export type AuthErrorCode = 'AUTH_REQUIRED' | 'AUTH_INVALID' | 'AUTH_EXPIRED' | 'AUTH_UNAVAILABLE';

export interface AuthMiddlewareOptions {
  /** Key source for OIDC (tests, or a pre-built set); defaults to createRemoteJWKSet(OIDC_JWKS_URL). */
  jwks?: JWTVerifyGetKey;
  /** Realm in WWW-Authenticate. Default "sseugi". */
  realm?: string;
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
  if (err instanceof joseErrors.JWKSMultipleMatchingKeys) return new AuthFailure('AUTH_INVALID', 'several JWKS keys match and none verified');
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return new AuthFailure('AUTH_INVALID', 'signature verification failed');
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return new AuthFailure('AUTH_INVALID', 'token algorithm not allowed');
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid) {
    return new AuthFailure('AUTH_UNAVAILABLE', `JWKS unavailable: ${(err as Error).name}`);
  }
  if (err instanceof joseErrors.JOSEError) return new AuthFailure('AUTH_INVALID', `token rejected: ${err.code}`);
  // Not a JOSE error: the JWKS fetch itself failed (network, TLS, HTTP status).
  return new AuthFailure('AUTH_UNAVAILABLE', `JWKS fetch failed: ${(err as Error)?.name ?? 'error'}`);
}

export function createAuthMiddleware(cfg: AuthConfig, opts: AuthMiddlewareOptions = {}): RequestHandler {
  const realm = (opts.realm ?? 'sseugi').replace(/"/g, '');

  const fail = (req: Request, res: Response, f: AuthFailure) => {
    const status = f.code === 'AUTH_UNAVAILABLE' ? 503 : 401;
    let challenge = `Bearer realm="${realm}"`;
    if (f.code === 'AUTH_INVALID' || f.code === 'AUTH_EXPIRED') {
      challenge += `, error="invalid_token", error_description="${MESSAGES[f.code].replace(/"/g, '')}"`;
    }
    const log = (req as Request & { log?: { warn?: (o: object, m: string) => void } }).log;
    log?.warn?.({ auth: { code: f.code, reason: f.reason } }, 'authentication failed');
    res.status(status).set('WWW-Authenticate', challenge).set('Cache-Control', 'no-store').json({ code: f.code, message: MESSAGES[f.code] });
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
      if (req.method === 'OPTIONS') return next();
      const presented = apiKeyHeader(req) || bearerToken(req);
      if (presented === undefined) return fail(req, res, new AuthFailure('AUTH_REQUIRED', 'no API key'));
      if (!presented || presented.length > MAX_API_KEY_LENGTH) return fail(req, res, new AuthFailure('AUTH_INVALID', 'malformed API key'));
      verify(presented).then(
        (name) => {
          if (name === null) return fail(req, res, new AuthFailure('AUTH_INVALID', 'unknown API key'));
          res.locals['principal'] = { name, kind: 'apikey' } satisfies Principal;
          next();
        },
        (err: unknown) => next(err),
      );
    };
  }

  const oidc = cfg.oidc;
  if (!oidc) throw new Error('AUTH_MODE=oidc needs OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL');
  const jwks = opts.jwks ?? createRemoteJWKSet(new URL(oidc.jwksUrl));
  const algorithms = oidc.algorithms.filter((a) => a !== 'none' && !/^HS/i.test(a));
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return next();
    const token = bearerToken(req);
    if (token === undefined) return fail(req, res, new AuthFailure('AUTH_REQUIRED', 'no bearer token'));
    if (!token || token.split('.').length !== 3) return fail(req, res, new AuthFailure('AUTH_INVALID', 'malformed bearer token'));
    jwtVerify(token, jwks, {
      issuer: oidc.issuer,
      audience: oidc.audience,
      algorithms,
      clockTolerance: oidc.clockToleranceSec,
      requiredClaims: ['exp'],
    }).then(
      ({ payload }) => {
        res.locals['principal'] = { name: principalName(payload), kind: 'oidc' } satisfies Principal;
        next();
      },
      (err: unknown) => fail(req, res, mapJoseError(err)),
    );
  };
}
