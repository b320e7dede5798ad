/**
 * Relay configuration: environment variables, optionally preceded by a file
 * (`SSEUGI_CONFIG=/etc/sseugi/sseugi.env`, KEY=VALUE lines; the environment wins).
 * Validated once at start with zod; a bad value stops the process with one line
 * naming the setting and what it expects.
 */
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { mirrorProblem } from './officejs';
import { authConfigFromEnv, authEnvShape, checkAuthAgainstHost, refineAuthEnv, type AuthConfig } from './auth/config';
import { hardeningEnvShape } from './security/settings';

const port = z.coerce
  .number({ error: 'expected a port number 1-65535' })
  .int('expected a port number 1-65535')
  .min(1, 'expected a port number 1-65535')
  .max(65535, 'expected a port number 1-65535');

const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int(`expected ${what}`)
    .positive(`expected ${what}`);

const httpUrlList = z
  .string()
  .min(1, 'expected one or more http(s) URLs, comma-separated')
  .transform((value, ctx) => {
    const urls = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.replace(/\/+$/, ''));
    for (const u of urls) {
      let parsed: URL;
      try {
        parsed = new URL(u);
      } catch {
        ctx.addIssue({ code: 'custom', message: `expected http(s) URLs, comma-separated` });
        return z.NEVER;
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        ctx.addIssue({ code: 'custom', message: `expected http(s) URLs, comma-separated` });
        return z.NEVER;
      }
    }
    if (urls.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'expected one or more http(s) URLs' });
      return z.NEVER;
    }
    return urls;
  });

const nonNegativeInt = (what: string) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int(`expected ${what}`)
    .min(0, `expected ${what}`);

/** Comma-separated https?:// origins (scheme://host[:port], no path), e.g. for CORS or frame-ancestors. */
const originList = z
  .string()
  .optional()
  .transform((value, ctx): string[] => {
    const out: string[] = [];
    for (const raw of (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = /^(https?):\/\/(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?\/?$/.exec(raw);
      if (!m) {
        ctx.addIssue({ code: 'custom', message: `expected origins like https://host[:port], comma-separated (got "${raw}")` });
        return z.NEVER;
      }
      out.push(raw.replace(/\/$/, '').toLowerCase());
    }
    return out;
  });

export const configSchema = z
  .object({
    ...authEnvShape,
    // Hardening (server/security/settings.ts): TRUST_PROXY, timeouts, audit key, source maps…
    ...hardeningEnvShape,
    PORT: port.default(3000),
    HOST: z.string().min(1, 'expected a host name or IP address to bind').default('127.0.0.1'),
    PUBLIC_URL: z.url({ protocol: /^https$/, error: 'expected the https:// origin users reach the relay at' }).optional(),
    TLS_CERT: z.string().min(1, 'expected a path to a PEM certificate').optional(),
    TLS_KEY: z.string().min(1, 'expected a path to a PEM private key').optional(),
    LLM_BASE_URL: httpUrlList.default(['http://127.0.0.1:11434/v1']),
    LLM_MODEL: z.string().min(1, 'expected a model id').default('exaone3.5:7.8b'),
    LLM_API_KEY: z.string().min(1).optional(),
    LLM_TIMEOUT_MS: positiveInt('a timeout in milliseconds (positive integer)').default(120_000),
    LLM_CONTEXT_WINDOW: positiveInt('a token count (positive integer)').default(32_768),
    LLM_CONCURRENCY: positiveInt('a positive integer').default(8),
    MAX_BODY_BYTES: positiveInt('a size in bytes (positive integer)').default(2_000_000),
    MAX_TEXT_CHARS: positiveInt('a character count (positive integer)').default(600_000),
    // Office.js (server/officejs.ts): Microsoft's CDN unless OFFICE_JS_DIR names a mirror.
    OFFICE_JS_SOURCE: z
      .enum(['cdn', 'mirror'], {
        error:
          'expected "cdn" or "mirror" (the bundled @microsoft/office-js copy is no longer served: make a mirror with "npm run officejs:mirror" and set OFFICE_JS_DIR)',
      })
      .optional(),
    OFFICE_JS_DIR: z.string().min(1, 'expected a folder made by "npm run officejs:mirror"').optional(),
    // Largest .hwpx/.hwp/.docx/.txt the document routes accept (server/routes/document.ts).
    MAX_DOCUMENT_BYTES: positiveInt('a size in bytes (positive integer)').default(20_000_000),
    PROMPTS_DIR: z.string().min(1).optional(),
    // Limits (server/limits): see docs/ADMIN.md "Limits".
    AUTH_FAILURES_PER_MIN: z.coerce
      .number({ error: 'expected a whole number (0 = off)' })
      .int('expected a whole number (0 = off)')
      .min(0, 'expected a whole number (0 = off)')
      .default(30),
    MAX_PARAGRAPHS: positiveInt('a paragraph count (positive integer)').default(10000),
    MAX_PARAGRAPH_CHARS: positiveInt('a character count (positive integer)').default(20_000),
    RATE_LIMIT_PER_MIN: nonNegativeInt('requests per minute per user (0 = no limit)').default(60),
    MODEL_CONCURRENCY: positiveInt('a positive integer').default(16),
    QUEUE_MAX: nonNegativeInt('a queue length (0 or more)').default(64),
    QUEUE_TIMEOUT_MS: positiveInt('a timeout in milliseconds (positive integer)').default(30_000),
    // Observability (server/observability).
    AUDIT_LOG: z.string().min(1, 'expected a file path').optional(),
    METRICS_PORT: z.coerce
      .number({ error: 'expected a port number 0-65535' })
      .int('expected a port number 0-65535')
      .min(0, 'expected a port number 0-65535')
      .max(65535, 'expected a port number 0-65535')
      .optional(),
    METRICS_HOST: z.string().min(1, 'expected a host name or IP address to bind').default('127.0.0.1'),
    // Headers (server/security).
    CORS_ORIGINS: originList,
    CSP_FRAME_ANCESTORS: originList,
    /** Shared state for several relay instances (proofreading cache, rate limits); memory when unset. */
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' }).optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'expected one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  })
  .superRefine((cfg, ctx) => {
    refineAuthEnv(cfg, ctx);
    const officeJs = officeJsProblem(cfg.OFFICE_JS_SOURCE, cfg.OFFICE_JS_DIR);
    if (officeJs) ctx.addIssue({ code: 'custom', path: [officeJs.setting], message: officeJs.message });
    if (Boolean(cfg.TLS_CERT) !== Boolean(cfg.TLS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: [cfg.TLS_CERT ? 'TLS_KEY' : 'TLS_CERT'],
        message: 'expected TLS_CERT and TLS_KEY to be set together (or neither, for development certificates)',
      });
    }
  });

export type Config = z.output<typeof configSchema> & { PUBLIC_URL: string; auth: AuthConfig; OFFICE_JS_SOURCE: 'cdn' | 'mirror' };

/** OFFICE_JS_SOURCE follows OFFICE_JS_DIR; setting both must agree, and a mirror must hold office.js. */
function officeJsProblem(source: 'cdn' | 'mirror' | undefined, dir: string | undefined): { setting: string; message: string } | null {
  if (source === 'mirror' && !dir) return { setting: 'OFFICE_JS_DIR', message: 'expected a mirror folder when OFFICE_JS_SOURCE=mirror' };
  if (source === 'cdn' && dir) return { setting: 'OFFICE_JS_SOURCE', message: 'expected "mirror" (or no value) when OFFICE_JS_DIR is set' };
  const problem = dir ? mirrorProblem(dir) : null;
  return problem ? { setting: 'OFFICE_JS_DIR', message: problem } : null;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    readonly expectation: string,
  ) {
    super(`Invalid setting ${setting}: ${expectation}`);
    this.name = 'ConfigError';
  }
}

/** Reads KEY=VALUE lines of the optional config file. */
function readConfigFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError('SSEUGI_CONFIG', `cannot read the config file "${path}"`);
  }
  return parseEnv(text) as Record<string, string>;
}

/** Builds the configuration; throws ConfigError naming the first bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const fromFile = env.SSEUGI_CONFIG ? readConfigFile(env.SSEUGI_CONFIG) : {};
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') merged[k] = v;
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const setting = String(issue.path[0] ?? 'configuration');
    const given = merged[setting];
    const got = given !== undefined && !/KEY|SECRET|TOKEN|REDIS/.test(setting) ? ` (got "${given}")` : '';
    throw new ConfigError(setting, `${issue.message}${got}`);
  }
  const cfg = result.data;
  const auth = authConfigFromEnv(cfg);
  const refused = checkAuthAgainstHost(auth, cfg.HOST);
  if (refused) throw new ConfigError('AUTH_MODE', refused.replace(/^Invalid setting AUTH_MODE: /, ''));
  return {
    ...cfg,
    auth,
    PUBLIC_URL: (cfg.PUBLIC_URL ?? `https://localhost:${cfg.PORT}`).replace(/\/+$/, ''),
    OFFICE_JS_SOURCE: cfg.OFFICE_JS_DIR ? 'mirror' : 'cdn',
  };
}
