/** The relay's Express application: pages, manifest and the API under /api/. */
import express from 'express';
import type { RelayContext } from './context';
import { errorHandler, notFound } from './errors';
import { healthRouter } from './routes/health';
import { summarizeRouter } from './routes/summarize';
import { proofreadRouter } from './routes/proofread';
import { generateRouter } from './routes/generate';
import { doctypeRouter } from './routes/doctype';
import { documentRouter } from './routes/document';
import { manifestRouter } from './routes/manifest';
import { authDialogRouter } from './routes/auth-dialog';
import { staticRouter } from './static';
import { createAuthMiddleware } from './auth/middleware';
import { createRateLimit } from './limits/rate-limit';
import { createAuthFailureTracker } from './limits/auth-failures';
import { strictJsonBody } from './security/body';
import { sourceMapGuard } from './security/source-maps';
import { paragraphLimits } from './limits/paragraphs';
import { createHttpLogger, safeError } from './observability/http-log';
import { apiResourcePolicy, securityHeaders } from './security/headers';
import { cors } from './security/cors';
import { getRedis } from './store/client';

export function createApp(ctx: RelayContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // TRUST_PROXY: the proxies whose X-Forwarded-For names the client (false: none).
  app.set('trust proxy', ctx.config.TRUST_PROXY);
  app.use(ctx.metrics.http);
  app.use(createHttpLogger(ctx.log));
  app.use(securityHeaders(ctx.config));

  // Refused credentials count per client address (only where a 401 is sent; a valid credential always passes).
  const failures = createAuthFailureTracker({
    perMinute: ctx.config.auth.mode === 'none' ? 0 : ctx.config.AUTH_FAILURES_PER_MIN,
    onLimited: ctx.metrics.rateLimited,
  });
  const auth = createAuthMiddleware(ctx.config.auth, { failures });
  const api = express.Router();
  api.use(apiResourcePolicy);
  // Answers real CORS preflights (the only requests that skip authentication).
  api.use(cors(ctx.config.CORS_ORIGINS));
  // Health is public; with a credential presented it is checked and the answer has details.
  api.get('/health', (req, res, next) =>
    req.headers.authorization || req.headers['x-api-key'] || ctx.config.auth.mode === 'none' ? auth(req, res, next) : next(),
  );
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
  // Files (.hwpx/.hwp/.docx) parse their own, larger bodies (after authentication): mounted before the JSON parser.
  api.use(documentRouter(ctx));
  // Bodies are read only after authentication, only for POST, strictly UTF-8.
  api.use(strictJsonBody(ctx.config.MAX_BODY_BYTES));
  api.use(['/proofread', '/doctype'], paragraphLimits(ctx.config));
  // Carries a `ctx.gate.reserve()` slot to the request's first model call; keep last before the routes.
  api.use(ctx.gate.scope());
  api.use(summarizeRouter(ctx));
  api.use(proofreadRouter(ctx));
  api.use(generateRouter(ctx));
  api.use(doctypeRouter(ctx));
  api.use(notFound);

  app.use('/api', api);
  app.use(manifestRouter(ctx.config));
  app.use(authDialogRouter(ctx.config));
  app.use(sourceMapGuard(ctx.config));
  app.use(staticRouter(ctx.config));
  app.use(errorHandler((err) => ctx.log.error({ err: safeError(err) }, 'unhandled error')));
  return app;
}
