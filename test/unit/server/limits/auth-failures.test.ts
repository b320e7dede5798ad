import { startFakeLlm, type FakeLlm } from '../../../helpers/fake-llm';
import { httpsRequest, postJson, type TestRelay, startKeyedRelay } from '../../../helpers/relay';

describe('failed credentials are limited per client before any check', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  let key: string;
  beforeAll(async () => {
    fake = await startFakeLlm();
    ({ relay, key } = await startKeyedRelay({ LLM_BASE_URL: fake.url, AUTH_FAILURES_PER_MIN: '3' }));
  });
  afterAll(async () => {
    await relay.close();
    await fake.close();
  });

  it('answers 401 for bad keys, then 429 with Retry-After, on the API and on health alike', async () => {
    // Good requests do not count.
    for (let i = 0; i < 5; i++) {
      const ok = await postJson(relay, '/api/doctype', { paragraphs: ['가'] }, { 'x-api-key': key });
      expect(ok.status).toBe(200);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await postJson(relay, '/api/doctype', { paragraphs: ['가'] }, { 'x-api-key': `sk-guess-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await httpsRequest(relay, 'GET', '/api/health', { headers: { 'x-api-key': 'sk-guess-again' } });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(JSON.parse(limited.body)).toMatchObject({ code: 'RATE_LIMITED' });
    // Health without a credential stays available.
    expect((await httpsRequest(relay, 'GET', '/api/health')).status).toBe(200);
  });
});
