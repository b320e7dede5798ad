import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../../../server/config';
import { createOidcDiscovery, discoveryUrl } from '../../../../server/auth/discovery';
import { AUTH_DIALOG_SCRIPT, authDialogEnabled } from '../../../../server/routes/auth-dialog';
import { startFakeLlm, type FakeLlm } from '../../../helpers/fake-llm';
import { httpsRequest, startTestRelay, type TestRelay } from '../../../helpers/relay';

/** A tiny IdP answering discovery only. */
async function startIdp(): Promise<{ issuer: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  let issuer = '';
  const server = http.createServer((req, res) => {
    if (req.url === '/realms/sseugi/.well-known/openid-configuration') {
      hits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
          token_endpoint: `${issuer}/protocol/openid-connect/token`,
          jwks_uri: `${issuer}/protocol/openid-connect/certs`,
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/sseugi`;
  return {
    issuer,
    hits: () => hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('OIDC settings for the dialog', () => {
  const base = {
    HOST: '127.0.0.1',
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: 'https://idp.example/realms/x',
    OIDC_AUDIENCE: 'sseugi',
    OIDC_JWKS_URL: 'https://idp.example/jwks',
  };
  it('OIDC_CLIENT_ID enables the dialog; OIDC_SCOPES defaults to openid profile and always has openid', () => {
    expect(authDialogEnabled(loadConfig(base as NodeJS.ProcessEnv))).toBe(false);
    const c = loadConfig({ ...base, OIDC_CLIENT_ID: 'sseugi-pane' } as NodeJS.ProcessEnv);
    expect(authDialogEnabled(c)).toBe(true);
    expect(c.auth.oidc?.scopes).toEqual(['openid', 'profile']);
    expect(loadConfig(base as NodeJS.ProcessEnv).auth.oidc).not.toHaveProperty('clientId');
    const s = loadConfig({ ...base, OIDC_CLIENT_ID: 'x', OIDC_SCOPES: 'profile, api://relay/abc/access_as_user' } as NodeJS.ProcessEnv);
    expect(s.auth.oidc?.scopes).toEqual(['openid', 'profile', 'api://relay/abc/access_as_user']);
    expect(authDialogEnabled(loadConfig({ HOST: '127.0.0.1', OIDC_CLIENT_ID: 'x' } as NodeJS.ProcessEnv))).toBe(false);
  });
});

describe('OIDC discovery', () => {
  it('caches the endpoints, checks the issuer and refuses non-https endpoints', async () => {
    const idp = await startIdp();
    try {
      const d = createOidcDiscovery(idp.issuer);
      const ep = await d();
      expect(ep).toEqual({
        authorizationEndpoint: `${idp.issuer}/protocol/openid-connect/auth`,
        tokenEndpoint: `${idp.issuer}/protocol/openid-connect/token`,
      });
      await d();
      expect(idp.hits()).toBe(1);
      await expect(createOidcDiscovery(`${idp.issuer}-other`)()).rejects.toThrow();
    } finally {
      await idp.close();
    }
    expect(discoveryUrl('https://login.microsoftonline.com/t/v2.0/')).toBe(
      'https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration',
    );
    const fake = (body: object) => (async () => new Response(JSON.stringify(body), { status: 200 })) as unknown as typeof fetch;
    const plain = createOidcDiscovery('https://idp.example', {
      fetch: fake({
        issuer: 'https://idp.example',
        authorization_endpoint: 'http://idp.example/a',
        token_endpoint: 'https://idp.example/t',
      }),
    });
    await expect(plain()).rejects.toThrow(/not https/);
  });
});

describe('GET /auth/dialog.html on the relay', () => {
  let fake: FakeLlm;
  beforeAll(async () => {
    fake = await startFakeLlm();
  });
  afterAll(() => fake.close());

  it('is 404 JSON unless AUTH_MODE=oidc with OIDC_CLIENT_ID; health says auth none, no dialog', async () => {
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url });
    try {
      for (const p of ['/auth/dialog.html', '/auth/dialog.js']) {
        const r = await httpsRequest(relay, 'GET', p);
        expect(r.status).toBe(404);
        expect(JSON.parse(r.body)).toMatchObject({ code: 'NOT_FOUND' });
      }
      const h = JSON.parse((await httpsRequest(relay, 'GET', '/api/health')).body);
      expect(h).toMatchObject({ auth: 'none', oidcDialog: false });
    } finally {
      await relay.close();
    }
  });

  describe('configured', () => {
    let idp: Awaited<ReturnType<typeof startIdp>>;
    let relay: TestRelay;
    beforeAll(async () => {
      idp = await startIdp();
      relay = await startTestRelay({
        LLM_BASE_URL: fake.url,
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: idp.issuer,
        OIDC_AUDIENCE: 'sseugi',
        OIDC_JWKS_URL: `${idp.issuer}/protocol/openid-connect/certs`,
        OIDC_CLIENT_ID: 'sseugi-pane',
        OIDC_SCOPES: 'openid profile sseugi-api',
        PUBLIC_URL: 'https://sseugi.corp.example',
      });
    });
    afterAll(async () => {
      await relay.close();
      await idp.close();
    });

    it('public health says oidc with the dialog', async () => {
      const h = JSON.parse((await httpsRequest(relay, 'GET', '/api/health')).body);
      expect(h).toEqual({ status: 'ok', version: expect.any(String), auth: 'oidc', oidcDialog: true, model: { reachable: true } });
    });

    it('serves CSP-compatible HTML: no inline script, the IdP endpoints in data attributes, connect-src to the token endpoint', async () => {
      const r = await httpsRequest(relay, 'GET', '/auth/dialog.html');
      expect(r.status).toBe(200);
      expect(String(r.headers['content-type'])).toMatch(/text\/html/);
      expect(r.headers['cache-control']).toBe('no-store');
      const html = r.body;
      // Every <script> has a src and no body; no inline handlers.
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBe(2);
      for (const [, attrs, bodyText] of scripts) {
        expect(attrs).toMatch(/\ssrc="[^"]+"/);
        expect(bodyText!.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"'); // default: the CDN
      expect(html).toContain('src="dialog.js"');
      expect(html).toContain(`data-authorization-endpoint="${idp.issuer}/protocol/openid-connect/auth"`);
      expect(html).toContain(`data-token-endpoint="${idp.issuer}/protocol/openid-connect/token"`);
      expect(html).toContain('data-client-id="sseugi-pane"');
      expect(html).toContain('data-scope="openid profile sseugi-api"');
      expect(html).toContain('data-redirect-uri="https://sseugi.corp.example/auth/dialog.html"');
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/); // default: the Office.js CDN
      expect(csp).not.toContain("unsafe-inline'; script");
      expect(csp).toMatch(new RegExp(`connect-src 'self' ${new URL(idp.issuer).origin.replace(/[.]/g, '\\.')}(;|$)`));
      expect(csp).toContain('frame-ancestors');
    });

    it('serves the script as JavaScript; the script posts only to its own origin and stores no token', async () => {
      const r = await httpsRequest(relay, 'GET', '/auth/dialog.js');
      expect(r.status).toBe(200);
      expect(String(r.headers['content-type'])).toMatch(/javascript/);
      const js = readFileSync(AUTH_DIALOG_SCRIPT, 'utf8');
      expect(r.body).toBe(js);
      expect(js).toContain('code_challenge_method');
      expect(js).toContain("'S256'");
      expect(js).toContain('Office.context.ui.messageParent');
      expect(js).toContain('window.opener.postMessage(msg, window.location.origin)');
      expect(js).not.toMatch(/localStorage/);
      expect(js).not.toMatch(/sessionStorage\.setItem\([^)]*token/i);
    });

    it('answers 503 when the IdP cannot be discovered', async () => {
      const other = await startTestRelay({
        LLM_BASE_URL: fake.url,
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'http://127.0.0.1:9/realms/none',
        OIDC_AUDIENCE: 'sseugi',
        OIDC_JWKS_URL: 'http://127.0.0.1:9/jwks',
        OIDC_CLIENT_ID: 'sseugi-pane',
      });
      try {
        const r = await httpsRequest(other, 'GET', '/auth/dialog.html');
        expect(r.status).toBe(503);
        expect(JSON.parse(r.body)).toMatchObject({ code: 'AUTH_UNAVAILABLE' });
      } finally {
        await other.close();
      }
    });
  });
});
