/**
 * The relay against a real llama.cpp llama-server (built by test/setup/llama-server.sh)
 * running a tiny generated EXAONE-architecture model. These tests judge the plumbing
 * (detection, token counts, streaming, map-reduce under shared KV cache, JSON grammar,
 * errors, aborts, sockets), not wording: the tiny model's words are noise.
 */
import https from 'node:https';
import net from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOpenAiClient, IDLE_SOCKET_MS } from '../../server/llm/client';
import { createLlmPool } from '../../server/llm/pool';
import { UpstreamError } from '../../server/llm/errors';
import { jsonSchemaDecorator } from '../../server/services';
import { PROOFREAD_JSON_SCHEMA } from '../../server/proofread/model-layer';
import { httpsRequest, parseSse, postJson, startTestRelay, type TestRelay } from '../helpers/relay';
import { freePort, startLlamaServer, type LlamaServer } from '../helpers/llama-server';

jest.setTimeout(180_000);

const PROMPTS = path.join(__dirname, '..', '..', 'server', 'prompts');
const NO_EOS = { '[|endofturn|]': -300 };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function waitUntil<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(200);
  }
}

function metric(text: string, name: string): number {
  const m = new RegExp(`^${name.replace(/[:]/g, '\\:')}\\s+([0-9.e+-]+)`, 'm').exec(text);
  if (!m) throw new Error(`metric ${name} not found`);
  return Number(m[1]);
}

/** A Korean document of about `paragraphs` × 60 syllables, with headings. */
function koreanDocument(paragraphs: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= paragraphs; i++) {
    if (i % 5 === 1) parts.push(`제${Math.ceil(i / 5)}조(목적)`);
    parts.push(
      `${i}번째 문단입니다. 이 규정은 기관의 문서 작성과 관리에 필요한 사항을 정하여 업무의 효율을 높이는 것을 목적으로 한다. ` +
        `담당자는 매 분기마다 결과를 보고하여야 한다.`,
    );
  }
  return parts.join('\n\n');
}

describe('relay ↔ real llama-server (tiny EXAONE model)', () => {
  let llama: LlamaServer;
  let relay: TestRelay;

  beforeAll(async () => {
    // 4 slots sharing one 4096-token KV cache: what recent llama-server does by default.
    llama = await startLlamaServer({ ctx: 4096, parallel: 4, kvUnified: true, model: { favour: NO_EOS } });
    relay = await startTestRelay({ LLM_BASE_URL: llama.url, LLM_MODEL: 'exaone-tiny', LLM_CONCURRENCY: '8' });
  });
  afterAll(async () => {
    await relay?.close();
    await llama?.stop();
  });

  it('closes an idle keep-alive connection after about 5 s: the client IDLE_SOCKET_MS closes it first', async () => {
    // What IDLE_SOCKET_MS (server/llm/client.ts) is chosen against: a request sent on a socket
    // the server is closing is reset.
    const socket = net.connect(llama.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const answered = new Promise<number>((r) => socket.once('data', () => r(Date.now())));
    const closed = new Promise<number>((r) => socket.once('close', () => r(Date.now())));
    socket.on('error', () => undefined);
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const idleFrom = await answered;
    const idleMs = (await closed) - idleFrom;
    expect(idleMs).toBeGreaterThan(IDLE_SOCKET_MS);
    expect(idleMs).toBeLessThan(12_000);
  });

  it('detects llama.cpp with its window and slots', async () => {
    const props = (await llama.getJson('/props')) as { default_generation_settings: { n_ctx: number }; total_slots: number };
    const info = await relay.context.backend();
    expect(info.kind).toBe('llamacpp');
    expect(info.contextWindow).toBe(props.default_generation_settings.n_ctx);
    expect(info.totalSlots).toBe(4);
    expect(props.total_slots).toBe(4);
    const health = JSON.parse((await httpsRequest(relay, 'GET', '/api/health')).body);
    expect(health.model).toMatchObject({ reachable: true, backend: 'llamacpp', contextWindow: info.contextWindow });
  });

  it('counts tokens with the server tokenizer, not the estimate', async () => {
    // Rare syllables: the estimate charges 2.5 each, the tiny vocabulary has each as one token.
    const text = '똠얌꿍 뷁 쀍 햏';
    const res = await fetch(`${llama.root}/tokenize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: text, add_special: false }),
    });
    const exact = ((await res.json()) as { tokens: number[] }).tokens.length;
    expect(await relay.context.countTokens(text)).toBe(exact);
  });

  it('streams a summary: text events of valid UTF-8, then done', async () => {
    const r = await postJson(relay, '/api/summarize', {
      text: '쓰기는 한국어 문서 도우미입니다. 요약을 시험합니다.',
      options: { length: 'oneline' },
    });
    expect(r.status).toBe(200);
    const events = parseSse(r.body);
    const texts = events.filter((e) => e.event === 'text').map((e) => e.data.text as string);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join('')).not.toContain('\uFFFD');
    // The tiny model never ends a turn, so every free-text answer stops at max_tokens.
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { finishReason: 'length', truncated: true, mode: 'single' } });
  });

  it('two requests in a row after a stream both succeed (stale keep-alive socket)', async () => {
    const first = parseSse((await postJson(relay, '/api/summarize', { text: '첫 번째 요청입니다.', options: { length: 'oneline' } })).body);
    expect(first.at(-1)?.event).toBe('done');
    for (const n of ['두', '세']) {
      const events = parseSse(
        (await postJson(relay, '/api/summarize', { text: `${n} 번째 요청입니다.`, options: { length: 'oneline' } })).body,
      );
      expect(events.filter((e) => e.event === 'error')).toEqual([]);
      expect(events.at(-1)?.event).toBe('done');
    }
    expect(relay.context.llmPool!.endpoints()[0]).toMatchObject({ healthy: true, inFlight: 0 });
  });

  it('frees the server slot when the client aborts mid-stream', async () => {
    const before = metric(await (await fetch(`${llama.root}/metrics`)).text(), 'llamacpp:tokens_predicted_total');
    const ac = new AbortController();
    await new Promise<void>((resolve, reject) => {
      const req = https.request(
        {
          host: 'localhost',
          port: relay.port,
          method: 'POST',
          path: '/api/summarize',
          ca: relay.ca,
          agent: false,
          headers: { 'content-type': 'application/json' },
          signal: ac.signal,
        },
        (res) => {
          res.on('data', (c: Buffer) => {
            if (c.toString('utf8').includes('event: text')) ac.abort();
          });
          res.on('error', () => resolve());
          res.on('close', () => resolve());
        },
      );
      req.on('error', (e) => ((e as Error).name === 'AbortError' ? resolve() : reject(e)));
      req.end(JSON.stringify({ text: '중간에 끊을 긴 요약입니다.', options: { length: 'detailed' } }));
    });
    await waitUntil('all slots idle', async () => {
      const slots = (await llama.getJson('/slots')) as Array<{ is_processing: boolean }>;
      return slots.every((s) => !s.is_processing);
    });
    const after = metric(await (await fetch(`${llama.root}/metrics`)).text(), 'llamacpp:tokens_predicted_total');
    // 'detailed' asks for up to 1,500 tokens; the abort stopped generation well before that.
    expect(after - before).toBeLessThan(1500);
    expect(relay.context.llmPool!.endpoints()[0]).toMatchObject({ healthy: true, inFlight: 0 });
  });

  it('maps "context exceeded" to UPSTREAM_CONTEXT_EXCEEDED, not retryable, endpoint kept', async () => {
    const pool = createLlmPool({
      model: 'exaone-tiny',
      endpoints: [{ baseUrl: llama.url, client: createOpenAiClient({ baseUrl: llama.url, model: 'exaone-tiny', timeoutMs: 60_000 }) }],
    });
    try {
      const huge = '가'.repeat(6000); // longer than the whole 4096-token cache
      const err = await pool.chat({ messages: [{ role: 'user', content: huge }], maxTokens: 16 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamError);
      expect((err as UpstreamError).code).toBe('UPSTREAM_CONTEXT_EXCEEDED');
      expect((err as UpstreamError).retryable).toBe(false);
      expect(pool.endpoints()[0]).toMatchObject({ healthy: true, inFlight: 0 });
    } finally {
      pool.close();
    }
  });

  it("reports finish_reason 'length' from max_tokens", async () => {
    const client = createOpenAiClient({ baseUrl: llama.url, model: 'exaone-tiny', timeoutMs: 60_000 });
    const res = await client.chat({ messages: [{ role: 'user', content: '안녕하세요' }], maxTokens: 7 });
    expect(res.finishReason).toBe('length');
    expect(res.usage).toMatchObject({ completionTokens: 7 });
    expect(res.content).not.toContain('\uFFFD');
  });
});

describe('map-reduce against a shared KV cache (-np 4, small -c)', () => {
  let llama: LlamaServer;
  let relay: TestRelay;
  let promptsDir: string;
  beforeAll(async () => {
    // Short outputs (PROMPTS_DIR override) keep the noise model's generation quick.
    promptsDir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-prompts-'));
    const summarize = JSON.parse(readFileSync(path.join(PROMPTS, 'summarize.json'), 'utf8'));
    summarize.maxTokens = { oneline: 40, short: 60, detailed: 80, part: 40 };
    const reduce = JSON.parse(readFileSync(path.join(PROMPTS, 'summarize-reduce.json'), 'utf8'));
    reduce.maxTokens = { oneline: 40, short: 60, detailed: 80, intermediate: 50 };
    writeFileSync(path.join(promptsDir, 'summarize.json'), JSON.stringify(summarize));
    writeFileSync(path.join(promptsDir, 'summarize-reduce.json'), JSON.stringify(reduce));
    // 4 slots sharing one 4096-token KV cache: what recent llama-server does by default.
    llama = await startLlamaServer({ ctx: 4096, parallel: 4, kvUnified: true, model: { favour: NO_EOS } });
    relay = await startTestRelay({ LLM_BASE_URL: llama.url, LLM_MODEL: 'exaone-tiny', LLM_CONCURRENCY: '8', PROMPTS_DIR: promptsDir });
  });
  afterAll(async () => {
    await relay?.close();
    await llama?.stop();
    rmSync(promptsDir, { recursive: true, force: true });
  });

  it('summarises a document several windows long without overflowing the cache', async () => {
    await waitUntil('detection', async () => (await relay.context.backend()).kind === 'llamacpp');
    const text = koreanDocument(120); // ~9k tokens: more than twice the whole 4096-token cache
    const r = await postJson(relay, '/api/summarize', { text, options: { length: 'short' } });
    const events = parseSse(r.body);
    expect(events.filter((e) => e.event === 'error')).toEqual([]);
    const done = events.at(-1)!;
    expect(done).toMatchObject({ event: 'done', data: { mode: 'map-reduce' } });
    expect(relay.context.llmPool!.endpoints()[0]).toMatchObject({ healthy: true, inFlight: 0 });
  });
});

describe('proofreading against llama-server with the JSON schema', () => {
  let llama: LlamaServer;
  let relay: TestRelay;
  beforeAll(async () => {
    // Favouring the closing characters makes the noise model finish its JSON quickly;
    // the grammar llama-server builds from the schema decides what is valid.
    llama = await startLlamaServer({ ctx: 4096, parallel: 2, model: { favour: { '"': 40, '{': 30, ']': 20, '}': 20 } } });
    relay = await startTestRelay({ LLM_BASE_URL: llama.url, LLM_MODEL: 'exaone-tiny' });
  });
  afterAll(async () => {
    await relay?.close();
    await llama?.stop();
  });

  it('gets schema-valid JSON in the llama.cpp dialect', async () => {
    const client = createOpenAiClient({
      baseUrl: llama.url,
      model: 'exaone-tiny',
      timeoutMs: 60_000,
      decorateBody: jsonSchemaDecorator(() => 'llamacpp'),
    });
    const res = await client.chat({
      messages: [{ role: 'user', content: '[{"id":"p1","text":"어의없는 일이 됬다."}]' }],
      jsonSchema: PROOFREAD_JSON_SCHEMA,
      temperature: 0,
      maxTokens: 256,
    });
    expect(res.finishReason).toBe('stop');
    const parsed = JSON.parse(res.content) as { results: Array<{ id: string; edits: unknown[] }> };
    expect(Array.isArray(parsed.results)).toBe(true);
  });

  it('POST /api/proofread runs the model layer end to end without an unreadable answer', async () => {
    await waitUntil('detection', async () => (await relay.context.backend()).kind === 'llamacpp');
    const r = await postJson(relay, '/api/proofread', {
      paragraphs: [
        { id: 'p1', text: '어의없는 일이 됬다.' },
        { id: 'p2', text: '회의는 내일 열린다.' },
      ],
    });
    expect(r.status).toBe(200);
    const events = parseSse(r.body);
    expect(events.filter((e) => e.event === 'error')).toEqual([]);
    expect(events.at(-1)?.event).toBe('done');
    const offsets = events
      .filter((e) => e.event === 'suggestions')
      .flatMap((e) => e.data.suggestions as Array<{ start: number; end: number; paragraphId: string }>);
    for (const s of offsets) expect(s.end).toBeGreaterThanOrEqual(s.start);
  });
});

describe('relay with several endpoints or a late model server', () => {
  it('keeps in-flight counts per endpoint when a request is retried on another one', async () => {
    const llama = await startLlamaServer({ ctx: 2048, parallel: 1, model: { favour: NO_EOS } });
    const dead = `http://127.0.0.1:${await freePort()}/v1`; // nothing listens there
    const relay = await startTestRelay({ LLM_BASE_URL: `${dead},${llama.url}`, LLM_MODEL: 'exaone-tiny' });
    try {
      const client = relay.context.llm;
      const res = await client.chat({ messages: [{ role: 'user', content: '안녕하세요' }], maxTokens: 4 });
      expect(res.finishReason).toBe('length');
      const eps = relay.context.llmPool!.endpoints();
      expect(eps.map((e) => e.inFlight)).toEqual([0, 0]);
      expect(eps[0]).toMatchObject({ healthy: false, lastError: 'UPSTREAM_UNREACHABLE' });
    } finally {
      await relay.close();
      await llama.stop();
    }
  });

  it('detects the backend once the model server comes up after the relay', async () => {
    const port = await freePort();
    const relay = await startTestRelay({
      LLM_BASE_URL: `http://127.0.0.1:${port}/v1`,
      LLM_MODEL: 'exaone-tiny',
      LLM_CONTEXT_WINDOW: '32768',
    });
    let llama: LlamaServer | undefined;
    try {
      const down = JSON.parse((await httpsRequest(relay, 'GET', '/api/health')).body);
      expect(down.model.reachable).toBe(false);
      await relay.context.backend(); // the start-up detection failed
      llama = await startLlamaServer({ port, ctx: 2048, parallel: 1, model: { favour: NO_EOS } });
      const health = await waitUntil(
        'health to show llama.cpp',
        async () => {
          const h = JSON.parse((await httpsRequest(relay, 'GET', '/api/health')).body);
          if (process.env.DEBUG_REAL_ENGINE) console.log(JSON.stringify(h.model));
          return h.model.backend === 'llamacpp' ? h : undefined;
        },
        40_000,
      );
      expect(health.model).toMatchObject({ reachable: true, backend: 'llamacpp', contextWindow: 2048 });
      expect((await relay.context.backend()).kind).toBe('llamacpp');
    } finally {
      await relay.close();
      await llama?.stop();
    }
  });
});
