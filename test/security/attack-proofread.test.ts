/**
 * Finding 6 of the attack on the running relay (issue 13): offline proofreading of
 * maximum-size requests (model off) must not stall the event loop — the rules run in a
 * worker pool behind the model gate — and an answer's size is capped.
 */
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { httpsRequest, parseSse, postJson, type TestRelay, startKeyedRelay } from '../helpers/relay';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** ~600,000 characters full of findings (about 60,000 of them before the cap). */
function maxSizeBody() {
  const line = '그는 됬다 몇일 후에 왔다 .  그리고 안되요. '.repeat(40).slice(0, 2000);
  return { paragraphs: Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, text: line })), options: { model: false } };
}

describe('finding 6: offline proofreading off the event loop, answers capped', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  let key: string;
  beforeAll(async () => {
    fake = await startFakeLlm();
    ({ relay, key } = await startKeyedRelay({
      LLM_BASE_URL: fake.url,
      RATE_LIMIT_PER_MIN: '0',
      MODEL_CONCURRENCY: '4',
      QUEUE_MAX: '8',
      LOG_LEVEL: 'warn',
    }));
    // Warm the pool (first load of the rules in a worker).
    expect(
      (
        await postJson(
          relay,
          '/api/proofread',
          { paragraphs: [{ id: 'a', text: '됬다' }], options: { model: false } },
          { 'x-api-key': key },
        )
      ).status,
    ).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await relay.close();
    await fake.close();
  });

  it('/api/health stays fast while 10 maximum-size proofreads run; each answer is capped', async () => {
    // Serialised once: the load generator shares this process's event loop with the relay.
    const body = JSON.stringify(maxSizeBody());
    const latencies: number[] = [];
    let running = true;
    const probe = (async () => {
      while (running) {
        const t0 = performance.now();
        const r = await httpsRequest(relay, 'GET', '/api/health');
        latencies.push(performance.now() - t0);
        expect(r.status).toBe(200);
        await sleep(20);
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        httpsRequest(relay, 'POST', '/api/proofread', { body, headers: { 'content-type': 'application/json', 'x-api-key': key } }),
      ),
    );
    running = false;
    await probe;
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!;
    // Loose (a shared, loaded machine; the target of 50 ms p99 is measured by bench:auth). With the
    // rules on the main thread this machine gave p50 2.8 s, p99 39.6 s.
    expect(latencies.length).toBeGreaterThan(5);
    console.log(
      `health while 10 max-size proofreads run: ${latencies.length} samples, p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
    );
    const p50 = latencies[Math.floor(latencies.length / 2)]!;
    expect(p50).toBeLessThan(200);
    expect(p99).toBeLessThan(1500);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.length).toBeLessThan(3_000_000);
      const events = parseSse(a.body);
      const rules = events.find((e) => e.event === 'suggestions')!.data as { suggestions: unknown[]; truncated?: boolean };
      expect(rules.truncated).toBe(true);
      expect(rules.suggestions.length).toBeLessThanOrEqual(relay.config.PROOFREAD_MAX_SUGGESTIONS);
      expect(events.at(-1)?.event).toBe('done');
    }
  }, 180_000);

  it('a full gate answers 503 BUSY instead of queueing rules work without bound', async () => {
    const body = maxSizeBody();
    const answers = await Promise.all(Array.from({ length: 20 }, () => postJson(relay, '/api/proofread', body, { 'x-api-key': key })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    const busy = answers.find((a) => a.status === 503)!;
    expect(JSON.parse(busy.body)).toMatchObject({ code: 'BUSY' });
  }, 300_000);
});
