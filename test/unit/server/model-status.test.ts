import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../server/config';
import { createModelProbe } from '../../../server/model-status';

describe('model probe behind the public /api/health', () => {
  it('makes one request to the model server for a burst of health calls, and probes again after the cache time', async () => {
    let hits = 0;
    const server = http.createServer((req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const probe = createModelProbe(loadConfig({ LLM_BASE_URL: `http://127.0.0.1:${port}/v1` }), undefined, 1000, undefined, 200);
      const results = await Promise.all(Array.from({ length: 50 }, () => probe()));
      expect(results.every((r) => r.reachable)).toBe(true);
      expect(hits).toBe(1);
      await new Promise((r) => setTimeout(r, 250));
      await probe();
      expect(hits).toBe(2);
    } finally {
      server.close();
    }
  });
});
