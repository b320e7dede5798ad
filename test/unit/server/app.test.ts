import { httpsRequest, parseSse, postJson, startTestRelay, type TestRelay } from '../../helpers/relay';
import { startFakeLlm, type FakeLlm } from '../../helpers/fake-llm';
import { waitFor } from '../../helpers/browser';
import https from 'node:https';

describe('relay API over HTTPS', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  beforeAll(async () => {
    fake = await startFakeLlm();
    relay = await startTestRelay({ LLM_BASE_URL: fake.url, MAX_BODY_BYTES: '20000', MAX_TEXT_CHARS: '5000' });
  });
  afterAll(async () => {
    await relay.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.options = {};
    fake.requests.length = 0;
  });

  it('GET /api/health reports version and a reachable model', async () => {
    const r = await httpsRequest(relay, 'GET', '/api/health');
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.model).toMatchObject({ reachable: true, model: 'exaone3.5:7.8b' });
  });

  it('POST /api/summarize streams text, then done', async () => {
    const r = await postJson(relay, '/api/summarize', { text: '쓰기는 한국어 도우미입니다.' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/event-stream');
    const events = parseSse(r.body);
    const text = events
      .filter((e) => e.event === 'text')
      .map((e) => e.data.text)
      .join('');
    expect(text).toContain('요약');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { finishReason: 'stop', truncated: false } });
    expect(fake.requests).toHaveLength(1);
  });

  it('normalises text to NFC before it reaches the model', async () => {
    const decomposed = '한국어'.normalize('NFD');
    await postJson(relay, '/api/summarize', { text: decomposed });
    const sent = JSON.stringify(fake.requests[0]);
    expect(sent).toContain('한국어');
    expect(sent).not.toContain(decomposed);
  });

  it.each([
    ['not JSON', '{"text":', 400, 'INVALID_JSON'],
    ['missing text', '{}', 400, 'INVALID_REQUEST'],
    ['wrong type', '{"text": 5}', 400, 'INVALID_REQUEST'],
    ['blank text', '{"text": "   "}', 400, 'INVALID_REQUEST'],
    ['unknown field', '{"text": "가", "x": 1}', 400, 'INVALID_REQUEST'],
    ['lone surrogate', '{"text": "\\ud800가"}', 400, 'INVALID_REQUEST'],
  ])('answers %s with %i {code, message}', async (_name, raw, status, code) => {
    const r = await httpsRequest(relay, 'POST', '/api/summarize', { body: raw, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(status);
    const body = JSON.parse(r.body);
    expect(body.code).toBe(code);
    expect(typeof body.message).toBe('string');
    expect(fake.requests).toHaveLength(0);
  });

  it('answers 413 over the size limits', async () => {
    const tooManyChars = await postJson(relay, '/api/summarize', { text: '가'.repeat(5001) });
    expect(tooManyChars.status).toBe(413);
    expect(JSON.parse(tooManyChars.body).code).toBe('TEXT_TOO_LARGE');
    const tooManyBytes = await postJson(relay, '/api/summarize', { text: 'a'.repeat(30000) });
    expect(tooManyBytes.status).toBe(413);
    expect(JSON.parse(tooManyBytes.body).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 415 for another content type', async () => {
    const r = await httpsRequest(relay, 'POST', '/api/summarize', { body: 'text=가', headers: { 'content-type': 'text/plain' } });
    expect(r.status).toBe(415);
    expect(JSON.parse(r.body).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('streams an error event when the model server fails', async () => {
    fake.options.fault = 'http503';
    const r = await postJson(relay, '/api/summarize', { text: '가나다' });
    const events = parseSse(r.body);
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'UPSTREAM_HTTP_ERROR', retryable: true } });
    // and keeps serving
    fake.options.fault = 'none';
    const ok = parseSse((await postJson(relay, '/api/summarize', { text: '가나다' })).body);
    expect(ok.at(-1)?.event).toBe('done');
  });

  it('aborts the upstream request when the client goes away mid-stream', async () => {
    fake.options = { reply: () => '가'.repeat(500), tokenDelayMs: 10 };
    const abortedBefore = fake.aborted;
    await new Promise<void>((resolve, reject) => {
      const req = https.request(
        {
          host: 'localhost',
          port: relay.port,
          method: 'POST',
          path: '/api/summarize',
          ca: relay.ca,
          headers: { 'content-type': 'application/json' },
          agent: false,
        },
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', (e) => (e.message.includes('socket hang up') ? resolve() : reject(e)));
      req.end(JSON.stringify({ text: '가나다' }));
    });
    await waitFor(() => fake.aborted === abortedBefore + 1, 3000);
    expect(fake.active).toBe(0);
  });

  it('serves the manifest with this origin and 404s unknown API routes as JSON', async () => {
    const m = await httpsRequest(relay, 'GET', '/manifest.xml');
    expect(m.status).toBe(200);
    expect(m.headers['content-type']).toContain('xml');
    expect(m.body).toContain('https://localhost:');
    const nf = await httpsRequest(relay, 'GET', '/api/nope');
    expect(nf.status).toBe(404);
    expect(JSON.parse(nf.body).code).toBe('NOT_FOUND');
  });

  it('points the pane at the Office.js CDN by default and serves no /office-js/ (officejs.test.ts: mirrors)', async () => {
    expect((await httpsRequest(relay, 'GET', '/taskpane.html')).body).toMatch(
      /src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/,
    );
    expect((await httpsRequest(relay, 'GET', '/office-js/office.js')).status).toBe(404);
  });
});

describe('relay without a model server', () => {
  it('says in /api/health that the model is unreachable', async () => {
    const relay = await startTestRelay({ LLM_BASE_URL: 'http://127.0.0.1:9/v1' });
    try {
      const r = await httpsRequest(relay, 'GET', '/api/health');
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ status: 'degraded', model: { reachable: false } });
    } finally {
      await relay.close();
    }
  });
});
