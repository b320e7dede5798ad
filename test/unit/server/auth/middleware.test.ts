import { createSecretKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import express from 'express';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { mintApiKey, parseApiKeyEntry } from '../../../../server/auth/apikey';
import { checkAuthAgainstHost, type AuthConfig } from '../../../../server/auth/config';
import { loadConfig } from '../../../../server/config';
import { createAuthMiddleware, type AuthMiddlewareOptions } from '../../../../server/auth/middleware';

/** The auth settings as the relay reads them (loadConfig), for the auth-only cases below. */
const authFromEnv = (env: Record<string, string | undefined>): AuthConfig => loadConfig(env as NodeJS.ProcessEnv).auth;

const ROOT = join(__dirname, '../../../..');

/** A real express app on an ephemeral port with the middleware in front of one route. */
async function startApp(cfg: AuthConfig, opts?: AuthMiddlewareOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use('/api', createAuthMiddleware(cfg, opts));
  app.get('/api/whoami', (_req, res) => {
    res.json(res.locals['principal']);
  });
  app.get('/taskpane.html', (_req, res) => {
    res.send('ok');
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body: body as Record<string, string>, www: res.headers.get('www-authenticate') };
}

describe('auth config', () => {
  it('defaults to none, and none is refused off loopback', () => {
    const cfg = authFromEnv({});
    expect(cfg.mode).toBe('none');
    for (const h of ['127.0.0.1', '::1', 'localhost', 'LOCALHOST']) expect(checkAuthAgainstHost(cfg, h)).toBeNull();
    expect(checkAuthAgainstHost(cfg, '0.0.0.0')).toMatch(/AUTH_MODE.*"none" is only allowed.*0\.0\.0\.0/);
    expect(checkAuthAgainstHost(cfg, '10.1.2.3')).not.toBeNull();
    expect(checkAuthAgainstHost({ mode: 'apikey' }, '0.0.0.0')).toBeNull();
  });

  it('apikey needs entries and parses them', async () => {
    expect(() => authFromEnv({ AUTH_MODE: 'apikey' })).toThrow(/API_KEYS.*mint-key/);
    expect(() => authFromEnv({ AUTH_MODE: 'apikey', API_KEYS: 'alice:abc' })).toThrow(/API_KEYS: entry 1: expected name:hmac:kid:digest/);
    const a = await mintApiKey('alice');
    const b = await mintApiKey('bob');
    const cfg = authFromEnv({ AUTH_MODE: 'apikey', API_KEYS: ` ${a.entry} , ${b.entry}` });
    expect(cfg.apiKeys.map((k) => k.name)).toEqual(['alice', 'bob']);
    expect(() => authFromEnv({ AUTH_MODE: 'apikey', API_KEYS: `${a.entry},${a.entry}` })).toThrow(/listed twice/);
  });

  it('oidc needs issuer, audience, https JWKS; refuses none/HS algorithms', () => {
    const base = {
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://idp.example/realms/corp',
      OIDC_AUDIENCE: 'sseugi',
      OIDC_JWKS_URL: 'https://idp.example/certs',
    };
    const cfg = authFromEnv(base);
    expect(cfg.oidc).toEqual({
      issuer: base.OIDC_ISSUER,
      audience: ['sseugi'],
      jwksUrl: base.OIDC_JWKS_URL,
      algorithms: ['RS256'],
      clockToleranceSec: 60,
      maxTokenAgeSec: 86400,
      jwksCooldownSec: 30,
    });
    expect(() => authFromEnv({ ...base, OIDC_ISSUER: '' })).toThrow(/OIDC_ISSUER/);
    expect(() => authFromEnv({ ...base, OIDC_AUDIENCE: undefined })).toThrow(/OIDC_AUDIENCE/);
    expect(() => authFromEnv({ ...base, OIDC_JWKS_URL: 'http://idp.example/certs' })).toThrow(/OIDC_JWKS_URL.*https/);
    expect(authFromEnv({ ...base, OIDC_JWKS_URL: 'http://127.0.0.1:8080/certs' }).oidc?.jwksUrl).toBe('http://127.0.0.1:8080/certs');
    expect(() => authFromEnv({ ...base, OIDC_ALGORITHMS: 'none' })).toThrow(/OIDC_ALGORITHMS/);
    expect(() => authFromEnv({ ...base, OIDC_ALGORITHMS: 'RS256,HS256' })).toThrow(/HS256/);
    expect(authFromEnv({ ...base, OIDC_ALGORITHMS: 'RS256, ES256' }).oidc?.algorithms).toEqual(['RS256', 'ES256']);
    expect(() => authFromEnv({ AUTH_MODE: 'basic' })).toThrow(/AUTH_MODE: expected none, apikey or oidc/);
  });
});

describe('AUTH_MODE=none', () => {
  it('lets requests through as anonymous', async () => {
    const app = await startApp({ mode: 'none', apiKeys: [] });
    try {
      const r = await get(`${app.url}/api/whoami`);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ name: 'anonymous', kind: 'anonymous' });
    } finally {
      await app.close();
    }
  });
});

describe('AUTH_MODE=apikey', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let aliceKey: string;
  let bobKey: string;

  beforeAll(async () => {
    const a = await mintApiKey('alice');
    const b = await mintApiKey('bob');
    aliceKey = a.key;
    bobKey = b.key;
    expect(aliceKey).toMatch(/^sk-[A-Za-z0-9_-]{11}\.[A-Za-z0-9_-]{43}$/);
    app = await startApp({ mode: 'apikey', apiKeys: [parseApiKeyEntry(a.entry), parseApiKeyEntry(b.entry)] });
  });
  afterAll(() => app.close());

  it('accepts a good key as a Bearer token and as X-API-Key', async () => {
    const r1 = await get(`${app.url}/api/whoami`, { Authorization: `Bearer ${aliceKey}` });
    expect(r1.status).toBe(200);
    expect(r1.body).toEqual({ name: 'alice', kind: 'apikey' });
    const r2 = await get(`${app.url}/api/whoami`, { 'X-API-Key': bobKey });
    expect(r2.body).toEqual({ name: 'bob', kind: 'apikey' });
    // A second use gives the same answer.
    expect((await get(`${app.url}/api/whoami`, { 'X-API-Key': bobKey })).body).toEqual({ name: 'bob', kind: 'apikey' });
  });

  it('rejects a bad key with 401 AUTH_INVALID and does not echo it', async () => {
    const bad = aliceKey.slice(0, -2) + (aliceKey.endsWith('AA') ? 'BB' : 'AA');
    const r = await get(`${app.url}/api/whoami`, { Authorization: `Bearer ${bad}` });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ code: 'AUTH_INVALID', message: expect.any(String) });
    expect(r.www).toMatch(/^Bearer realm="sseugi", error="invalid_token"/);
    expect(JSON.stringify(r.body) + r.www).not.toContain(bad);
    expect((await get(`${app.url}/api/whoami`, { 'X-API-Key': 'x'.repeat(1000) })).body.code).toBe('AUTH_INVALID');
  });

  it('answers a missing key with 401 AUTH_REQUIRED and a Bearer challenge', async () => {
    const r = await get(`${app.url}/api/whoami`);
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('AUTH_REQUIRED');
    expect(r.www).toBe('Bearer realm="sseugi"');
  });

  it('leaves routes outside the mount point alone', async () => {
    expect((await get(`${app.url}/taskpane.html`)).status).toBe(200);
  });
});

describe('AUTH_MODE=oidc', () => {
  const ISSUER = 'https://idp.corp.example/realms/corp';
  const AUDIENCE = 'sseugi';
  let key: { privateKey: KeyLike; publicKey: KeyLike };
  let other: { privateKey: KeyLike; publicKey: KeyLike };
  let publicJwk: JWK;
  let app: Awaited<ReturnType<typeof startApp>>;

  const cfg = (jwksUrl = 'https://unused.example/certs'): AuthConfig => ({
    mode: 'oidc',
    apiKeys: [],
    oidc: { issuer: ISSUER, audience: [AUDIENCE], jwksUrl, algorithms: ['RS256'], clockToleranceSec: 5 },
  });

  function sign(
    claims: Record<string, unknown> = {},
    o: { iss?: string; aud?: string; exp?: string | number; kid?: string; with?: KeyLike } = {},
  ): Promise<string> {
    return new SignJWT({ preferred_username: 'kim.minji', scp: 'access_as_user', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? 'k1' })
      .setIssuer(o.iss ?? ISSUER)
      .setAudience(o.aud ?? AUDIENCE)
      .setSubject('user-123')
      .setIssuedAt()
      .setExpirationTime(o.exp ?? '5m')
      .sign(o.with ?? key.privateKey);
  }

  beforeAll(async () => {
    key = await generateKeyPair('RS256');
    other = await generateKeyPair('RS256');
    publicJwk = { ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    app = await startApp(cfg(), { jwks: createLocalJWKSet({ keys: [publicJwk] }) });
  });
  afterAll(() => app.close());

  const call = (token: string) => get(`${app.url}/api/whoami`, { Authorization: `Bearer ${token}` });

  it('accepts a valid token; the name comes from preferred_username, then upn/email/sub', async () => {
    const r = await call(await sign());
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ name: 'kim.minji', kind: 'oidc' });
    const r2 = await call(await sign({ preferred_username: undefined, email: 'minji@corp.example' }));
    expect(r2.body).toEqual({ name: 'minji@corp.example', kind: 'oidc' });
  });

  it('rejects a wrong issuer', async () => {
    const r = await call(await sign({}, { iss: 'https://evil.example' }));
    expect([r.status, r.body.code]).toEqual([401, 'AUTH_INVALID']);
    expect(r.www).toMatch(/error="invalid_token"/);
  });

  it('rejects a wrong audience', async () => {
    const r = await call(await sign({}, { aud: 'another-app' }));
    expect([r.status, r.body.code]).toEqual([401, 'AUTH_INVALID']);
  });

  it('rejects an expired token with AUTH_EXPIRED', async () => {
    const r = await call(await sign({}, { exp: Math.floor(Date.now() / 1000) - 600 }));
    expect([r.status, r.body.code]).toEqual([401, 'AUTH_EXPIRED']);
  });

  it('rejects alg: none', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: now + 300 })}.`;
    const r = await call(unsigned);
    expect([r.status, r.body.code]).toEqual([401, 'AUTH_INVALID']);
  });

  it('rejects an HS256 token even if signed with the public key bytes', async () => {
    const secret = createSecretKey(Buffer.from(JSON.stringify(publicJwk)));
    const t = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(secret);
    expect((await call(t)).body.code).toBe('AUTH_INVALID');
  });

  it('rejects an unknown kid', async () => {
    const r = await call(await sign({}, { kid: 'k-unknown' }));
    expect([r.status, r.body.code]).toEqual([401, 'AUTH_INVALID']);
  });

  it('rejects a token signed with another key (same kid)', async () => {
    const r = await call(await sign({}, { with: other.privateKey }));
    expect([r.status, r.body.code]).toEqual([401, 'AUTH_INVALID']);
  });

  it('answers a missing or malformed token', async () => {
    const r = await get(`${app.url}/api/whoami`);
    expect([r.status, r.body.code, r.www]).toEqual([401, 'AUTH_REQUIRED', 'Bearer realm="sseugi"']);
    expect((await call('not-a-jwt')).body.code).toBe('AUTH_INVALID');
  });

  it('fetches keys from a remote JWKS URL, and answers 503 when it is unreachable', async () => {
    const jwksServer = createServer((req, res) => {
      if (req.url === '/certs') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [publicJwk] }));
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', () => r()));
    const port = (jwksServer.address() as AddressInfo).port;
    const remote = await startApp(cfg(`http://127.0.0.1:${port}/certs`));
    try {
      const r = await get(`${remote.url}/api/whoami`, { Authorization: `Bearer ${await sign()}` });
      expect(r.body).toEqual({ name: 'kim.minji', kind: 'oidc' });
      const r2 = await get(`${remote.url}/api/whoami`, { Authorization: `Bearer ${await sign({}, { with: other.privateKey })}` });
      expect(r2.body.code).toBe('AUTH_INVALID');
    } finally {
      await remote.close();
      await new Promise((r) => jwksServer.close(r));
    }
    const dead = await startApp(cfg(`http://127.0.0.1:${port}/certs`));
    try {
      const r = await get(`${dead.url}/api/whoami`, { Authorization: `Bearer ${await sign()}` });
      expect([r.status, r.body.code]).toEqual([503, 'AUTH_UNAVAILABLE']);
    } finally {
      await dead.close();
    }
  });
});

describe('mint-key CLI', () => {
  it('prints a key and a matching API_KEYS entry', async () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const out = spawnSync(tsx, [join(ROOT, 'server', 'cli', 'mint-key.ts'), '--name', 'alice'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.status).toBe(0);
    const key = /(sk-[A-Za-z0-9_-]{11}\.[A-Za-z0-9_-]{43})/.exec(out.stdout)![1]!;
    const entry = /(alice:hmac:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+)/.exec(out.stdout)![1]!;
    const cfg = authFromEnv({ AUTH_MODE: 'apikey', API_KEYS: entry });
    const app = await startApp(cfg);
    try {
      expect((await get(`${app.url}/api/whoami`, { 'X-API-Key': key })).body).toEqual({ name: 'alice', kind: 'apikey' });
    } finally {
      await app.close();
    }
    const bad = spawnSync(tsx, [join(ROOT, 'server', 'cli', 'mint-key.ts'), '--name', 'a b'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});
