/** Authentication through the real relay (HTTPS), security headers and CORS. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { ConfigError, loadConfig } from '../../../../server/config';
import { ADDIN_DIST } from '../../../../server/paths';
import { startFakeLlm, type FakeLlm } from '../../../helpers/fake-llm';
import { httpsRequest, parseSse, postJson, startTestRelay, type TestRelay, startKeyedRelay } from '../../../helpers/relay';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());

describe('AUTH_MODE through the relay', () => {
  it('refuses AUTH_MODE=none unless HOST is loopback, in one line', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    try {
      loadConfig({ HOST: '0.0.0.0' });
    } catch (e) {
      expect((e as Error).message).toMatch(/^Invalid setting AUTH_MODE: "none" is only allowed when HOST is/);
      expect((e as Error).message).not.toContain('\n');
    }
    expect(loadConfig({ HOST: '::1' }).auth.mode).toBe('none');
  });

  it('none: the API answers without credentials (loopback)', async () => {
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url });
    try {
      const r = await postJson(relay, '/api/summarize', { text: '가나다' });
      expect(r.status).toBe(200);
      expect(parseSse(r.body).at(-1)?.event).toBe('done');
    } finally {
      await relay.close();
    }
  });

  describe('apikey', () => {
    let relay: TestRelay;
    let key: string;
    beforeAll(async () => {
      ({ relay, key } = await startKeyedRelay({ LLM_BASE_URL: fake.url }));
    });
    afterAll(() => relay.close());

    it('answers 401 AUTH_REQUIRED without a key, 401 AUTH_INVALID with a wrong one', async () => {
      const before = fake.requests.length;
      const none = await postJson(relay, '/api/summarize', { text: '가나다' });
      expect(none.status).toBe(401);
      expect(JSON.parse(none.body)).toEqual({ code: 'AUTH_REQUIRED', message: expect.any(String) });
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      const wrong = await postJson(relay, '/api/summarize', { text: '가나다' }, { authorization: 'Bearer sk-wrong' });
      expect([wrong.status, JSON.parse(wrong.body).code]).toEqual([401, 'AUTH_INVALID']);
      expect(fake.requests.length).toBe(before);
    });

    it('answers 200 with the key (Authorization: Bearer or X-API-Key)', async () => {
      const a = await postJson(relay, '/api/summarize', { text: '가나다' }, { authorization: `Bearer ${key}` });
      expect(a.status).toBe(200);
      expect(parseSse(a.body).at(-1)?.event).toBe('done');
      const b = await postJson(relay, '/api/summarize', { text: '가나다' }, { 'x-api-key': key });
      expect(b.status).toBe(200);
    });

    it('keeps /api/health public with version and reachability only; details with a key', async () => {
      const pub = await httpsRequest(relay, 'GET', '/api/health');
      expect(pub.status).toBe(200);
      const body = JSON.parse(pub.body);
      expect(body).toEqual({ status: 'ok', version: expect.any(String), auth: 'apikey', oidcDialog: false, model: { reachable: true } });
      const full = JSON.parse((await httpsRequest(relay, 'GET', '/api/health', { headers: { 'x-api-key': key } })).body);
      expect(full.model).toMatchObject({ reachable: true, model: 'exaone3.5:7.8b' });
    });

    it('keeps the pages, Office.js and the manifest public', async () => {
      // (a mirror's /office-js/ is public too: test/unit/server/officejs.test.ts)
      for (const p of ['/taskpane.html', '/manifest.xml']) {
        expect((await httpsRequest(relay, 'GET', p)).status).toBe(200);
      }
    });

    it('never logs the key', async () => {
      expect(relay.logs.join('')).not.toContain(key);
      expect(relay.logs.join('')).not.toContain('sk-wrong');
    });
  });

  describe('oidc, with a locally minted key and a JWKS served on loopback', () => {
    let relay: TestRelay;
    let jwksServer: http.Server;
    let key: { privateKey: KeyLike; publicKey: KeyLike };
    const ISSUER = 'https://idp.corp.example/realms/sseugi';
    const AUDIENCE = 'sseugi-relay';
    beforeAll(async () => {
      key = await generateKeyPair('RS256');
      const jwk: JWK = { ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      jwksServer = http.createServer((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
      );
      await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
      const port = (jwksServer.address() as AddressInfo).port;
      relay = await startTestRelay({
        LLM_BASE_URL: fake.url,
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: ISSUER,
        OIDC_AUDIENCE: AUDIENCE,
        OIDC_JWKS_URL: `http://127.0.0.1:${port}/jwks`,
      });
    });
    afterAll(async () => {
      await relay.close();
      jwksServer.closeAllConnections();
      await new Promise<void>((r) => jwksServer.close(() => r()));
    });
    const sign = (aud = AUDIENCE) =>
      new SignJWT({ preferred_username: 'kim.minji', scp: 'access_as_user' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(ISSUER)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key.privateKey);

    it('accepts a valid token and audits the user name; refuses a wrong audience', async () => {
      const ok = await postJson(relay, '/api/summarize', { text: '가나다' }, { authorization: `Bearer ${await sign()}` });
      expect(ok.status).toBe(200);
      expect(parseSse(ok.body).at(-1)?.event).toBe('done');
      const auditLine = relay.logs.map((l) => JSON.parse(l)).find((l) => l.audit === true);
      expect(auditLine).toMatchObject({ principal: 'kim.minji', principalKind: 'oidc', task: 'summarize', outcome: 'ok' });
      const bad = await postJson(relay, '/api/summarize', { text: '가나다' }, { authorization: `Bearer ${await sign('other')}` });
      expect([bad.status, JSON.parse(bad.body).code]).toEqual([401, 'AUTH_INVALID']);
      const none = await postJson(relay, '/api/summarize', { text: '가나다' });
      expect([none.status, JSON.parse(none.body).code]).toEqual([401, 'AUTH_REQUIRED']);
    });
  });
});

describe('security headers and CORS', () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await startTestRelay({ LLM_BASE_URL: fake.url });
  });
  afterAll(() => relay.close());

  it('sends a CSP that lets Office frame the pane, and no X-Frame-Options', async () => {
    const r = await httpsRequest(relay, 'GET', '/taskpane.html');
    const csp = String(r.headers['content-security-policy']);
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['frame-ancestors']).toEqual(
      expect.arrayContaining(["'self'", 'https://*.officeapps.live.com', 'https://*.office.com', 'https://*.sharepoint.com']),
    );
    // default Office.js source: Microsoft's CDN (a mirror: 'self' only, officejs.test.ts)
    expect(directives['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(r.headers['x-frame-options']).toBeUndefined();
    expect(r.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(r.headers['x-powered-by']).toBeUndefined();
  });

  it('lets only the task pane be framed by Office; the standalone page by this origin alone', async () => {
    const page = String((await httpsRequest(relay, 'GET', '/')).headers['content-security-policy']);
    expect(page).toMatch(/frame-ancestors 'self'(;|$)/);
    expect(page).not.toContain('officeapps');
  });

  it('sends the same headers on the API and a request id', async () => {
    const r = await httpsRequest(relay, 'GET', '/api/health', { headers: { 'x-request-id': 'spoofed' } });
    expect(r.headers['content-security-policy']).toContain('frame-ancestors');
    expect(r.headers['x-frame-options']).toBeUndefined();
    expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('allows the Office.js CDN in script-src only when OFFICE_JS_SOURCE=cdn', async () => {
    const cdn = await startTestRelay({ LLM_BASE_URL: fake.url, OFFICE_JS_SOURCE: 'cdn', CSP_FRAME_ANCESTORS: 'https://oos.corp.example' });
    try {
      const csp = String((await httpsRequest(cdn, 'GET', '/taskpane.html')).headers['content-security-policy']);
      expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/oos\.corp\.example/);
    } finally {
      await cdn.close();
    }
  });

  it('sends no CORS headers by default', async () => {
    const r = await httpsRequest(relay, 'GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows only the listed origins when CORS_ORIGINS is set', async () => {
    const c = await startTestRelay({ LLM_BASE_URL: fake.url, CORS_ORIGINS: 'https://portal.corp.example, https://*.intra.example' });
    try {
      const ok = await httpsRequest(c, 'GET', '/api/health', { headers: { origin: 'https://portal.corp.example' } });
      expect(ok.headers['access-control-allow-origin']).toBe('https://portal.corp.example');
      expect(ok.headers['vary']).toMatch(/Origin/i);
      const sub = await httpsRequest(c, 'GET', '/api/health', { headers: { origin: 'https://a.intra.example' } });
      expect(sub.headers['access-control-allow-origin']).toBe('https://a.intra.example');
      const bad = await httpsRequest(c, 'GET', '/api/health', { headers: { origin: 'https://evil.example' } });
      expect(bad.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await httpsRequest(c, 'OPTIONS', '/api/summarize', {
        headers: {
          origin: 'https://portal.corp.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers['access-control-allow-headers']).toMatch(/Authorization/);
      const preBad = await httpsRequest(c, 'OPTIONS', '/api/summarize', {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preBad.status).toBe(403);
      expect(preBad.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await c.close();
    }
  });

  const built = existsSync(ADDIN_DIST) ? readdirSync(ADDIN_DIST).filter((f) => f.endsWith('.html')) : [];
  (built.length ? it : it.skip)('the built pages have no inline scripts or event-handler attributes', () => {
    for (const f of built) {
      const html = readFileSync(path.join(ADDIN_DIST, f), 'utf8');
      for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
        expect(tag).toMatch(/\bsrc=/);
        expect(
          tag
            .replace(/<script\b[^>]*>/i, '')
            .replace(/<\/script>/i, '')
            .trim(),
        ).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });
});
