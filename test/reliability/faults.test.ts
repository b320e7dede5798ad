/**
 * Model-server faults over real HTTPS (relay + fake model): every fault gives the user
 * a clear {code, message} (or a retry on another endpoint where that is safe), and the
 * relay keeps serving. Aborted client streams abort their upstream request promptly and
 * leave no sockets or timers behind.
 */
import net from 'node:net';
import type { Fault } from '../helpers/fake-llm';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { httpsRequest, parseSse, postJson, startTestRelay, type TestRelay } from '../helpers/relay';
import { eventually, getConnections, inBatches, LOAD_ENV, LONG_REPLY, postAndAbort, resourceCounts } from './helpers';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const summarize = (relay: TestRelay, text = '회의 내용을 요약합니다.') => postJson(relay, '/api/summarize', { text });

async function expectGood(relay: TestRelay): Promise<void> {
  const res = await summarize(relay);
  expect(res.status).toBe(200);
  const events = parseSse(res.body);
  expect(events.at(-1)).toMatchObject({ event: 'done', data: { finishReason: 'stop' } });
  expect(events.some((e) => e.event === 'text')).toBe(true);
}

function errorEvent(body: string) {
  const events = parseSse(body);
  const err = events.find((e) => e.event === 'error');
  expect(err).toBeDefined();
  expect(typeof err!.data.code).toBe('string');
  expect(typeof err!.data.message).toBe('string');
  expect(err!.data.message.length).toBeGreaterThan(0);
  return err!.data as { code: string; message: string; retryable?: boolean };
}

describe('model-server faults', () => {
  let fake: FakeLlm;
  let relay: TestRelay;

  beforeAll(async () => {
    fake = await startFakeLlm();
    relay = await startTestRelay({ ...LOAD_ENV, LLM_BASE_URL: fake.url, LLM_TIMEOUT_MS: '400' });
  });
  afterAll(async () => {
    await relay?.close();
    await fake?.close();
  });
  afterEach(() => {
    fake.options = {};
  });

  it.each<[Fault, string]>([
    ['http500', 'UPSTREAM_HTTP_ERROR'],
    ['http503', 'UPSTREAM_HTTP_ERROR'],
    ['hang', 'UPSTREAM_TIMEOUT'],
    ['malformed-sse', 'UPSTREAM_BAD_RESPONSE'],
    ['close-mid-stream', 'UPSTREAM_STREAM_CLOSED'],
  ])('%s: the user gets error %s, then a good request succeeds', async (fault, code) => {
    fake.options = { fault, reply: () => LONG_REPLY.slice(0, 200) };
    const t0 = Date.now();
    const res = await summarize(relay);
    expect(res.status).toBe(200); // SSE already open: the error is an event
    const err = errorEvent(res.body);
    expect(err.code).toBe(code);
    if (fault === 'hang') expect(Date.now() - t0).toBeLessThan(3000);
    expect(res.body).not.toContain('upstream failure'); // upstream bodies are never echoed
    fake.options = {};
    await expectGood(relay);
  });

  it('finish_reason = length: done says truncated', async () => {
    fake.options = { fault: 'length' };
    const events = parseSse((await summarize(relay)).body);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { finishReason: 'length', truncated: true } });
    fake.options = {};
    await expectGood(relay);
  });

  it('invalid JSON where a schema was asked for (proofread): retried once, then a clear model-layer error; rule findings stay', async () => {
    fake.options = { fault: 'invalid-json' };
    const res = await postJson(relay, '/api/proofread', { paragraphs: [{ id: 'p0', text: '그 일이 됬다.' }] });
    expect(res.status).toBe(200);
    const events = parseSse(res.body);
    expect(events.at(-1)!.event).toBe('done');
    expect(events.filter((e) => e.event === 'suggestions' && e.data.layer === 'model')).toHaveLength(0);
    const error = events.find((x) => x.event === 'error');
    expect(error?.data).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', layer: 'model', retryable: true });
    expect(typeof error!.data.message).toBe('string');
    fake.options = {};
    await expectGood(relay);
  });

  it('proofread with a 503 model: error event {code, message} with layer model, then done', async () => {
    fake.options = { fault: 'http503' };
    const res = await postJson(relay, '/api/proofread', { paragraphs: [{ id: 'p0', text: '몇일 뒤에 됬다.' }] });
    const err = errorEvent(res.body);
    expect(err).toMatchObject({ code: 'UPSTREAM_HTTP_ERROR' });
    expect(parseSse(res.body).at(-1)!.event).toBe('done');
  });

  it('connection refused: a clear error, health says which endpoint is down, the relay keeps serving', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}/v1`;
    const lone = await startTestRelay({ ...LOAD_ENV, LLM_BASE_URL: dead });
    try {
      const err = errorEvent((await summarize(lone)).body);
      expect(err).toMatchObject({ code: 'UPSTREAM_UNREACHABLE', retryable: true });
      const health = JSON.parse((await httpsRequest(lone, 'GET', '/api/health')).body);
      expect(health.status).toBe('degraded');
      expect(health.model.endpoints).toEqual([expect.objectContaining({ url: dead, healthy: false, inFlight: 0 })]);
      expect(typeof health.model.endpoints[0].lastError).toBe('string');
      const again = await httpsRequest(lone, 'GET', '/api/health');
      expect(again.status).toBe(200);
    } finally {
      await lone.close();
    }
  });

  it('two endpoints, one refusing or failing with 5xx: requests are retried on the other (safe: before any output)', async () => {
    const dead = `http://user:pw@127.0.0.1:${await closedPort()}/v1`;
    const second = await startFakeLlm();
    const pooled = await startTestRelay({ ...LOAD_ENV, LLM_BASE_URL: `${dead},${fake.url}`, LLM_TIMEOUT_MS: '2000' });
    try {
      for (let i = 0; i < 3; i++) await expectGood(pooled);
      const health = JSON.parse((await httpsRequest(pooled, 'GET', '/api/health')).body);
      expect(health.status).toBe('ok');
      expect(health.model.endpoints).toHaveLength(2);
      expect(health.model.endpoints[0]).toMatchObject({ healthy: false, lastError: expect.any(String) });
      expect(health.model.endpoints[0].url).not.toContain('pw');
      expect(health.model.endpoints[1]).toMatchObject({ healthy: true, inFlight: 0 });
    } finally {
      await pooled.close();
    }

    // 503 on the first endpoint: retried on the second.
    const failing = await startFakeLlm({ fault: 'http503' });
    const pooled2 = await startTestRelay({ ...LOAD_ENV, LLM_BASE_URL: `${failing.url},${second.url}` });
    try {
      await expectGood(pooled2);
      expect(failing.requests.length).toBe(1);
      expect(second.requests.length).toBe(1);
    } finally {
      await pooled2.close();
      await failing.close();
    }

    // Stream cut after output started on the first endpoint: no retry (the user saw part of it).
    const cutting = await startFakeLlm({ fault: 'close-mid-stream', reply: () => LONG_REPLY.slice(0, 200) });
    const pooled3 = await startTestRelay({ ...LOAD_ENV, LLM_BASE_URL: `${cutting.url},${second.url}` });
    try {
      const before = second.requests.length;
      const err = errorEvent((await summarize(pooled3)).body);
      expect(err.code).toBe('UPSTREAM_STREAM_CLOSED');
      expect(second.requests.length).toBe(before);
    } finally {
      await pooled3.close();
      await cutting.close();
      await second.close();
    }
  });

  it('a client that aborts mid-stream gets its upstream request aborted promptly', async () => {
    fake.options = { reply: () => LONG_REPLY, tokenDelayMs: 20 };
    const abortedBefore = fake.aborted;
    const got = await postAndAbort(relay, '/api/summarize', { text: '긴 문서' });
    expect(got).toContain('event: text');
    const t0 = Date.now();
    expect(await eventually(() => fake.active === 0 && fake.aborted === abortedBefore + 1, 2000, 5)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(500);
  });

  it('1,000 aborted streams leave no sockets or timers behind', async () => {
    // Its own relay with a first-byte timeout that a loaded CI machine cannot hit: this test is
    // about leaks, not about the timeout (the shared relay's 400 ms serves the hang tests).
    const relay = await startTestRelay({ ...LOAD_ENV, LLM_BASE_URL: fake.url, LLM_TIMEOUT_MS: '10000' });
    try {
      fake.options = { reply: () => LONG_REPLY, tokenDelayMs: 5 };
      // Warm up (module loading, the relay's upstream connection pool), then measure.
      await inBatches(20, 10, () => postAndAbort(relay, '/api/summarize', { text: '준비' }));
      await eventually(() => fake.active === 0, 3000);
      fake.options = {};
      await expectGood(relay);
      fake.options = { reply: () => LONG_REPLY, tokenDelayMs: 5 };
      await new Promise((r) => setTimeout(r, 100));
      const before = resourceCounts();
      const abortedBefore = fake.aborted;

      const t0 = Date.now();
      const results = await inBatches(1000, 100, (i) => postAndAbort(relay, '/api/summarize', { text: `문서 ${i}` }));
      // What the others got, if any did not stream (a status line or an error event).
      expect(results.filter((r) => !r.includes('event: text')).map((r) => r.slice(0, 200))).toEqual([]);

      const settled = await eventually(async () => {
        const now = resourceCounts();
        return (
          fake.active === 0 &&
          (await getConnections(relay.server)) === 0 &&
          (now.TCPSocketWrap ?? 0) <= (before.TCPSocketWrap ?? 0) &&
          (now.Timeout ?? 0) <= (before.Timeout ?? 0)
        );
      }, 5000);
      const after = resourceCounts();
      if (!settled) console.log('resources before', before, 'after', after, 'fake.active', fake.active);
      expect(fake.active).toBe(0);
      expect(fake.aborted - abortedBefore).toBe(1000);
      expect(await getConnections(relay.server)).toBe(0);
      expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0);
      expect(after.Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0);
      expect(Date.now() - t0).toBeLessThan(30_000);
      fake.options = {};
      await expectGood(relay);
    } finally {
      await relay.close();
    }
  }, 60_000);
});
