/**
 * The relay's pages and files: the standalone page at `/`, the task pane at
 * `/taskpane.html` (with Office.js from Microsoft's CDN, or from a mirror under
 * `/office-js/` when OFFICE_JS_DIR is set — server/officejs.ts), icons under `/assets/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import type { Config } from './config';
import { OFFICE_JS_MIRROR_PATH, officeJsStatus } from './officejs';
import { ADDIN_DIST, ASSETS_DIR } from './paths';

export { OFFICE_JS_CDN } from './officejs';
const OFFICE_JS_PLACEHOLDER = '%OFFICE_JS_URL%';

/** The office.js URL pages load: the CDN's (absolute), or the mirror's (relative to this origin). */
export function officeJsUrl(config: Pick<Config, 'OFFICE_JS_DIR'>): string {
  return officeJsStatus(config).url;
}

function readPage(name: string): string {
  const file = path.join(ADDIN_DIST, name);
  if (!existsSync(file)) {
    return `<!doctype html><meta charset="utf-8"><title>Sseugi</title><p>The task pane is not built. Run <code>npm run build</code>. / 작업창이 빌드되지 않았습니다. <code>npm run build</code>를 실행하세요.</p>`;
  }
  return readFileSync(file, 'utf8');
}

export function staticRouter(config: Config): Router {
  const router = Router();
  const taskpane = readPage('taskpane.html').replace(OFFICE_JS_PLACEHOLDER, officeJsUrl(config));
  const standalone = readPage('index.html');
  const html = (body: string) => (_req: express.Request, res: express.Response) => {
    res.type('html').set('cache-control', 'no-cache').send(body);
  };
  router.get(['/', '/index.html'], html(standalone));
  router.get('/taskpane.html', html(taskpane));
  if (config.OFFICE_JS_DIR) {
    router.use(
      OFFICE_JS_MIRROR_PATH,
      express.static(config.OFFICE_JS_DIR, { maxAge: '1d', index: false, fallthrough: false, dotfiles: 'deny' }),
    );
  }
  router.use('/assets', express.static(ASSETS_DIR, { maxAge: '1d', index: false }));
  // Browsers ask for /favicon.ico whatever the page links: answer with the icon, not a logged 404.
  router.get('/favicon.ico', (_req, res) =>
    res.type('png').set('cache-control', 'max-age=86400').sendFile(path.join(ASSETS_DIR, 'icon-32.png')),
  );
  router.use(express.static(ADDIN_DIST, { index: false, maxAge: '1h' }));
  return router;
}
