/**
 * API keys: `sk-` + 43 base64url characters (32 random bytes), stored only as
 * `name:salt:hash` where hash = scrypt(key, salt) with N=16384, r=8, p=1, 32 bytes
 * (node:crypto defaults; ~16 MiB and a few tens of ms per check), salt = 16 random
 * bytes, both base64url. The key itself is printed once by `npm run mint-key` and
 * never stored by the relay.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

export const SCRYPT_PARAMS = { N: 16384, r: 8, p: 1, keylen: 32, maxmem: 64 * 1024 * 1024 } as const;
export const API_KEY_PREFIX = 'sk-';
/** Longer presented keys are rejected before hashing. */
export const MAX_API_KEY_LENGTH = 256;

export interface ApiKeyEntry {
  name: string;
  salt: Buffer;
  hash: Buffer;
}

const NAME = /^[A-Za-z0-9._@-]{1,64}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;

export function isValidKeyName(name: string): boolean {
  return NAME.test(name);
}

export function hashApiKey(key: string, salt: Buffer): Promise<Buffer> {
  const { keylen, ...options } = SCRYPT_PARAMS;
  return new Promise((resolve, reject) => {
    scryptCb(key, salt, keylen, options, (err, derived) => (err ? reject(err) : resolve(derived)));
  });
}

/** Parses one `name:salt:hash` entry; throws Error with a one-line reason (never echoing the hash). */
export function parseApiKeyEntry(entry: string): ApiKeyEntry {
  const parts = entry.trim().split(':');
  if (parts.length !== 3) throw new Error('expected name:salt:hash');
  const [name, salt, hash] = parts as [string, string, string];
  if (!NAME.test(name)) throw new Error(`key name "${name}" must be 1-64 of A-Z a-z 0-9 . _ @ -`);
  if (!B64URL.test(salt) || !B64URL.test(hash)) throw new Error(`entry for "${name}": salt and hash must be base64url`);
  const h = Buffer.from(hash, 'base64url');
  if (h.length !== SCRYPT_PARAMS.keylen) throw new Error(`entry for "${name}": hash must be ${SCRYPT_PARAMS.keylen} bytes (from npm run mint-key)`);
  const s = Buffer.from(salt, 'base64url');
  if (s.length < 8) throw new Error(`entry for "${name}": salt is too short`);
  return { name, salt: s, hash: h };
}

export function formatApiKeyEntry(e: ApiKeyEntry): string {
  return `${e.name}:${e.salt.toString('base64url')}:${e.hash.toString('base64url')}`;
}

/** A new random key and the API_KEYS entry that accepts it. */
export async function mintApiKey(name: string): Promise<{ key: string; entry: string }> {
  if (!NAME.test(name)) throw new Error(`key name "${name}" must be 1-64 of A-Z a-z 0-9 . _ @ -`);
  const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  const salt = randomBytes(16);
  const hash = await hashApiKey(key, salt);
  return { key, entry: formatApiKeyEntry({ name, salt, hash }) };
}

/**
 * Checks a presented key against every entry (all of them, without stopping early,
 * each compared with timingSafeEqual). Returns the matching entry's name or null.
 * Verified keys are remembered (by SHA-256 of the key, bounded) so a busy client
 * does not pay scrypt on every request; failures are never cached.
 */
export function createApiKeyVerifier(entries: readonly ApiKeyEntry[], cacheSize = 256): (key: string) => Promise<string | null> {
  const cache = new Map<string, string>();
  return async (key: string) => {
    if (!key || key.length > MAX_API_KEY_LENGTH) return null;
    const digest = createHash('sha256').update(key).digest('base64url');
    const hit = cache.get(digest);
    if (hit !== undefined) return hit;
    let match: string | null = null;
    for (const e of entries) {
      const derived = await hashApiKey(key, e.salt);
      if (timingSafeEqual(derived, e.hash) && match === null) match = e.name;
    }
    if (match !== null) {
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(digest, match);
    }
    return match;
  };
}
