/**
 * bench:relay-layers, layer 3: the relay's own summarize route (validation, prompt, token
 * estimate, model gate, pool, model client, SSE, audit) behind `express.json()` only — none
 * of the relay's middleware (metrics, access log, security headers, CORS, authentication,
 * rate limit, strict body). Its cost above layer 2 is the route's; the full relay's cost
 * above this is the middleware's.
 */
import express from 'express';
import { loadConfig } from '../../../server/config';
import { createContext, createLogger } from '../../../server/relay';
import { summarizeRouter } from '../../../server/routes/summarize';
import { serveLayer } from '../child-ipc';

const config = loadConfig(process.env);
const ctx = createContext(config, createLogger(config));
const api = express.Router();
api.use(express.json());
api.use(ctx.gate.scope());
api.use(summarizeRouter(ctx));
const app = express();
app.use('/api', api);
app.get('/manifest.xml', (_req, res) => void res.end('ok'));
void serveLayer(app);
