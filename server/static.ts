/**
 * The relay's pages and files: the standalone page at `/`, the task pane at
 * `/taskpane.html` (with Office.js from the local package or Microsoft's CDN),
 * Office.js itself under `/office-js/`, icons under `/assets/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import type { Config } from './config';
import { ADDIN_DIST, ASSETS_DIR, officeJsDir } from './paths';

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_PLACEHOLDER = '%OFFICE_JS_URL%';

export function officeJsUrl(config: Config): string {
  return config.OFFICE_JS_SOURCE === 'cdn' ? OFFICE_JS_CDN : '/office-js/office.js';
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
  router.use('/office-js', express.static(officeJsDir(), { maxAge: '1d', index: false, fallthrough: false }));
  router.use('/assets', express.static(ASSETS_DIR, { maxAge: '1d', index: false }));
  // Browsers ask for /favicon.ico whatever the page links: answer with the icon, not a logged 404.
  router.get('/favicon.ico', (_req, res) => res.type('png').set('cache-control', 'max-age=86400').sendFile(path.join(ASSETS_DIR, 'icon-32.png')));
  router.use(express.static(ADDIN_DIST, { index: false, maxAge: '1h' }));
  return router;
}
