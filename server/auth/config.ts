/**
 * Authentication settings (a fragment of the relay's zod configuration).
 *
 *   AUTH_MODE        none | apikey | oidc (default none; none only when HOST is loopback)
 *   API_KEYS         name:hmac:kid:digest[,...]   (from `npm run mint-key`; the old name:salt:hash is refused with the re-mint command)
 *   OIDC_ISSUER      expected `iss`, e.g. https://login.microsoftonline.com/<tenant>/v2.0
 *   OIDC_AUDIENCE    expected `aud` (comma-separated: any of them)
 *   OIDC_JWKS_URL    the issuer's JWKS (https; http only on loopback for testing)
 *   OIDC_ALGORITHMS  allowed JWS algorithms, comma-separated (default RS256; asymmetric only)
 *   OIDC_CLOCK_TOLERANCE_S  allowed clock skew for exp/nbf/iat in seconds (default 60)
 *   OIDC_MAX_TOKEN_AGE  longest accepted token lifetime in seconds: now - iat and exp - iat
 *                    (default 86400, one day); tokens without iat are refused
 *   OIDC_JWKS_COOLDOWN_S  minimum seconds between two fetches of the JWKS (default 30;
 *                    after a failed fetch the next try waits min(this, 5) seconds)
 *   OIDC_CLIENT_ID   the IdP's public (SPA) client for the sign-in dialog /auth/dialog.html
 *                    (authorization code + PKCE); without it the dialog is not served
 *   OIDC_SCOPES      scopes the dialog asks for, space- or comma-separated (default
 *                    "openid profile"; add the API scope whose tokens carry OIDC_AUDIENCE)
 *
 * Compose with the relay's schema:
 *   z.object({ ...base, ...authEnvShape }).superRefine((c, ctx) => { refineAuthEnv(c, ctx); ... })
 * then `authConfigFromEnv(parsed)` and `checkAuthAgainstHost(auth, parsed.HOST)`.
 */
import { z } from 'zod';
import { parseApiKeyEntry, type ApiKeyEntry } from './apikey';

export const AUTH_MODES = ['none', 'apikey', 'oidc'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** Asymmetric JWS algorithms accepted in OIDC_ALGORITHMS; `none` and HS* are refused. */
export const ALLOWED_JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

export interface OidcConfig {
  issuer: string;
  audience: string[];
  jwksUrl: string;
  algorithms: string[];
  clockToleranceSec: number;
  /** OIDC_MAX_TOKEN_AGE: longest accepted token lifetime (now - iat, exp - iat), seconds. */
  maxTokenAgeSec?: number;
  /** OIDC_JWKS_COOLDOWN_S: minimum interval between JWKS fetches, seconds. */
  jwksCooldownSec?: number;
  /** Public client for the sign-in dialog (OIDC_CLIENT_ID); the dialog is served only with it. */
  clientId?: string;
  /** Scopes the dialog requests (OIDC_SCOPES; default openid profile). */
  scopes?: string[];
}

export interface AuthConfig {
  mode: AuthMode;
  /** For mode apikey. */
  apiKeys: ApiKeyEntry[];
  /** For mode oidc. */
  oidc?: OidcConfig;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

const isLoopbackUrl = (u: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);

export const authEnvShape = {
  AUTH_MODE: z.enum(AUTH_MODES, { error: 'expected none, apikey or oidc' }).default('none'),
  API_KEYS: z
    .string()
    .optional()
    .transform((value, ctx): ApiKeyEntry[] => {
      const out: ApiKeyEntry[] = [];
      const names = new Set<string>();
      for (const [i, entry] of list(value ?? '').entries()) {
        try {
          const parsed = parseApiKeyEntry(entry);
          if (names.has(parsed.name)) throw new Error(`key name "${parsed.name}" is listed twice`);
          names.add(parsed.name);
          out.push(parsed);
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: `entry ${i + 1}: ${(e as Error).message}` });
          return z.NEVER;
        }
      }
      return out;
    }),
  OIDC_ISSUER: z.string().min(1, 'expected the token issuer (iss)').optional(),
  OIDC_AUDIENCE: z
    .string()
    .optional()
    .transform((v) => list(v ?? '')),
  OIDC_JWKS_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      let u: URL;
      try {
        u = new URL(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: "expected the https:// URL of the issuer's JWKS" });
        return;
      }
      if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopbackUrl(u))) {
        ctx.addIssue({ code: 'custom', message: 'expected an https:// URL (http only for localhost)' });
      }
    }),
  OIDC_ALGORITHMS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const algs = list(v ?? 'RS256');
      const bad = algs.filter((a) => !(ALLOWED_JWT_ALGORITHMS as readonly string[]).includes(a));
      if (bad.length || !algs.length) {
        ctx.addIssue({
          code: 'custom',
          message: `expected some of ${ALLOWED_JWT_ALGORITHMS.join(', ')} (got ${bad.join(', ') || 'nothing'})`,
        });
        return z.NEVER;
      }
      return algs;
    }),
  OIDC_CLOCK_TOLERANCE_S: z.coerce
    .number({ error: 'expected seconds (0-600)' })
    .int('expected seconds (0-600)')
    .min(0, 'expected seconds (0-600)')
    .max(600, 'expected seconds (0-600)')
    .default(60),
  OIDC_MAX_TOKEN_AGE: z.coerce
    .number({ error: 'expected seconds (60-2592000)' })
    .int('expected seconds (60-2592000)')
    .min(60, 'expected seconds (60-2592000)')
    .max(2_592_000, 'expected seconds (60-2592000)')
    .default(86_400),
  OIDC_JWKS_COOLDOWN_S: z.coerce
    .number({ error: 'expected seconds (1-3600)' })
    .int('expected seconds (1-3600)')
    .min(1, 'expected seconds (1-3600)')
    .max(3600, 'expected seconds (1-3600)')
    .default(30),
  OIDC_CLIENT_ID: z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, "expected the client id of the IdP's public (SPA) app registration")
    .optional(),
  OIDC_SCOPES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const scopes = (v ?? 'openid profile').split(/[\s,]+/).filter(Boolean);
      if (!scopes.includes('openid')) scopes.unshift('openid');
      if (scopes.some((s) => !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s))) {
        ctx.addIssue({ code: 'custom', message: 'expected scope tokens separated by spaces or commas' });
        return z.NEVER;
      }
      return scopes;
    }),
};

export const authEnvObject = z.object(authEnvShape);
export type AuthEnv = z.output<typeof authEnvObject>;

type RefineCtx = { addIssue: (issue: { code: 'custom'; message: string; path?: PropertyKey[] }) => void };

/** Cross-field checks: what each mode needs. Call from the relay schema's superRefine. */
export function refineAuthEnv(env: AuthEnv, ctx: RefineCtx): void {
  if (env.AUTH_MODE === 'apikey' && env.API_KEYS.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['API_KEYS'],
      message: 'AUTH_MODE=apikey needs at least one name:hmac:kid:digest entry (npm run mint-key -- --name NAME)',
    });
  }
  if (env.AUTH_MODE === 'oidc') {
    if (!env.OIDC_ISSUER) ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'AUTH_MODE=oidc needs the token issuer (iss)' });
    if (!env.OIDC_AUDIENCE.length)
      ctx.addIssue({ code: 'custom', path: ['OIDC_AUDIENCE'], message: 'AUTH_MODE=oidc needs the expected audience (aud)' });
    if (!env.OIDC_JWKS_URL)
      ctx.addIssue({ code: 'custom', path: ['OIDC_JWKS_URL'], message: "AUTH_MODE=oidc needs the issuer's JWKS URL" });
  }
}

export const authEnvSchema = authEnvObject.superRefine(refineAuthEnv);

export function authConfigFromEnv(env: AuthEnv): AuthConfig {
  return {
    mode: env.AUTH_MODE,
    apiKeys: env.AUTH_MODE === 'apikey' ? env.API_KEYS : [],
    oidc:
      env.AUTH_MODE === 'oidc'
        ? {
            issuer: env.OIDC_ISSUER!,
            audience: env.OIDC_AUDIENCE,
            jwksUrl: env.OIDC_JWKS_URL!,
            algorithms: env.OIDC_ALGORITHMS,
            clockToleranceSec: env.OIDC_CLOCK_TOLERANCE_S,
            maxTokenAgeSec: env.OIDC_MAX_TOKEN_AGE,
            jwksCooldownSec: env.OIDC_JWKS_COOLDOWN_S,
            // The dialog's settings, only when it is configured.
            ...(env.OIDC_CLIENT_ID ? { clientId: env.OIDC_CLIENT_ID, scopes: env.OIDC_SCOPES } : {}),
          }
        : undefined,
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  return LOOPBACK.has(h) || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * AUTH_MODE=none is only allowed when the relay listens on loopback (a developer
 * machine, or behind a reverse proxy on the same host that authenticates). Returns
 * the error message to stop with, or null.
 */
export function checkAuthAgainstHost(auth: Pick<AuthConfig, 'mode'>, host: string): string | null {
  if (auth.mode !== 'none' || isLoopbackHost(host)) return null;
  return `Invalid setting AUTH_MODE: "none" is only allowed when HOST is 127.0.0.1, ::1 or localhost (HOST is "${host}"); set AUTH_MODE=apikey or oidc`;
}
