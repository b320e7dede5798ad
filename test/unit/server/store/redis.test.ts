/**
 * Shared state: two relay instances with the same REDIS_URL share the proofreading
 * cache (the second does not ask the model about paragraphs the first checked).
 * Runs when SSEUGI_TEST_REDIS_URL is set (.ci/run starts a Redis); in CI (CI=true)
 * a missing SSEUGI_TEST_REDIS_URL fails instead of skipping.
 */
import { randomUUID } from 'node:crypto';
import { startFakeLlm, type FakeLlm } from '../../../helpers/fake-llm';
import { parseSse, postJson, startTestRelay, type TestRelay } from '../../../helpers/relay';
import { closeRedis, createRedisClient, RedisStore } from '../../../../server/store';
import { LOAD_ENV } from '../../../reliability/helpers';

const REDIS_URL = process.env.SSEUGI_TEST_REDIS_URL;
const run = REDIS_URL || process.env.CI === 'true' ? describe : describe.skip;

run('Redis shared state', () => {
  let fakeA: FakeLlm;
  let fakeB: FakeLlm;
  let relayA: TestRelay;
  let relayB: TestRelay;

  beforeAll(async () => {
    if (!REDIS_URL) return;
    fakeA = await startFakeLlm({
      reply: () => JSON.stringify({ results: [{ id: 'p0', edits: [{ original: '됬다', corrected: '됐다', reason: '맞춤법' }] }] }),
    });
    fakeB = await startFakeLlm({ reply: () => JSON.stringify({ results: [] }) });
    relayA = await startTestRelay({ ...LOAD_ENV, LLM_BASE_URL: fakeA.url, REDIS_URL });
    relayB = await startTestRelay({ ...LOAD_ENV, LLM_BASE_URL: fakeB.url, REDIS_URL });
  });
  afterAll(async () => {
    await relayA?.close();
    await relayB?.close();
    await fakeA?.close();
    await fakeB?.close();
    await closeRedis();
  });

  it('SSEUGI_TEST_REDIS_URL is set (required in CI)', () => {
    if (!REDIS_URL) throw new Error('SSEUGI_TEST_REDIS_URL is not set: CI must start Redis (see .ci/run)');
  });

  it('the second relay answers from the cache the first filled, without calling its model', async () => {
    if (!REDIS_URL) throw new Error('SSEUGI_TEST_REDIS_URL is not set');
    const unique = randomUUID().slice(0, 8); // a fresh paragraph, so earlier runs do not count
    const body = { paragraphs: [{ id: 'p0', text: `${unique} 그 일이 됬다.` }] };

    const a = parseSse((await postJson(relayA, '/api/proofread', body)).body);
    expect(a.at(-1)).toMatchObject({ event: 'done', data: { fromCache: 0 } });
    expect(fakeA.requests.length).toBe(1);

    const b = parseSse((await postJson(relayB, '/api/proofread', body)).body);
    expect(b.at(-1)).toMatchObject({ event: 'done', data: { fromCache: 1 } });
    expect(fakeB.requests.length).toBe(0);
  });

  it('RedisStore keeps JSON values with a TTL under its prefix, and a dead Redis reads as a miss', async () => {
    if (!REDIS_URL) throw new Error('SSEUGI_TEST_REDIS_URL is not set');
    const client = createRedisClient(REDIS_URL);
    try {
      const store = new RedisStore<{ a: number[] }>(client, { prefix: `sseugi:test:${randomUUID()}:` });
      await store.set('k', { a: [1, 2] }, 30);
      expect(await store.get('k')).toEqual({ a: [1, 2] });
      expect(await store.get('missing')).toBeUndefined();
      const ttl = await client.ttl(`${store.prefix}k`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(30);
    } finally {
      await client.quit();
    }
    const errors: unknown[] = [];
    const dead = createRedisClient('redis://127.0.0.1:1', { commandTimeoutMs: 200 });
    try {
      const store = new RedisStore(dead, { onError: (e) => errors.push(e) });
      await expect(store.get('k')).resolves.toBeUndefined();
      await expect(store.set('k', 1, 10)).resolves.toBeUndefined();
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      dead.disconnect();
    }
  });
});
