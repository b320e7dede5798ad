/**
 * Hardening settings (a fragment of the relay's zod configuration, spread into
 * server/config.ts). See docs/ADMIN.md "Hardening".
 *
 *   TRUST_PROXY           false (default) | a hop count (1 = one nginx in front) | a
 *                         comma-separated list of proxy addresses/CIDRs or the names
 *                         loopback, linklocal, uniquelocal — Express's 'trust proxy',
 *                         so limits see the client named in X-Forwarded-For
 *   REQUEST_TIMEOUT_MS    time to receive a whole request (headers + body), default 60000
 *   HEADERS_TIMEOUT_MS    time to receive the headers, default 20000
 *   KEEP_ALIVE_TIMEOUT_MS idle keep-alive connections closed after, default 65000
 *   MAX_CONNECTIONS       open connections at most, default 4096 (1,000 streams in a burst plus closing sockets need headroom)
 *   STATE_DIR             where the relay keeps generated secrets (audit-hmac.key);
 *                         default $STATE_DIRECTORY (systemd StateDirectory=) or
 *                         ~/.local/state/sseugi
 *   AUDIT_HMAC_KEY        the audit digest's key (≥ 32 characters); generated into
 *                         STATE_DIR/audit-hmac.key when unset
 *   SERVE_SOURCE_MAPS     1 to serve the add-in's *.map files (default: 404)
 *   PROOFREAD_MAX_SUGGESTIONS  rule findings in one answer at most, default 5000
 *   RULES_WORKERS         worker threads for offline proofreading, default cores - 1 (≥ 1)
 */
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export type TrustProxy = false | number | string[];

const TRUST_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const TRUST_PROXY_HELP = 'expected false, a hop count (e.g. 1) or proxy addresses/CIDRs, comma-separated';

function isAddressOrCidr(s: string): boolean {
  if (TRUST_NAMES.has(s)) return true;
  const [addr, bits, ...rest] = s.split('/');
  if (rest.length || !addr) return false;
  const v = isIP(addr);
  if (!v) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (v === 4 ? 32 : 128);
}

const ms = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `expected ${what} (${min}-${max})` })
    .int(`expected ${what} (${min}-${max})`)
    .min(min, `expected ${what} (${min}-${max})`)
    .max(max, `expected ${what} (${min}-${max})`);

export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  // systemd sets STATE_DIRECTORY for StateDirectory= (possibly a colon-separated list).
  const fromSystemd = env['STATE_DIRECTORY']?.split(':')[0];
  return fromSystemd || path.join(os.homedir(), '.local', 'state', 'sseugi');
}

export const hardeningEnvShape = {
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx): TrustProxy => {
      const v = (value ?? '').trim().toLowerCase();
      if (v === '' || v === 'false' || v === '0') return false;
      if (/^\d{1,2}$/.test(v)) return Number(v);
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (!list.length || !list.every(isAddressOrCidr)) {
        ctx.addIssue({ code: 'custom', message: TRUST_PROXY_HELP });
        return z.NEVER;
      }
      return list;
    }),
  REQUEST_TIMEOUT_MS: ms('milliseconds', 1000, 3_600_000).default(60_000),
  HEADERS_TIMEOUT_MS: ms('milliseconds', 500, 600_000).default(20_000),
  KEEP_ALIVE_TIMEOUT_MS: ms('milliseconds', 1000, 600_000).default(65_000),
  MAX_CONNECTIONS: ms('a connection count', 8, 1_000_000).default(4096),
  STATE_DIR: z.string().min(1, 'expected a directory path').optional(),
  AUDIT_HMAC_KEY: z.string().min(32, 'expected at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  SERVE_SOURCE_MAPS: z
    .enum(['0', '1'], { error: 'expected 0 or 1' })
    .default('0')
    .transform((v) => v === '1'),
  PROOFREAD_MAX_SUGGESTIONS: ms('a count', 1, 1_000_000).default(5000),
  RULES_WORKERS: ms('a thread count', 1, 64).optional(),
};
