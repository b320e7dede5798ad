/**
 * The sign-in dialog: GET /auth/dialog.html and its script /auth/dialog.js
 * (addin/src/auth-dialog/dialog.ts, built by webpack into dist/auth/dialog.js; no inline
 * script — the CSP forbids it).
 *
 * The page runs the OIDC authorization-code flow with PKCE (S256) against the
 * organisation's IdP as a public client (OIDC_CLIENT_ID), with the redirect URI
 * `<PUBLIC_URL>/auth/dialog.html`, exchanges the code at the token endpoint from the
 * browser, and hands the access token to the pane: Office.context.ui.messageParent in
 * an Office dialog, window.opener.postMessage (same origin only) in the standalone page.
 * The endpoints come from the issuer's discovery document, fetched here (the page's
 * CSP allows connect-src only to 'self' and the token endpoint's origin).
 *
 * Served only when AUTH_MODE=oidc and OIDC_CLIENT_ID is set; otherwise 404 JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import type { Config } from '../config';
import { errorBody } from '../errors';
import { PROJECT_ROOT } from '../paths';
import { cspDirectives } from '../security/headers';
import { officeJsUrl } from '../static';
import { createOidcDiscovery, type OidcEndpoints } from '../auth/discovery';
import { requestLog } from '../observability/http-log';

export const AUTH_DIALOG_PATH = '/auth/dialog.html';
/** The built script (webpack's auth-dialog entry; outside dist/addin, which is served to anyone). */
export const AUTH_DIALOG_SCRIPT = path.join(PROJECT_ROOT, 'dist', 'auth', 'dialog.js');

export interface AuthDialogOptions {
  /** Discovery (tests); defaults to the issuer's /.well-known/openid-configuration. */
  discover?: () => Promise<OidcEndpoints>;
}

/** Whether the relay serves the sign-in dialog (for /api/health's `oidcDialog`). */
export function authDialogEnabled(config: Pick<Config, 'auth'>): boolean {
  return config.auth.mode === 'oidc' && !!config.auth.oidc?.clientId;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cspHeader(config: Config, tokenEndpoint: string): string {
  // Opened by the pane as a dialog, never framed by Office: framed by this origin only, like the other pages.
  const d = cspDirectives(config, false);
  d['connect-src'] = ["'self'", new URL(tokenEndpoint).origin];
  return Object.entries(d)
    .map(([k, v]) => (v.length ? `${k} ${v.join(' ')}` : k))
    .join('; ');
}

function page(config: Config, ep: OidcEndpoints): string {
  const oidc = config.auth.oidc!;
  const office = officeJsUrl(config);
  const officeSrc = office.startsWith('/') ? `..${office}` : office;
  const data: Record<string, string> = {
    'authorization-endpoint': ep.authorizationEndpoint,
    'token-endpoint': ep.tokenEndpoint,
    'client-id': oidc.clientId!,
    scope: (oidc.scopes ?? ['openid', 'profile']).join(' '),
    'redirect-uri': `${config.PUBLIC_URL}${AUTH_DIALOG_PATH}`,
  };
  const attrs = Object.entries(data)
    .map(([k, v]) => `data-${k}="${escapeAttr(v)}"`)
    .join(' ');
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Sseugi — 로그인 / Sign in</title>
<script src="${escapeAttr(officeSrc)}"></script>
<script src="dialog.js" defer></script>
<style>body{font-family:"Segoe UI","Malgun Gothic",system-ui,sans-serif;margin:2rem;color:#242424}</style>
</head>
<body id="sseugi-auth" ${attrs}>
<p id="status" role="status">로그인 중… / Signing in…</p>
</body>
</html>
`;
}

export function authDialogRouter(config: Config, opts: AuthDialogOptions = {}): Router {
  const router = Router();
  const enabled = authDialogEnabled(config);
  const notServed = (_req: Request, res: Response) => {
    res.status(404).json(errorBody('NOT_FOUND', 'The sign-in dialog is served only with AUTH_MODE=oidc and OIDC_CLIENT_ID.'));
  };
  if (!enabled) {
    router.get([AUTH_DIALOG_PATH, '/auth/dialog.js'], notServed);
    return router;
  }
  const discover = opts.discover ?? createOidcDiscovery(config.auth.oidc!.issuer);
  let script: string | undefined;

  router.get(AUTH_DIALOG_PATH, async (req, res) => {
    let ep: OidcEndpoints;
    try {
      ep = await discover();
    } catch (err) {
      requestLog(req)?.warn({ auth: { reason: (err as Error)?.message } }, 'OIDC discovery failed');
      res
        .status(503)
        .set('cache-control', 'no-store')
        .json(errorBody('AUTH_UNAVAILABLE', 'The sign-in service cannot be reached right now.'));
      return;
    }
    res
      .status(200)
      .type('html')
      .set('cache-control', 'no-store')
      .set('content-security-policy', cspHeader(config, ep.tokenEndpoint))
      .send(page(config, ep));
  });

  router.get('/auth/dialog.js', (_req, res) => {
    script ??= readFileSync(AUTH_DIALOG_SCRIPT, 'utf8');
    res.type('application/javascript').set('cache-control', 'no-cache').send(script);
  });
  return router;
}
