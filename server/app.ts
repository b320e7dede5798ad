/** The relay's Express application: pages, manifest and the API under /api/. */
import express from 'express';
import type { RelayContext } from './context';
import { errorHandler, notFound } from './errors';
import { healthRouter } from './routes/health';
import { summarizeRouter } from './routes/summarize';
import { proofreadRouter } from './routes/proofread';
import { generateRouter } from './routes/generate';
import { documentRouter } from './routes/document';
import { manifestRouter } from './routes/manifest';
import { authDialogRouter } from './routes/auth-dialog';
import { staticRouter } from './static';
import { createAuthMiddleware } from './auth/middleware';
import { createRateLimit, createAuthFailureLimit } from './limits/rate-limit';
import { paragraphLimits } from './limits/paragraphs';
import { createHttpLogger, safeError } from './observability/http-log';
import { apiResourcePolicy, securityHeaders } from './security/headers';
import { cors } from './security/cors';
import { getRedis } from './store/client';

export function createApp(ctx: RelayContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(ctx.metrics.http);
  app.use(createHttpLogger(ctx.log));
  app.use(securityHeaders(ctx.config));

  const auth = createAuthMiddleware(ctx.config.auth);
  const api = express.Router();
  api.use(apiResourcePolicy);
  api.use(cors(ctx.config.CORS_ORIGINS));
  // Failed credentials are limited per IP before any check (health included), so guessing
  // keys or tokens cannot make the relay run scrypt or JWT checks without bound.
  api.use(
    createAuthFailureLimit({
      perMinute: ctx.config.AUTH_FAILURES_PER_MIN,
      enabled: ctx.config.auth.mode !== 'none',
      onLimited: ctx.metrics.rateLimited,
    }),
  );
  // Health is public; with a credential presented it is checked and the answer has details.
  api.get('/health', (req, res, next) => (req.headers.authorization || req.headers['x-api-key'] || ctx.config.auth.mode === 'none' ? auth(req, res, next) : next()));
  api.use(healthRouter(ctx));
  // Everything below needs a principal (AUTH_MODE), then passes the per-user rate limit.
  api.use(auth);
  api.use(
    createRateLimit({
      perMinute: ctx.config.RATE_LIMIT_PER_MIN,
      redis: getRedis(ctx.config),
      log: ctx.log,
      onLimited: ctx.metrics.rateLimited,
    }),
  );
  // Files (.hwpx/.hwp/.docx) parse their own, larger bodies: mounted before the JSON parser.
  api.use(documentRouter(ctx));
  api.use(express.json({ limit: ctx.config.MAX_BODY_BYTES, type: 'application/json' }));
  api.use(['/proofread', '/doctype'], paragraphLimits(ctx.config));
  // Carries a `ctx.gate.reserve()` slot to the request's first model call; keep last before the routes.
  api.use(ctx.gate.scope());
  api.use(summarizeRouter(ctx));
  api.use(proofreadRouter(ctx));
  api.use(generateRouter(ctx));
  api.use(notFound);

  app.use('/api', api);
  app.use(manifestRouter(ctx.config));
  app.use(authDialogRouter(ctx.config));
  app.use(staticRouter(ctx.config));
  app.use(errorHandler((err) => ctx.log.error({ err: safeError(err) }, 'unhandled error')));
  return app;
}
