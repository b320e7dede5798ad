/**
 * The audit digest's key: AUDIT_HMAC_KEY, or a random key generated once into
 * STATE_DIR/audit-hmac.key (0600, in a 0700 directory) and read from there on later
 * starts, so equal texts keep matching within one deployment while a leaked audit log
 * alone cannot be dictionary-matched (a plain SHA-256 of "hello" could; issue 13).
 * Failures are ConfigError: the relay stops at start with one line.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';
import { defaultStateDir } from './settings';

export const AUDIT_KEY_FILE = 'audit-hmac.key';

export function resolveAuditKey(config: { AUDIT_HMAC_KEY?: string; STATE_DIR?: string }): string {
  if (config.AUDIT_HMAC_KEY) return config.AUDIT_HMAC_KEY;
  const dir = config.STATE_DIR ?? defaultStateDir();
  const file = path.join(dir, AUDIT_KEY_FILE);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
    throw new ConfigError('STATE_DIR', `"${file}" holds no usable key (delete it to generate a new one, or set AUDIT_HMAC_KEY)`);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError('STATE_DIR', `cannot read "${file}" (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  const key = randomBytes(32).toString('base64url');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // 'wx': never overwrite a key another instance wrote meanwhile.
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return resolveAuditKey(config);
    throw new ConfigError(
      'STATE_DIR',
      `cannot write the generated audit key to "${file}" (${(err as NodeJS.ErrnoException).code ?? 'error'}); make the directory writable or set AUDIT_HMAC_KEY`,
    );
  }
}
