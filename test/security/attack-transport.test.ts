/**
 * Findings 4, 5 and the transport part of 9 of the attack on the running relay (issue
 * 13), over real HTTPS: slow bodies and idle connections are closed (SSE answers are
 * not), a connection cap; OPTIONS never parses a body nor skips authentication; strict
 * UTF-8; CORS origins parsed as URLs; no public source maps; the sign-in dialog framed
 * by this origin only.
 */
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { ADDIN_DIST } from '../../server/paths';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { httpsRequest, parseSse, postJson, startTestRelay, type TestRelay, startKeyedRelay } from '../helpers/relay';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A TLS connection that sends `head` and then one body byte every `everyMs`; resolves when the server closes it. */
function trickle(relay: { port: number; ca: Buffer }, head: string, everyMs: number): { closed: Promise<number>; socket: tls.TLSSocket } {
  const started = Date.now();
  const socket = tls.connect({ host: 'localhost', port: relay.port, ca: relay.ca, servername: 'localhost' });
  let timer: NodeJS.Timeout | undefined;
  socket.on('secureConnect', () => {
    socket.write(head);
    timer = setInterval(() => socket.write('x'), everyMs);
  });
  socket.on('data', () => undefined);
  const closed = new Promise<number>((resolve) => {
    const done = () => {
      clearInterval(timer);
      resolve(Date.now() - started);
    };
    socket.once('close', done);
    socket.once('error', () => undefined);
  });
  return { closed, socket };
}

describe('finding 4: slow requests are timed out, answers are not, connections are capped', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  let key: string;
  beforeAll(async () => {
    fake = await startFakeLlm({ tokenDelayMs: 40 });
    ({ relay, key } = await startKeyedRelay({
      LLM_BASE_URL: fake.url,
      REQUEST_TIMEOUT_MS: '1500',
      HEADERS_TIMEOUT_MS: '1000',
      KEEP_ALIVE_TIMEOUT_MS: '1000',
      MAX_CONNECTIONS: '40',
    }));
  }, 60_000);
  afterAll(async () => {
    await relay.close();
    await fake.close();
  });

  it('closes connections trickling a body or headers', async () => {
    const body = Array.from({ length: 10 }, () =>
      trickle(
        relay,
        'POST /api/summarize HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
        200,
      ),
    );
    const head = Array.from({ length: 5 }, () => trickle(relay, 'POST /api/summarize HTTP/1.1\r\nHost: localhost\r\n', 200));
    const all = [...body, ...head];
    const closedWithin = await Promise.race([Promise.all(all.map((c) => c.closed)), sleep(15_000).then(() => null)]);
    for (const c of all) c.socket.destroy();
    expect(closedWithin).not.toBeNull();
  }, 30_000);

  it('an SSE answer longer than the request timeout still completes', async () => {
    const text = '회의에서는 예산안과 일정, 담당자 배정을 논의하였다. '.repeat(4);
    fake.options.reply = () => '요약: ' + '예산과 일정을 논의함. '.repeat(20);
    const t0 = Date.now();
    const r = await postJson(relay, '/api/summarize', { text }, { 'x-api-key': key });
    const took = Date.now() - t0;
    fake.options.reply = undefined;
    expect(r.status).toBe(200);
    expect(took).toBeGreaterThan(1500); // the answer did outlive REQUEST_TIMEOUT_MS
    expect(parseSse(r.body).map((e) => e.event)).toContain('done');
  }, 30_000);

  it('refuses connections beyond MAX_CONNECTIONS', async () => {
    const held = Array.from({ length: 45 }, () =>
      tls.connect({ host: 'localhost', port: relay.port, ca: relay.ca, servername: 'localhost' }),
    );
    const outcomes = await Promise.all(
      held.map(
        (s) =>
          new Promise<'open' | 'refused'>((resolve) => {
            s.once('secureConnect', () => resolve('open'));
            s.once('error', () => resolve('refused'));
            s.once('close', () => resolve('refused'));
          }),
      ),
    );
    for (const s of held) s.destroy();
    expect(outcomes.filter((o) => o === 'refused').length).toBeGreaterThanOrEqual(5);
  }, 30_000);
});

describe('finding 5 and 9: authentication before any body, strict UTF-8', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  let key: string;
  beforeAll(async () => {
    fake = await startFakeLlm();
    ({ relay, key } = await startKeyedRelay({
      LLM_BASE_URL: fake.url,
      CORS_ORIGINS: 'https://*.corp.example',
    }));
  }, 60_000);
  afterAll(async () => {
    await relay.close();
    await fake.close();
  });

  it('OPTIONS without a key: 401, its body never parsed, no route list', async () => {
    const r = await httpsRequest(relay, 'OPTIONS', '/api/summarize', {
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'AUTH_REQUIRED' });
    const bare = await httpsRequest(relay, 'OPTIONS', '/api/proofread');
    expect(bare.status).toBe(401);
    expect(bare.headers['allow']).toBeUndefined();
  });

  it('a real CORS preflight from an allowed origin is answered without a key', async () => {
    const r = await httpsRequest(relay, 'OPTIONS', '/api/summarize', {
      headers: { origin: 'https://pane.corp.example', 'access-control-request-method': 'POST' },
    });
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('https://pane.corp.example');
  });

  it('malformed origins never match the wildcard', async () => {
    for (const origin of [
      'https://evil.com?.corp.example',
      'https://evil.com#.corp.example',
      'https://user@evil.com/.corp.example',
      'https://evil.com/.corp.example',
    ]) {
      const r = await httpsRequest(relay, 'OPTIONS', '/api/summarize', { headers: { origin, 'access-control-request-method': 'POST' } });
      expect([origin, r.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
    }
  });

  it('415 for other charsets, 400 for invalid UTF-8 bytes', async () => {
    const utf16 = await httpsRequest(relay, 'POST', '/api/summarize', {
      body: Buffer.from(JSON.stringify({ text: '가나다' }), 'utf16le'),
      headers: { 'content-type': 'application/json; charset=utf-16le', 'x-api-key': key },
    });
    expect([utf16.status, JSON.parse(utf16.body).code]).toEqual([415, 'UNSUPPORTED_ENCODING']);
    const bad = await httpsRequest(relay, 'POST', '/api/summarize', {
      body: Buffer.concat([Buffer.from('{"text":"가'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]),
      headers: { 'content-type': 'application/json', 'x-api-key': key },
    });
    expect([bad.status, JSON.parse(bad.body).code]).toEqual([400, 'INVALID_ENCODING']);
  });
});

describe('finding 9: no public source maps; the sign-in dialog framed by this origin only', () => {
  let fake: FakeLlm;
  let idp: http.Server;
  let issuer = '';
  const maps = existsSync(ADDIN_DIST) ? readdirSync(ADDIN_DIST).filter((f) => f.endsWith('.map')) : [];
  beforeAll(async () => {
    fake = await startFakeLlm();
    idp = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/certs`,
        }),
      );
    });
    await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/realms/x`;
  });
  afterAll(async () => {
    await fake.close();
    idp.closeAllConnections();
    await new Promise((r) => idp.close(r));
  });

  it('source maps of the build are 404 unless SERVE_SOURCE_MAPS=1', async () => {
    // `npm test` builds the add-in first; the production build writes .map files.
    expect(maps.length).toBeGreaterThan(0);
    const map = maps[0]!;
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url });
    try {
      expect((await httpsRequest(relay, 'GET', `/${map}`)).status).toBe(404);
      expect((await httpsRequest(relay, 'GET', `/${path.basename(map, '.map')}`)).status).toBe(200);
    } finally {
      await relay.close();
    }
    const open = await startTestRelay({ LLM_BASE_URL: fake.url, SERVE_SOURCE_MAPS: '1' });
    try {
      expect((await httpsRequest(open, 'GET', `/${map}`)).status).toBe(200);
    } finally {
      await open.close();
    }
  }, 60_000);

  it("/auth/dialog.html: frame-ancestors 'self' only", async () => {
    const relay = await startTestRelay({
      LLM_BASE_URL: fake.url,
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: 'api://sseugi',
      OIDC_JWKS_URL: `${issuer}/certs`,
      OIDC_CLIENT_ID: 'sseugi-pane',
    });
    try {
      const r = await httpsRequest(relay, 'GET', '/auth/dialog.html');
      expect(r.status).toBe(200);
      const csp = String(r.headers['content-security-policy']);
      expect(/frame-ancestors ([^;]*)/.exec(csp)?.[1]?.trim()).toBe("'self'");
    } finally {
      await relay.close();
    }
  }, 60_000);
});
