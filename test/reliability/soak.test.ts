/**
 * Soak: a long mix of summaries, proofreads, aborted streams and model faults through
 * one relay. Relay memory at the end (heapUsed after a full GC) stays within 10% of its
 * level after warm-up. Size: SOAK_REQUESTS (default 2,000; the full run is 10,000).
 * With the limits of issue 13 in place: API keys, a failed-credential limit (a wrong key
 * in every 20 requests, from the same address as the valid ones), TRUST_PROXY, short
 * request timeouts and a connection cap — valid requests are never refused.
 */
import https from 'node:https';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Fault } from '../helpers/fake-llm';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { parseSse, type TestRelay, startKeyedRelay } from '../helpers/relay';
import { eventually, inBatches, LOAD_ENV, postAndAbort } from './helpers';

const TOTAL = Number(process.env.SOAK_REQUESTS ?? 2000);
const WIDTH = 32;
const FAULTS: Fault[] = ['http500', 'http503', 'malformed-sse', 'close-mid-stream', 'length', 'hang'];

/** A full GC; exposes gc() when node was not started with --expose-gc. */
function gcFn(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

async function settleMemory(gc: () => void): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  return process.memoryUsage().heapUsed;
}

describe('soak', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  let agent: https.Agent;
  let key = '';

  beforeAll(async () => {
    fake = await startFakeLlm({
      tokenDelayMs: 1,
      // The prompt names the fault this request should meet.
      faultFor: (body) => {
        const m = /\[fault:([a-z0-9-]+)\]/.exec(body.messages?.map((x) => x.content).join('\n') ?? '');
        return m ? (m[1] as Fault) : undefined;
      },
    });
    ({ relay, key } = await startKeyedRelay(
      {
        ...LOAD_ENV,
        LLM_BASE_URL: fake.url,
        // Long enough that a loaded machine does not turn good answers into UPSTREAM_TIMEOUT; the hang fault still times out.
        LLM_TIMEOUT_MS: '1500',
        LOG_LEVEL: 'error',
        AUTH_FAILURES_PER_MIN: '5',
        TRUST_PROXY: 'loopback',
        REQUEST_TIMEOUT_MS: '5000',
        HEADERS_TIMEOUT_MS: '2000',
        MAX_CONNECTIONS: String(WIDTH * 4),
      },
      'soak',
    ));
    agent = new https.Agent({ keepAlive: true, maxSockets: WIDTH, ca: relay.ca });
  });
  afterAll(async () => {
    agent?.destroy();
    await relay?.close();
    await fake?.close();
  });

  function post(path: string, body: unknown, apiKey = key): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: 'localhost',
          port: relay.port,
          method: 'POST',
          path,
          agent,
          headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  }

  /** One request of the mix; returns whether it ended as expected. */
  async function one(i: number): Promise<boolean> {
    // The fake keeps every request body it saw; it shares this process, so drop them.
    if (fake.requests.length > 100) fake.requests.length = 0;
    const kind = i % 20;
    if (kind < 8) {
      const r = await post('/api/summarize', { text: `회의록 ${i % 50}: 예산과 일정을 논의했다.` });
      return r.status === 200 && parseSse(r.body).at(-1)?.event === 'done';
    }
    if (kind < 13) {
      // A bounded set of paragraphs, so the proofreading cache stays bounded too.
      const r = await post('/api/proofread', {
        paragraphs: [
          { id: 'p0', text: `그 일은 ${i % 40}일 뒤에 됬다.` },
          { id: 'p1', text: '몇일 뒤에 보자.' },
        ],
      });
      return r.status === 200 && parseSse(r.body).at(-1)?.event === 'done';
    }
    if (kind < 17) {
      const got = await postAndAbort(relay, '/api/summarize', { text: `긴 문서 ${i}` }, false, { 'x-api-key': key });
      return got.length > 0;
    }
    if (kind === 19) {
      // A wrong key: refused (401, then 429 once over the limit); never a 5xx.
      const r = await post('/api/summarize', { text: '틀린 키' }, `${key.slice(0, -4)}AAAA`);
      return r.status === 401 || r.status === 429;
    }
    const fault = FAULTS[i % FAULTS.length]!;
    const r = await post('/api/summarize', { text: `[fault:${fault}] 문서 ${i}` });
    const last = parseSse(r.body).at(-1);
    return r.status === 200 && (last?.event === 'error' || (fault === 'length' && last?.event === 'done'));
  }

  it(`keeps memory flat over ${TOTAL} mixed requests`, async () => {
    const gc = gcFn();
    const warm = Math.max(200, Math.floor(TOTAL / 10));
    const okWarm = await inBatches(warm, WIDTH, one);
    expect(okWarm.every(Boolean)).toBe(true);
    await eventually(() => fake.active === 0, 3000);
    const baseline = await settleMemory(gc);
    const rssBaseline = process.memoryUsage().rss;

    const t0 = Date.now();
    const ok = await inBatches(TOTAL, WIDTH, (i) => one(i + warm));
    const failed = ok.filter((x) => !x).length;
    expect(failed).toBe(0);
    expect(await eventually(() => fake.active === 0, 5000)).toBe(true);
    const end = await settleMemory(gc);
    const rss = process.memoryUsage().rss;
    console.log(
      `soak: ${TOTAL} requests in ${Date.now() - t0} ms; heapUsed ${(baseline / 1e6).toFixed(1)} MB after warm-up -> ${(end / 1e6).toFixed(1)} MB (${((end / baseline - 1) * 100).toFixed(1)}%); rss ${(rssBaseline / 1e6).toFixed(0)} -> ${(rss / 1e6).toFixed(0)} MB`,
    );
    expect(end).toBeLessThanOrEqual(baseline * 1.1);
  }, 600_000);
});
