import { createOpenAiClient } from '../../../../server/llm/client';
import { UpstreamError } from '../../../../server/llm/errors';
import type { ChatRequest, LlmClient, StreamEnd } from '../../../../server/llm/types';
import { startFakeLlm, type FakeLlm } from '../../../helpers/fake-llm';
import { waitFor } from '../../../helpers/browser';

const messages = [{ role: 'user' as const, content: '안녕하세요' }];

/** One streamed completion: the pieces handed to onDelta, and how it ended. */
async function collect(c: LlmClient, req: ChatRequest): Promise<{ pieces: string[]; end: StreamEnd }> {
  const pieces: string[] = [];
  const end = await c.chatStream(req, (t) => pieces.push(t));
  return { pieces, end };
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
    const { pieces, end } = await collect(client(), { messages });
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('가나다 라마 bar');
    expect(end).toMatchObject({ finishReason: 'stop' });
    expect(fake.requests[0]).toMatchObject({ model: 'm', stream: true, messages });
  });

  it('answers non-streamed requests', async () => {
    const r = await client().chat({ messages, temperature: 0.2, maxTokens: 100 });
    expect(r).toMatchObject({ content: '가나다 라마 bar', finishReason: 'stop' });
    expect(fake.requests[0]).toMatchObject({ stream: false, temperature: 0.2, max_tokens: 100 });
  });

  it('reports finish_reason length', async () => {
    fake.options.fault = 'length';
    const { end } = await collect(client(), { messages });
    expect(end).toMatchObject({ finishReason: 'length' });
  });

  it.each([
    ['http500', 'UPSTREAM_HTTP_ERROR'],
    ['http503', 'UPSTREAM_HTTP_ERROR'],
    ['context-exceeded', 'UPSTREAM_CONTEXT_EXCEEDED'],
    ['malformed-sse', 'UPSTREAM_BAD_RESPONSE'],
    ['close-mid-stream', 'UPSTREAM_STREAM_CLOSED'],
  ] as const)('maps %s to %s', async (fault, code) => {
    fake.options.fault = fault;
    const e = await failure(collect(client(), { messages }));
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
      client().chatStream({ messages, signal: controller.signal }, (t) => {
        got.push(t);
        if (got.length === 3) controller.abort();
      }),
    );
    expect(e.code).toBe('UPSTREAM_ABORTED');
    await waitFor(() => fake.aborted === 1, 2000);
    expect(fake.active).toBe(0);
  });

  it('passes on what the consumer threw, unchanged, and closes the upstream stream', async () => {
    fake.options.reply = () => '나'.repeat(200);
    fake.options.tokenDelayMs = 10;
    const mine = new Error('the pane went away');
    await expect(
      client().chatStream({ messages }, () => {
        throw mine;
      }),
    ).rejects.toBe(mine);
    await waitFor(() => fake.aborted === 1, 2000);
    expect(fake.active).toBe(0);
  });

  it('hands every piece of one read over in that turn (no async hop between the socket and the consumer)', async () => {
    // No delay between tokens: the fake writes them all at once, so reads carry several events.
    fake.options.reply = () => '다'.repeat(40);
    fake.options.tokenDelayMs = 0;
    const order: string[] = [];
    await client().chatStream({ messages }, () => {
      order.push('delta');
      // Runs once the current turn's synchronous work is done; an async iterator per piece
      // (the old client) would let it run between every two pieces.
      queueMicrotask(() => order.push('microtask'));
    });
    expect(order.join(' ')).toContain('delta delta');
  });

  it('keeps a whole answer when the connection resets after [DONE]', async () => {
    fake.options.fault = 'reset-after-done';
    const { pieces, end } = await collect(client(), { messages });
    expect(pieces.join('')).toBe('가나다 라마 bar');
    expect(end).toMatchObject({ finishReason: 'stop' });
  });
});
