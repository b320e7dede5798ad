/**
 * API keys: `sk-<kid>.<secret>` — a key id (8 random bytes, 11 base64url characters)
 * and a secret (32 random bytes, 43 base64url characters). The relay stores only
 * `name:hmac:kid:digest` where digest = HMAC-SHA-256(key = kid, message = the whole
 * presented key), base64url. The key itself is printed once by `npm run mint-key` and
 * never stored by the relay.
 *
 * Why one HMAC and no slow KDF: the secret is 256 random bits, so no dictionary or
 * brute force can reach it and a KDF only adds cost — cost an attacker could make the
 * relay pay (scrypt per configured key filled libuv's thread pool; issue 13). The key
 * id selects the one entry to check, so rejecting a wrong key costs the same with 1 or
 * 1000 configured keys (an unknown id is checked against a dummy entry), and the
 * comparison is constant-time (timingSafeEqual).
 *
 * The first format (`name:salt:hash`, scrypt, keys without an id) is refused at start
 * with the command that re-mints the key: it cannot be converted, since the relay never
 * had the key.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_KEY_PREFIX = 'sk-';
/** Longer presented keys are rejected before hashing. */
export const MAX_API_KEY_LENGTH = 256;
/** The scheme word in an API_KEYS entry. */
export const ENTRY_SCHEME = 'hmac';

const KID_BYTES = 8;
const SECRET_BYTES = 32;
const DIGEST_BYTES = 32;
const KEY_FORMAT = /^sk-([A-Za-z0-9_-]{11})\.([A-Za-z0-9_-]{43})$/;

export interface ApiKeyEntry {
  name: string;
  /** Key id (base64url), also inside the key. */
  kid: string;
  /** HMAC-SHA-256(kid, key). */
  digest: Buffer;
}

const NAME = /^[A-Za-z0-9._@-]{1,64}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;

export function isValidKeyName(name: string): boolean {
  return NAME.test(name);
}

export function keyDigest(kid: string, key: string): Buffer {
  return createHmac('sha256', kid).update(key, 'utf8').digest();
}

export function remintCommand(name: string): string {
  return `npm run mint-key -- --name ${NAME.test(name) ? name : 'NAME'}`;
}

/** Parses one `name:hmac:kid:digest` entry; throws Error with a one-line reason (never echoing the digest). */
export function parseApiKeyEntry(entry: string): ApiKeyEntry {
  const parts = entry.trim().split(':');
  const name = parts[0] ?? '';
  if (parts.length === 3) {
    throw new Error(
      `entry for "${name}" has the old name:salt:hash format, which is no longer accepted; mint a new key with \`${remintCommand(name)}\`, give the user the new key and replace the entry (the old key stops working)`,
    );
  }
  if (parts.length !== 4 || parts[1] !== ENTRY_SCHEME) throw new Error(`expected name:${ENTRY_SCHEME}:kid:digest (from npm run mint-key)`);
  const [, , kid, digest] = parts as [string, string, string, string];
  if (!NAME.test(name)) throw new Error(`key name "${name}" must be 1-64 of A-Z a-z 0-9 . _ @ -`);
  if (!B64URL.test(kid) || Buffer.from(kid, 'base64url').length !== KID_BYTES)
    throw new Error(`entry for "${name}": the key id must be ${KID_BYTES} bytes, base64url`);
  if (!B64URL.test(digest)) throw new Error(`entry for "${name}": the digest must be base64url`);
  const d = Buffer.from(digest, 'base64url');
  if (d.length !== DIGEST_BYTES) throw new Error(`entry for "${name}": the digest must be ${DIGEST_BYTES} bytes (from npm run mint-key)`);
  return { name, kid, digest: d };
}

export function formatApiKeyEntry(e: ApiKeyEntry): string {
  return `${e.name}:${ENTRY_SCHEME}:${e.kid}:${e.digest.toString('base64url')}`;
}

/** A new random key and the API_KEYS entry that accepts it. */
export async function mintApiKey(name: string): Promise<{ key: string; entry: string }> {
  if (!NAME.test(name)) throw new Error(`key name "${name}" must be 1-64 of A-Z a-z 0-9 . _ @ -`);
  const kid = randomBytes(KID_BYTES).toString('base64url');
  const key = `${API_KEY_PREFIX}${kid}.${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { key, entry: formatApiKeyEntry({ name, kid, digest: keyDigest(kid, key) }) };
}

/**
 * Checks a presented key against the one entry its key id names: one HMAC and one
 * constant-time comparison whatever the number of entries (a dummy entry stands in for
 * an unknown id). Returns the entry's name or null.
 */
export function createApiKeyVerifier(entries: readonly ApiKeyEntry[]): (key: string) => string | null {
  const byKid = new Map(entries.map((e) => [e.kid, e]));
  const dummy: ApiKeyEntry = { name: '', kid: 'AAAAAAAAAAA', digest: randomBytes(DIGEST_BYTES) };
  return (key: string) => {
    if (!key || key.length > MAX_API_KEY_LENGTH) return null;
    const m = KEY_FORMAT.exec(key);
    const entry = (m && byKid.get(m[1]!)) || undefined;
    const against = entry ?? dummy;
    const equal = timingSafeEqual(keyDigest(against.kid, key), against.digest);
    return equal && entry ? entry.name : null;
  };
}
