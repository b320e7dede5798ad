/**
 * Contract: the fake model server (test/helpers/fake-llm.ts, llama.cpp flavour) and a real
 * llama-server answer the same requests with the same shapes. When llama.cpp changes what it
 * sends, this test fails and the fake is updated with it, instead of drifting.
 *
 * "Shape": for objects, every key the fake sends exists in the real answer with the same
 * shape (the real server may send more); arrays compare their first element; leaves compare
 * their JSON type. Plus the fields the relay reads must be present in both.
 */
import http from 'node:http';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { startLlamaServer, type LlamaServer } from '../helpers/llama-server';

jest.setTimeout(120_000);

type Shape = string | { [k: string]: Shape } | Shape[];

function shapeOf(v: unknown): Shape {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length ? [shapeOf(v[0])] : [];
  if (typeof v === 'object') {
    const out: { [k: string]: Shape } = {};
    for (const k of Object.keys(v as object).sort()) out[k] = shapeOf((v as Record<string, unknown>)[k]);
    return out;
  }
  return typeof v;
}

/** Paths where the fake's shape is not found in the real one (empty: the fake keeps faith). */
function drift(fake: Shape, real: Shape, at = '$'): string[] {
  if (typeof fake === 'string' || typeof real === 'string')
    return fake === real ? [] : [`${at}: fake ${JSON.stringify(fake)} ≠ real ${JSON.stringify(real)}`];
  if (Array.isArray(fake) || Array.isArray(real)) {
    if (!Array.isArray(fake) || !Array.isArray(real)) return [`${at}: array vs object`];
    if (!fake.length || !real.length) return [];
    return drift(fake[0]!, real[0]!, `${at}[0]`);
  }
  const out: string[] = [];
  for (const k of Object.keys(fake)) {
    if (!(k in real)) out.push(`${at}.${k}: only in the fake`);
    else out.push(...drift(fake[k]!, real[k]!, `${at}.${k}`));
  }
  return out;
}

interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(root: string, method: string, p: string, body?: unknown): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${root}${p}`,
      { method, agent: false, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

/** The fields of an OpenAI-style stream chunk (`chat.completion.chunk`) these tests read. */
interface ChunkFields {
  choices?: Array<{ delta?: { content?: string }; finish_reason?: string | null }>;
  usage?: unknown;
}

/** The JSON events of an SSE body, and whether it ended with [DONE]. */
function sseEvents(body: string): { events: ChunkFields[]; done: boolean } {
  const data = body
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => l.slice(6));
  const done = data.at(-1) === '[DONE]';
  return { events: data.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d)), done };
}

/**
 * Sends a chat request on a keep-alive agent with one socket right after a stream on it:
 * whether the server let the client reuse that connection.
 */
async function reusableAfterStream(root: string): Promise<{ reused: boolean; failed: string | null }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: unknown) =>
    new Promise<{ reused: boolean; failed: string | null }>((resolve) => {
      const req = http.request(
        `${root}/v1/chat/completions`,
        { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ reused: req.reusedSocket, failed: null }));
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => resolve({ reused: req.reusedSocket, failed: e.code ?? 'error' }));
      req.end(JSON.stringify(body));
    });
  try {
    await post({ messages: [{ role: 'user', content: '가' }], max_tokens: 3, stream: true });
    return await post({ messages: [{ role: 'user', content: '나' }], max_tokens: 3 });
  } finally {
    agent.destroy();
  }
}

describe('fake model server (llama.cpp flavour) vs real llama-server', () => {
  let real: LlamaServer;
  let fake: FakeLlm;
  let roots: { fake: string; real: string };
  beforeAll(async () => {
    real = await startLlamaServer({ ctx: 1024, parallel: 2 });
    fake = await startFakeLlm({ flavour: 'llamacpp', contextWindow: 512, totalSlots: 2, reply: () => '가나다라마바사' });
    roots = { real: real.root, fake: fake.url.replace(/\/v1$/, '') };
  });
  afterAll(async () => {
    await fake?.close();
    await real?.stop();
  });

  async function both(method: string, p: string, body?: unknown): Promise<{ fake: Exchange; real: Exchange }> {
    return { fake: await request(roots.fake, method, p, body), real: await request(roots.real, method, p, body) };
  }

  it.each([
    ['GET', '/v1/models', undefined],
    ['GET', '/props', undefined],
    ['GET', '/slots', undefined],
    ['GET', '/health', undefined],
    ['POST', '/tokenize', { content: '한국어 문장 test', add_special: false }],
  ])('%s %s: same status and shape', async (method, p, body) => {
    const r = await both(method, p, body);
    expect(r.fake.status).toBe(r.real.status);
    expect(drift(shapeOf(JSON.parse(r.fake.body)), shapeOf(JSON.parse(r.real.body)))).toEqual([]);
  });

  it('the fields the relay reads are there in both', async () => {
    for (const root of [roots.fake, roots.real]) {
      const props = JSON.parse((await request(root, 'GET', '/props')).body);
      expect(typeof props.default_generation_settings.n_ctx).toBe('number');
      expect(props.total_slots).toBe(2);
      const tok = JSON.parse((await request(root, 'POST', '/tokenize', { content: '가나다', add_special: false })).body);
      expect(tok.tokens).toHaveLength(3);
    }
  });

  it('non-streamed chat: same shape', async () => {
    const body = { messages: [{ role: 'user', content: '안녕' }], max_tokens: 4 };
    const r = await both('POST', '/v1/chat/completions', body);
    expect(r.fake.status).toBe(200);
    expect(r.real.status).toBe(200);
    expect(drift(shapeOf(JSON.parse(r.fake.body)), shapeOf(JSON.parse(r.real.body)))).toEqual([]);
  });

  it.each([false, true])('streamed chat (include_usage %s): same events, usage only when asked', async (includeUsage) => {
    const body = {
      messages: [{ role: 'user', content: '안녕' }],
      max_tokens: 4,
      stream: true,
      ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
    };
    const r = await both('POST', '/v1/chat/completions', body);
    for (const side of [r.fake, r.real]) {
      expect(side.status).toBe(200);
      expect(side.headers['content-type']).toContain('text/event-stream');
      const { events, done } = sseEvents(side.body);
      expect(done).toBe(true);
      const withUsage = events.filter((e) => e.usage);
      if (includeUsage) {
        expect(withUsage).toHaveLength(1);
        expect(withUsage[0].choices).toEqual([]);
        expect(events.at(-1)).toBe(withUsage[0]);
      } else expect(withUsage).toEqual([]);
      expect(events.some((e) => e.choices?.[0]?.finish_reason)).toBe(true);
    }
    const fakeEvents = sseEvents(r.fake.body).events;
    const realEvents = sseEvents(r.real.body).events;
    const content = (es: ChunkFields[]) => es.find((e) => e.choices?.[0]?.delta?.content);
    expect(drift(shapeOf(content(fakeEvents)), shapeOf(content(realEvents)))).toEqual([]);
    const finish = (es: ChunkFields[]) => es.find((e) => e.choices?.[0]?.finish_reason);
    expect(drift(shapeOf(finish(fakeEvents)), shapeOf(finish(realEvents)))).toEqual([]);
  });

  it('a prompt longer than a slot: same status, error type and message pattern', async () => {
    const body = { messages: [{ role: 'user', content: '가'.repeat(1500) }], max_tokens: 4 };
    fake.options.fault = 'context-exceeded';
    try {
      const r = await both('POST', '/v1/chat/completions', body);
      expect(r.fake.status).toBe(r.real.status);
      const [f, real] = [JSON.parse(r.fake.body), JSON.parse(r.real.body)];
      expect(drift(shapeOf(f), shapeOf(real))).toEqual([]);
      expect(f.error.type).toBe(real.error.type);
      const pattern = /^request \(\d+ tokens\) exceeds the available context size \(\d+ tokens\), try increasing it$/;
      expect(real.error.message).toMatch(pattern);
      expect(f.error.message).toMatch(pattern);
    } finally {
      fake.options.fault = 'none';
    }
  });

  it('a connection is not reused after a stream by either', async () => {
    const [f, real] = [await reusableAfterStream(roots.fake), await reusableAfterStream(roots.real)];
    // Either the client saw the close and opened a new socket, or it reused the dead one and got a reset.
    for (const r of [f, real]) expect(r.reused ? r.failed : null).toBe(r.reused ? 'ECONNRESET' : null);
    expect(f.reused).toBe(true);
  });
});
