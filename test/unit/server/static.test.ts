/** Issue 16 item 9: /favicon.ico is answered with the icon, not a 404 logged as a warning on every load. */
import { httpsRequest, startTestRelay, type TestRelay } from '../../helpers/relay';

jest.setTimeout(60_000);

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay({ LLM_BASE_URL: 'http://127.0.0.1:9/v1' });
});
afterAll(() => relay?.close());

it('GET /favicon.ico is the PNG icon and logs no warning', async () => {
  const before = relay.logs.length;
  const r = await httpsRequest(relay, 'GET', '/favicon.ico');
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toMatch(/^image\/png/);
  await new Promise((res) => setTimeout(res, 50));
  const lines = relay.logs
    .slice(before)
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { level: number });
  expect(lines.filter((l) => l.level >= 40)).toEqual([]);
});
