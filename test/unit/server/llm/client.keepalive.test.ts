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
