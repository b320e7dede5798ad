/**
 * bench:relay-layers compares like with like: every layer (the Node floor, the floor inside
 * Express, the relay's route alone, the whole relay) answers the same request with the same
 * stream — the model's text as `text` events, then `done` — from the same fake model.
 */
import https from 'node:https';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup, freePort, startChild } from '../../../bench/lib/children';
import { loadConfig } from '../../../server/config';
import { loadTls } from '../../../server/tls';
import { startFakeLlm, type FakeLlm } from '../../helpers/fake-llm';

const lib = path.join(__dirname, '../../../bench/lib');
const layers = {
  floor: path.join(lib, 'layers/node-floor.ts'),
  express: path.join(lib, 'layers/express-floor.ts'),
  route: path.join(lib, 'layers/route-only.ts'),
  relay: path.join(lib, 'relay-child.ts'),
};

let fake: FakeLlm;
let certDir: string;
let ca: Buffer;
beforeAll(async () => {
  fake = await startFakeLlm({ reply: () => '회의 요약입니다' });
  certDir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-layers-certs-'));
  await loadTls(loadConfig({} as NodeJS.ProcessEnv), certDir);
  ca = readFileSync(path.join(certDir, 'ca.crt'));
}, 60_000);
afterAll(async () => {
  cleanup();
  await fake.close();
});

function post(port: number, body: string): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: 'localhost', port, method: 'POST', path: '/api/summarize', ca, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (s: string) => (text += s));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('bench:relay-layers: every layer streams the same answer', () => {
  it.each(Object.entries(layers))(
    '%s',
    async (_name, file) => {
      const env = {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(await freePort()),
        LLM_BASE_URL: fake.url,
        LOG_LEVEL: 'error',
        BENCH_CERT_DIR: certDir,
        AUTH_MODE: 'none',
        STATE_DIR: mkdtempSync(path.join(os.tmpdir(), 'sseugi-layers-state-')),
      };
      const { info } = await startChild(file, env, 'port', true);
      const r = await post(info.port as number, JSON.stringify({ text: '#1 회의록' }));
      expect(r.status).toBe(200);
      expect(r.type).toMatch(/^text\/event-stream/);
      const pieces = [...r.text.matchAll(/event: text\ndata: (\{.*\})\n\n/g)].map((m) => (JSON.parse(m[1]!) as { text: string }).text);
      expect(pieces.join('')).toBe('회의 요약입니다');
      expect(r.text).toMatch(/event: done\ndata: \{.*\}\n\n$/);
    },
    60_000,
  );
});
