/**
 * bench:relay-layers, layer 2: the floor's work (bench/lib/layers/node-floor.ts) inside
 * Express — `express.json()` and one route — so its cost above the floor is Express's own.
 */
import express from 'express';
import https from 'node:https';
import { loadConfig } from '../../../server/config';
import { loadTls } from '../../../server/tls';
import { answerIpc } from '../child-ipc';
import { streamSummary } from './node-floor';

void (async () => {
  const tls = await loadTls(loadConfig(process.env), process.env.BENCH_CERT_DIR);
  const app = express();
  app.use(express.json());
  app.post('/api/summarize', (req, res) => streamSummary((req.body as { text: string }).text, res));
  app.get('/manifest.xml', (_req, res) => void res.end('ok'));
  const server = https.createServer({ cert: tls.cert, key: tls.key }, app);
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
    answerIpc();
    process.stdout.write(JSON.stringify({ port: (server.address() as { port: number }).port }) + '\n');
  });
})();
