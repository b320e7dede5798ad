/**
 * bench:relay-layers, layer 3: the relay's own summarize route (validation, prompt, token
 * estimate, model gate, pool, model client, SSE, audit) behind `express.json()` only — none
 * of the relay's middleware (metrics, access log, security headers, CORS, authentication,
 * rate limit, strict body). Its cost above layer 2 is the route's; the full relay's cost
 * above this is the middleware's.
 */
import express from 'express';
import https from 'node:https';
import { loadConfig } from '../../../server/config';
import { loadTls } from '../../../server/tls';
import { createContext, createLogger } from '../../../server/relay';
import { summarizeRouter } from '../../../server/routes/summarize';
import { answerIpc } from '../child-ipc';

void (async () => {
  const config = loadConfig(process.env);
  const tls = await loadTls(config, process.env.BENCH_CERT_DIR);
  const ctx = createContext(config, createLogger(config));
  const api = express.Router();
  api.use(express.json());
  api.use(ctx.gate.scope());
  api.use(summarizeRouter(ctx));
  const app = express();
  app.use('/api', api);
  app.get('/manifest.xml', (_req, res) => void res.end('ok'));
  const server = https.createServer({ cert: tls.cert, key: tls.key }, app);
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
    answerIpc();
    process.stdout.write(JSON.stringify({ port: (server.address() as { port: number }).port }) + '\n');
  });
})();
