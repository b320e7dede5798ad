/**
 * The CANARY test: unique strings sent through every /api route (enumerated from the
 * app, so new routes are covered), returned by the fake model, and put in an upstream
 * 500's body must never appear in the logs, audit records, error bodies or /metrics.
 */
import { createHash } from 'node:crypto';
import { mintApiKey } from '../../server/auth/apikey';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { httpsRequest, parseSse, postJson, startTestRelay, type HttpsResponse, type TestRelay } from '../helpers/relay';
import { apiRoutes, logLines, startFailingUpstream } from './helpers';

const CANARY_IN = 'CANARY-삼각김밥-7f3a';
const CANARY_MODEL = 'CANARY-김치찌개-c41d';
const CANARY_UPSTREAM = 'CANARY-떡볶이-99e2';
const CANARY_KEY_NAME = 'CANARY-header-5b0c';
const CANARIES = [CANARY_IN, CANARY_MODEL, CANARY_UPSTREAM, CANARY_KEY_NAME];

/** A body for each known route carrying the canary in every text field; unknown routes get a generic one. */
function bodyFor(path: string): unknown {
  const text = `첫 문장입니다. ${CANARY_IN} 그리고 끝.`;
  switch (path) {
    case '/api/summarize':
      return { text, options: { focus: CANARY_IN } };
    case '/api/draft':
      return { instruction: `${CANARY_IN} 공문을 써 주세요`, text };
    case '/api/rewrite':
      return { text, style: 'free', instruction: CANARY_IN };
    case '/api/proofread':
      return {
        paragraphs: [
          { id: 'p1', text },
          { id: 'p2', text: `${CANARY_IN} 됬다.` },
        ],
        options: { model: true },
      };
    case '/api/doctype':
      return { paragraphs: [text, CANARY_IN] };
    default:
      return { text, instruction: CANARY_IN, paragraphs: [{ id: 'p1', text }] };
  }
}

/** What the client sees that is not the task's own output: non-2xx bodies and SSE `error` events. */
function errorSurfaces(r: HttpsResponse): string[] {
  if (r.status >= 400) return [r.body];
  if (String(r.headers['content-type']).includes('text/event-stream')) {
    return parseSse(r.body)
      .filter((e) => e.event === 'error')
      .map((e) => JSON.stringify(e.data));
  }
  return [];
}

async function exercise(relay: TestRelay, key: string): Promise<string[]> {
  const routes = apiRoutes(relay);
  expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/summarize', '/api/health', '/api/proofread']));
  expect(routes.length).toBeGreaterThanOrEqual(4);
  const surfaces: string[] = [];
  const auth = { authorization: `Bearer ${key}` };
  for (const route of routes) {
    const q = `?q=${encodeURIComponent(CANARY_IN)}`;
    const r =
      route.method === 'GET'
        ? await httpsRequest(relay, 'GET', route.path + q, { headers: { ...auth, 'x-request-id': CANARY_KEY_NAME } })
        : await postJson(relay, route.path + q, bodyFor(route.path), { ...auth, 'x-request-id': CANARY_KEY_NAME });
    surfaces.push(...errorSurfaces(r));
    // Invalid variants: wrong type, unknown field with the canary, bad JSON containing it.
    if (route.method === 'POST') {
      for (const raw of [JSON.stringify({ [CANARY_IN]: CANARY_IN }), `{"text": "${CANARY_IN}`, JSON.stringify({ text: 5, x: CANARY_IN })]) {
        const bad = await httpsRequest(relay, 'POST', route.path, { body: raw, headers: { ...auth, 'content-type': 'application/json' } });
        surfaces.push(...errorSurfaces(bad));
      }
    }
  }
  // A credential carrying a canary, presented wrongly.
  const wrong = await postJson(relay, '/api/summarize', bodyFor('/api/summarize'), { authorization: `Bearer sk-${CANARY_KEY_NAME}` });
  surfaces.push(...errorSurfaces(wrong));
  return surfaces;
}

async function metricsText(relay: TestRelay): Promise<string> {
  const res = await fetch(relay.metrics!.url);
  expect(res.status).toBe(200);
  return res.text();
}

function assertClean(where: string, text: string) {
  for (const c of CANARIES) {
    if (text.includes(c))
      throw new Error(`canary ${c} found in ${where}: …${text.slice(Math.max(0, text.indexOf(c) - 200), text.indexOf(c) + 60)}…`);
  }
}

describe('canaries never reach logs, audit, error bodies or metrics', () => {
  let fake: FakeLlm;
  let key: string;
  let entry: string;
  beforeAll(async () => {
    fake = await startFakeLlm({ reply: () => `요약: ${CANARY_MODEL} 입니다. {"edits": [{"original": "${CANARY_MODEL}"}]}` });
    ({ key, entry } = await mintApiKey('alice'));
  });
  afterAll(() => fake.close());

  const scenarios: Array<[string, () => Promise<{ url: string; close?: () => Promise<void> }>]> = [
    ['a model that answers with a canary', async () => ({ url: fake.url })],
    [
      'a model that fails with HTTP 500 carrying a canary',
      () => startFailingUpstream(`{"error":{"message":"${CANARY_UPSTREAM} ${CANARY_IN}"}}`),
    ],
    [
      'a model that breaks the stream',
      async () => {
        fake.options.fault = 'malformed-sse';
        return { url: fake.url, close: async () => void (fake.options.fault = 'none') };
      },
    ],
  ];

  it.each(scenarios)(
    'with %s',
    async (_name, makeUpstream) => {
      const upstream = await makeUpstream();
      const relay = await startTestRelay({
        LLM_BASE_URL: upstream.url,
        AUTH_MODE: 'apikey',
        API_KEYS: entry,
        METRICS_PORT: '0',
        LOG_LEVEL: 'trace',
        RATE_LIMIT_PER_MIN: '0',
      });
      try {
        const before = fake.requests.length;
        const surfaces = await exercise(relay, key);
        if (upstream.url === fake.url) {
          // the canary did travel: to the model, and (as the task's output) back to the client
          expect(JSON.stringify(fake.requests.slice(before))).toContain(CANARY_IN);
        }
        await new Promise((r) => setTimeout(r, 100)); // let async log writes land
        const logs = relay.logs.join('');
        expect(logs).toContain('request completed'); // the access log is in the capture
        assertClean('logs', logs);
        assertClean('error bodies', surfaces.join('\n'));
        const metrics = await metricsText(relay);
        assertClean('metrics', metrics);
        expect(logs).not.toContain(key);
        expect(logs).not.toContain('?q=');
        const audits = logLines(relay).filter((l) => l.audit === true);
        expect(audits.length).toBeGreaterThan(0);
        assertClean('audit', JSON.stringify(audits));
      } finally {
        await relay.close();
        await upstream.close?.();
      }
    },
    60_000,
  );

  it('writes one audit record per task with the documented fields, and counts in /metrics', async () => {
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url, AUTH_MODE: 'apikey', API_KEYS: entry, METRICS_PORT: '0' });
    try {
      const text = `감사 기록 ${CANARY_IN}`;
      const r = await postJson(relay, '/api/summarize', { text }, { 'x-api-key': key });
      expect(r.status).toBe(200);
      const reqId = r.headers['x-request-id'];
      await new Promise((res) => setTimeout(res, 50));
      const audits = logLines(relay).filter((l) => l.audit === true);
      expect(audits).toHaveLength(1);
      const a = audits[0]!;
      expect(a).toMatchObject({
        reqId,
        principal: 'alice',
        principalKind: 'apikey',
        task: 'summarize',
        charsIn: text.length,
        inputHmac: relay.context.auditDigest(text),
        outcome: 'ok',
        modelCalls: 1,
      });
      expect(JSON.stringify(a)).not.toContain(createHash('sha256').update(text).digest('hex'));
      expect(a.promptTokens).toBeGreaterThan(0);
      expect(a.completionTokens).toBeGreaterThan(0);
      expect(a.durationMs).toEqual(expect.any(Number));
      expect(typeof a.time).toBe('number');
      assertClean('audit', JSON.stringify(a));
      const m = await metricsText(relay);
      expect(m).toMatch(/sseugi_http_requests_total\{[^}]*route="\/api\/summarize"[^}]*status="200"[^}]*\} 1/);
      expect(m).toMatch(/sseugi_model_tokens_total\{[^}]*kind="completion"[^}]*\} [1-9]/);
      expect(m).toMatch(/sseugi_model_in_flight\{[^}]*\} 0/);
      expect(m).toMatch(/sseugi_model_queue_depth\{[^}]*\} 0/);
      expect(m).toMatch(/sseugi_tasks_total\{[^}]*task="summarize"[^}]*outcome="ok"/);
      expect(m).toContain('sseugi_http_request_duration_seconds_bucket');
    } finally {
      await relay.close();
    }
  });
});
