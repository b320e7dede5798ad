/**
 * The production build writes source maps next to the bundles (webpack devtool
 * 'source-map'); they show the pane's full source. Not served unless
 * SERVE_SOURCE_MAPS=1 (e.g. for debugging a deployment): 404 like any unknown file.
 */
import type { RequestHandler } from 'express';
import type { Config } from '../config';

export function sourceMapGuard(config: Pick<Config, 'SERVE_SOURCE_MAPS'>): RequestHandler {
  if (config.SERVE_SOURCE_MAPS) return (_req, _res, next) => next();
  return (req, res, next) => {
    if (/\.map$/i.test(req.path)) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    next();
  };
}
