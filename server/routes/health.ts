/** GET /api/health: relay version and whether the model server answers. */
import { Router } from 'express';
import type { RelayContext } from '../context';
import { getPrincipal } from '../auth/middleware';

export function healthRouter(ctx: RelayContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const model = await ctx.probeModel();
    const status = model.reachable ? 'ok' : 'degraded';
    // Without a credential (when AUTH_MODE is not none) only status, version and reachability:
    // model names, upstream URLs and errors are for authenticated callers.
    if (!getPrincipal(res)) {
      res.set('cache-control', 'no-store').json({ status, version: ctx.version, model: { reachable: model.reachable } });
      return;
    }
    res.set('cache-control', 'no-store').json({ status, version: ctx.version, model });
  });
  return router;
}
