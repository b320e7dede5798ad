/** GET /api/health: relay version and whether the model server answers. */
import { Router } from 'express';
import type { RelayContext } from '../context';

export function healthRouter(ctx: RelayContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const model = await ctx.probeModel();
    res.set('cache-control', 'no-store').json({ status: model.reachable ? 'ok' : 'degraded', version: ctx.version, model });
  });
  return router;
}
