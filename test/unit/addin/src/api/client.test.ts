/**
 * The pane's one HTTP client: SSE events parsed with the kernel's schemas (typed, a
 * malformed one is BAD_EVENT, an unknown one skipped), and the proofreader's JSON call
 * going through the same auth retry and Retry-After mapping as every other call.
 */
import {
  BAD_EVENT,
  RelayError,
  postStream,
  setAuthRetry,
  setCredentialProvider,
  type StreamEvent,
} from '../../../../../addin/src/api/client';
import { suggestDocType } from '../../../../../addin/src/ui/proofread/api';

function sse(blocks: Array<[string, string]>): Response {
  const body = blocks.map(([event, data]) => `event: ${event}\ndata: ${data}\n\n`).join('');
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

afterEach(() => {
  setAuthRetry((call) => call());
  setCredentialProvider(async () => ({}));
});

describe('postStream', () => {
  it('delivers typed events in order and skips an event the stream does not send', async () => {
    global.fetch = jest.fn(async () =>
      sse([
        ['text', '{"text":"안녕"}'],
        ['replace', '{"text":"retired"}'],
        ['text', '{"text":"하세요"}'],
        ['done', '{"finishReason":"stop","truncated":false}'],
      ]),
    ) as unknown as typeof fetch;
    const seen: Array<StreamEvent<'/api/rewrite'>> = [];
    await postStream('/api/rewrite', { text: '가', style: 'plain' }, (e) => seen.push(e));
    expect(seen).toEqual([
      { event: 'text', data: { text: '안녕' } },
      { event: 'text', data: { text: '하세요' } },
      { event: 'done', data: { finishReason: 'stop', truncated: false } },
    ]);
  });

  it('ends with RelayError BAD_EVENT, naming the event and field, when an event does not match the contract', async () => {
    global.fetch = jest.fn(async () =>
      sse([
        ['suggestions', '{"layer":"rules","suggestions":[]}'],
        ['progress', '{"phase":"model","done":"one","total":2}'],
        ['done', '{"total":0,"fromCache":0,"unchecked":0}'],
      ]),
    ) as unknown as typeof fetch;
    const seen: string[] = [];
    const err = await postStream('/api/proofread', { paragraphs: [] }, (e) => seen.push(e.event)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RelayError);
    expect((err as RelayError).code).toBe(BAD_EVENT);
    expect((err as RelayError).message).toMatch(/\/api\/proofread: event "progress": done: /);
    // Nothing after the bad event is delivered.
    expect(seen).toEqual(['suggestions']);
  });
});

describe('the proofreader’s JSON call goes through the one client', () => {
  it('retries once through the auth retry and sends the credential', async () => {
    let calls = 0;
    global.fetch = jest.fn(async (_url: string, init: RequestInit) => {
      calls++;
      const auth = (init.headers as Record<string, string>).authorization;
      if (auth !== 'Bearer fresh') return new Response(JSON.stringify({ code: 'AUTH_EXPIRED', message: 'expired' }), { status: 401 });
      return new Response(JSON.stringify({ docType: 'patent', scores: {} }), { status: 200 });
    }) as unknown as typeof fetch;
    let token = 'old';
    setCredentialProvider(async () => ({ authorization: `Bearer ${token}` }));
    setAuthRetry(async (call) => {
      try {
        return await call();
      } catch (err) {
        if (!(err instanceof RelayError) || err.code !== 'AUTH_EXPIRED') throw err;
        token = 'fresh';
        return call();
      }
    });
    await expect(suggestDocType(['【청구항 1】'])).resolves.toBe('patent');
    expect(calls).toBe(2);
  });

  it('maps a busy relay to RelayError with its code, message and Retry-After', async () => {
    global.fetch = jest.fn(
      async () =>
        new Response(JSON.stringify({ code: 'BUSY', message: 'The model is busy.' }), { status: 503, headers: { 'retry-after': '9' } }),
    ) as unknown as typeof fetch;
    const err = (await suggestDocType(['가']).catch((e: unknown) => e)) as RelayError;
    expect(err).toBeInstanceOf(RelayError);
    expect([err.code, err.status, err.message, err.retryAfterSec]).toEqual(['BUSY', 503, 'The model is busy.', 9]);
  });
});

describe('suggestDocType checks the answer against the contract', () => {
  it('rejects an unknown document type instead of returning it', async () => {
    global.fetch = jest.fn(
      async () => new Response(JSON.stringify({ docType: 'poetry', scores: {} }), { status: 200 }),
    ) as unknown as typeof fetch;
    await expect(suggestDocType(['가'])).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
