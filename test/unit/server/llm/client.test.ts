import { createOpenAiClient } from '../../../../server/llm/client';
import { UpstreamError } from '../../../../server/llm/errors';
import type { StreamChunk } from '../../../../server/llm/types';
import { startFakeLlm, type FakeLlm } from '../../../helpers/fake-llm';
import { waitFor } from '../../../helpers/browser';

const messages = [{ role: 'user' as const, content: '안녕하세요' }];

async function collect(it: AsyncIterable<StreamChunk>): Promise<StreamChunk[]> {
  const out: StreamChunk[] = [];
  for await (const c of it) out.push(c);
  return out;
}

async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }
  throw new Error('expected a failure');
}

describe('OpenAI-compatible client', () => {
  let fake: FakeLlm;
  beforeEach(async () => {
    fake = await startFakeLlm({ reply: () => '가나다 라마 bar' });
  });
  afterEach(() => fake.close());
  const client = (timeoutMs = 2000) => createOpenAiClient({ baseUrl: fake.url, model: 'm', apiKey: 'k', timeoutMs });

  it('streams deltas and the finish reason', async () => {
    const chunks = await collect(client().chatStream({ messages }));
    const text = chunks.flatMap((c) => (c.type === 'delta' ? [c.text] : [])).join('');
    expect(text).toBe('가나다 라마 bar');
    expect(chunks.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    expect(fake.requests[0]).toMatchObject({ model: 'm', stream: true, messages });
  });

  it('answers non-streamed requests', async () => {
    const r = await client().chat({ messages, temperature: 0.2, maxTokens: 100 });
    expect(r).toMatchObject({ content: '가나다 라마 bar', finishReason: 'stop' });
    expect(fake.requests[0]).toMatchObject({ stream: false, temperature: 0.2, max_tokens: 100 });
  });

  it('reports finish_reason length', async () => {
    fake.options.fault = 'length';
    const chunks = await collect(client().chatStream({ messages }));
    expect(chunks.at(-1)).toMatchObject({ type: 'finish', finishReason: 'length' });
  });

  it.each([
    ['http500', 'UPSTREAM_HTTP_ERROR'],
    ['http503', 'UPSTREAM_HTTP_ERROR'],
    ['context-exceeded', 'UPSTREAM_CONTEXT_EXCEEDED'],
    ['malformed-sse', 'UPSTREAM_BAD_RESPONSE'],
    ['close-mid-stream', 'UPSTREAM_STREAM_CLOSED'],
  ] as const)('maps %s to %s', async (fault, code) => {
    fake.options.fault = fault;
    const e = await failure(collect(client().chatStream({ messages })));
    expect(e.code).toBe(code);
    expect(e.message).not.toContain('upstream failure'); // upstream bodies are not echoed
  });

  it('times out a server that hangs', async () => {
    fake.options.fault = 'hang';
    const t0 = Date.now();
    const e = await failure(client(300).chat({ messages }));
    expect(e.code).toBe('UPSTREAM_TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('maps a refused connection', async () => {
    const port = fake.port;
    await fake.close();
    const c = createOpenAiClient({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm', timeoutMs: 2000 });
    expect((await failure(c.chat({ messages }))).code).toBe('UPSTREAM_UNREACHABLE');
    fake = await startFakeLlm();
  });

  it('aborts the upstream request when the caller aborts mid-stream', async () => {
    fake.options.reply = () => '가'.repeat(200);
    fake.options.tokenDelayMs = 10;
    const controller = new AbortController();
    const got: string[] = [];
    const e = await failure(
      (async () => {
        for await (const c of client().chatStream({ messages, signal: controller.signal })) {
          if (c.type === 'delta') got.push(c.text);
          if (got.length === 3) controller.abort();
        }
      })(),
    );
    expect(e.code).toBe('UPSTREAM_ABORTED');
    await waitFor(() => fake.aborted === 1, 2000);
    expect(fake.active).toBe(0);
  });

  it('closes the upstream stream when the consumer stops reading', async () => {
    fake.options.reply = () => '나'.repeat(200);
    fake.options.tokenDelayMs = 10;
    for await (const c of client().chatStream({ messages })) {
      if (c.type === 'delta') break;
    }
    await waitFor(() => fake.aborted === 1, 2000);
  });
});
