/** The relay's Express application: pages, manifest and the API under /api/. */
import express from 'express';
import type { RelayContext } from './context';
import { errorHandler, notFound } from './errors';
import { healthRouter } from './routes/health';
import { summarizeRouter } from './routes/summarize';
import { proofreadRouter } from './routes/proofread';
import { generateRouter } from './routes/generate';
import { manifestRouter } from './routes/manifest';
import { staticRouter } from './static';

export function createApp(ctx: RelayContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  const api = express.Router();
  api.use(express.json({ limit: ctx.config.MAX_BODY_BYTES, type: 'application/json' }));
  api.use(healthRouter(ctx));
  api.use(summarizeRouter(ctx));
  api.use(proofreadRouter(ctx));
  api.use(generateRouter(ctx));
  api.use(notFound);

  app.use('/api', api);
  app.use(manifestRouter(ctx.config));
  app.use(staticRouter(ctx.config));
  app.use(errorHandler((err) => ctx.log.error({ err: err instanceof Error ? { name: err.name, stack: err.stack } : String(err) }, 'unhandled error')));
  return app;
}
