/** GET /manifest.xml: the add-in manifest carrying this relay's public origin. */
import { Router } from 'express';
import type { Config } from '../config';
import { renderManifest } from '../../manifest/generate';

export function manifestRouter(config: Config): Router {
  const router = Router();
  const xml = renderManifest({ origin: config.PUBLIC_URL });
  router.get('/manifest.xml', (_req, res) => {
    res.type('application/xml').set('cache-control', 'no-cache').send(xml);
  });
  return router;
}
