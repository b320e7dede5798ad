/**
 * A streamed answer, then requests at once on the same keep-alive agent, against the fake in
 * llama.cpp flavour (which, like llama-server, does not reuse a connection after a stream).
 * The real-engine test (test/real-engine/relay-llama.test.ts) checks the same against llama-server.
 */
import { createOpenAiClient } from '../../../../server/llm/client';
import { startFakeLlm, type FakeLlm } from '../../../helpers/fake-llm';

describe('model client: a socket the server closed after a stream', () => {
  let fake: FakeLlm;
  beforeAll(async () => {
    fake = await startFakeLlm({ flavour: 'llamacpp', reply: () => '가나다라마' });
  });
  afterAll(() => fake.close());

  it('retries once on a fresh socket (reusedSocket + ECONNRESET)', async () => {
    const client = createOpenAiClient({ baseUrl: fake.url, model: 'm', timeoutMs: 10_000 });
    let text = '';
    await client.chatStream({ messages: [{ role: 'user', content: '요약' }] }, (t) => (text += t));
    expect(text).toBe('가나다라마');
    const res = await client.chat({ messages: [{ role: 'user', content: '다음' }] });
    expect(res.content).toBe('가나다라마');
    // And a stream after a stream.
    let again = '';
    await client.chatStream({ messages: [{ role: 'user', content: '또' }] }, (t) => (again += t));
    expect(again).toBe('가나다라마');
    const after = await client.chat({ messages: [{ role: 'user', content: '끝' }] });
    expect(after.finishReason).toBe('stop');
  });
});

describe('model client: idle keep-alive connections', () => {
  let fake: FakeLlm;
  beforeEach(async () => {
    fake = await startFakeLlm({ reply: () => '가나다라마' }); // openai flavour: the server keeps connections
  });
  afterEach(() => fake.close());

  it('closes a connection left idle, before the server would (free sockets only)', async () => {
    const client = createOpenAiClient({ baseUrl: fake.url, model: 'm', timeoutMs: 10_000, idleSocketMs: 150 });
    await client.chat({ messages: [{ role: 'user', content: '하나' }] });
    expect(fake.connections).toBe(1);
    const t0 = Date.now();
    while (fake.connections > 0 && Date.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 25));
    expect(fake.connections).toBe(0);
  });

  it('does not cut a stream that is quiet for longer than the idle time', async () => {
    fake.options.firstTokenDelayMs = 400;
    fake.options.tokenDelayMs = 300;
    const client = createOpenAiClient({ baseUrl: fake.url, model: 'm', timeoutMs: 10_000, idleSocketMs: 100 });
    let text = '';
    const end = await client.chatStream({ messages: [{ role: 'user', content: '천천히' }] }, (t) => (text += t));
    expect(text).toBe('가나다라마');
    expect(end.finishReason).toBe('stop');
    expect(fake.aborted).toBe(0);
  });
});
