/** Rate limits, the model gate (503 BUSY, no slot leaks) and paragraph limits. */
import http from 'node:http';
import https from 'node:https';
import { createModelGate, gateLlm, BusyError } from '../../../../server/limits/model-gate';
import type { DeltaSink, LlmClient } from '../../../../server/llm/types';
import { waitFor } from '../../../helpers/browser';
import { startFakeLlm, type FakeLlm } from '../../../helpers/fake-llm';
import { parseSse, postJson, startTestRelay } from '../../../helpers/relay';
import { openStream } from '../../../security/helpers';

describe('model gate (unit)', () => {
  it('runs at most `concurrency` calls, queues FIFO, rejects when the queue is full', async () => {
    const gate = createModelGate({ concurrency: 2, queueMax: 2, queueTimeoutMs: 10_000 });
    const r1 = await gate.acquire();
    const r2 = await gate.acquire();
    const order: number[] = [];
    const w3 = gate.acquire().then((r) => (order.push(3), r));
    const w4 = gate.acquire().then((r) => (order.push(4), r));
    await expect(gate.acquire()).rejects.toBeInstanceOf(BusyError);
    expect([gate.inFlight, gate.queued]).toEqual([2, 2]);
    r1();
    r1(); // idempotent
    const r3 = await w3;
    expect([gate.inFlight, gate.queued]).toEqual([2, 1]);
    r2();
    const r4 = await w4;
    expect(order).toEqual([3, 4]);
    r3();
    r4();
    expect([gate.inFlight, gate.queued]).toEqual([0, 0]);
  });

  it('times out a waiter with BusyError and drops an aborted waiter from the queue', async () => {
    const gate = createModelGate({ concurrency: 1, queueMax: 5, queueTimeoutMs: 50 });
    const r = await gate.acquire();
    const err = await gate.acquire().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BusyError);
    expect((err as BusyError).headers['Retry-After']).toBe('1');
    const c = new AbortController();
    const p = gate.acquire(c.signal);
    expect(gate.queued).toBe(1);
    c.abort();
    await expect(p).rejects.toBeDefined();
    expect(gate.queued).toBe(0);
    r();
    expect(gate.inFlight).toBe(0);
  });

  it('releases the slot of a stream whose consumer threw, and of a failing call', async () => {
    const gate = createModelGate({ concurrency: 1, queueMax: 0, queueTimeoutMs: 50 });
    const inner: LlmClient = {
      model: 'm',
      chat: async () => {
        throw new Error('boom');
      },
      async chatStream(_req, onDelta: DeltaSink) {
        for (let i = 0; i < 100; i++) onDelta('x');
        return { finishReason: 'stop' };
      },
    };
    const llm = gateLlm(inner, gate);
    const stop = new Error('enough');
    await expect(
      llm.chatStream({ messages: [] }, () => {
        expect(gate.inFlight).toBe(1);
        throw stop;
      }),
    ).rejects.toBe(stop);
    expect(gate.inFlight).toBe(0);
    await expect(llm.chat({ messages: [] })).rejects.toThrow('boom');
    expect(gate.inFlight).toBe(0);
  });
});

describe('limits through the relay', () => {
  let fake: FakeLlm;
  beforeAll(async () => {
    fake = await startFakeLlm();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.options = {};
  });

  it('answers 429 RATE_LIMITED with Retry-After over RATE_LIMIT_PER_MIN', async () => {
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url, RATE_LIMIT_PER_MIN: '2' });
    try {
      for (let i = 0; i < 2; i++) expect((await postJson(relay, '/api/summarize', { text: '가' })).status).toBe(200);
      const r = await postJson(relay, '/api/summarize', { text: '가' });
      expect(r.status).toBe(429);
      expect(JSON.parse(r.body)).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) });
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(60);
    } finally {
      await relay.close();
    }
  });

  it('answers 503 BUSY with Retry-After when every slot is taken and the queue is full', async () => {
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url, MODEL_CONCURRENCY: '1', QUEUE_MAX: '0', QUEUE_TIMEOUT_MS: '2000' });
    try {
      fake.options = { reply: () => '가'.repeat(300), tokenDelayMs: 10 };
      const first = await openStream(relay, '/api/summarize', { text: '가나다' });
      expect(first.status).toBe(200);
      const r = await postJson(relay, '/api/summarize', { text: '가나다' });
      expect(r.status).toBe(503);
      expect(JSON.parse(r.body)).toEqual({ code: 'BUSY', message: expect.any(String) });
      expect(r.headers['retry-after']).toBe('2');
      first.req.destroy();
      await waitFor(() => relay.context.gate.inFlight === 0, 3000);
      const audit = relay.logs.map((l) => JSON.parse(l)).filter((l) => l.audit === true);
      expect(audit.map((a) => a.outcome)).toEqual(expect.arrayContaining(['BUSY', 'aborted']));
    } finally {
      await relay.close();
    }
  });

  it('queues up to QUEUE_MAX and serves the waiting request when a slot frees', async () => {
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url, MODEL_CONCURRENCY: '1', QUEUE_MAX: '4' });
    try {
      fake.options = { reply: () => '가'.repeat(20), tokenDelayMs: 5 };
      const rs = await Promise.all([1, 2, 3].map(() => postJson(relay, '/api/summarize', { text: '가나다' })));
      for (const r of rs) expect(parseSse(r.body).at(-1)?.event).toBe('done');
      expect(relay.context.gate.inFlight).toBe(0);
    } finally {
      await relay.close();
    }
  });

  it('gives every slot back after 50 aborted streams (streaming ones and queued ones)', async () => {
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url, MODEL_CONCURRENCY: '8', QUEUE_MAX: '64', RATE_LIMIT_PER_MIN: '0' });
    const reqs: http.ClientRequest[] = [];
    try {
      fake.options = { reply: () => '가'.repeat(2000), tokenDelayMs: 20 };
      for (let i = 0; i < 50; i++) {
        const req = https.request({
          host: 'localhost',
          port: relay.port,
          method: 'POST',
          path: '/api/summarize',
          ca: relay.ca,
          agent: false,
          headers: { 'content-type': 'application/json' },
        });
        req.on('error', () => undefined);
        req.on('response', (res) => res.on('data', () => undefined).on('error', () => undefined));
        req.end(JSON.stringify({ text: '가나다' }));
        reqs.push(req);
      }
      await waitFor(() => relay.context.gate.inFlight === 8 && relay.context.gate.queued === 42, 10_000);
      await waitFor(() => fake.active === 8, 5000);
      for (const r of reqs) r.destroy();
      await waitFor(() => relay.context.gate.inFlight === 0 && relay.context.gate.queued === 0, 10_000);
      await waitFor(() => fake.active === 0, 5000);
      expect([relay.context.gate.inFlight, relay.context.gate.queued]).toEqual([0, 0]);
      // and it still serves
      fake.options = {};
      expect(parseSse((await postJson(relay, '/api/summarize', { text: '가' })).body).at(-1)?.event).toBe('done');
    } finally {
      for (const r of reqs) r.destroy();
      await relay.close();
    }
  }, 40_000);

  it('answers 413 over MAX_PARAGRAPHS or MAX_PARAGRAPH_CHARS on /api/proofread', async () => {
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url, MAX_PARAGRAPHS: '2', MAX_PARAGRAPH_CHARS: '10' });
    try {
      const many = await postJson(relay, '/api/proofread', { paragraphs: [1, 2, 3].map((i) => ({ id: `p${i}`, text: '가' })) });
      expect([many.status, JSON.parse(many.body).code]).toEqual([413, 'TEXT_TOO_LARGE']);
      const long = await postJson(relay, '/api/proofread', { paragraphs: [{ id: 'p1', text: '가'.repeat(11) }] });
      expect([long.status, JSON.parse(long.body).code]).toEqual([413, 'TEXT_TOO_LARGE']);
    } finally {
      await relay.close();
    }
  });
});
