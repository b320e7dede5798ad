/** GET /api/health: relay version, whether the model server answers, and how to sign in (auth, oidcDialog). */
import { Router } from 'express';
import type { RelayContext } from '../context';
import { getPrincipal } from '../auth/middleware';
import { authDialogEnabled } from './auth-dialog';
import { officeJsStatus } from '../officejs';

export function healthRouter(ctx: RelayContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const model = await ctx.probeModel();
    const status = model.reachable ? 'ok' : 'degraded';
    // How the pane should authenticate: the mode, and whether /auth/dialog.html signs in (OIDC).
    const auth = { auth: ctx.config.auth.mode, oidcDialog: authDialogEnabled(ctx.config) };
    // Without a credential (when AUTH_MODE is not none) only status, version and reachability:
    // model names, upstream URLs and errors are for authenticated callers.
    if (!getPrincipal(res)) {
      res.set('cache-control', 'no-store').json({ status, version: ctx.version, ...auth, model: { reachable: model.reachable } });
      return;
    }
    // Which Office.js the pane loads (CDN, or a mirror and its date): for admins, with the details.
    res.set('cache-control', 'no-store').json({ status, version: ctx.version, ...auth, model, officeJs: officeJsStatus(ctx.config) });
  });
  return router;
}
