/**
 * Sseugi sign-in dialog, built by webpack as its own entry (dist/auth/dialog.js) and
 * served as /auth/dialog.js by the relay (server/routes/auth-dialog.ts). A page of its
 * own, outside the pane: like the Word adapter (addin/src/host/), it talks to Office.js
 * directly, and only to hand the token to the pane.
 *
 * OIDC authorization code flow with PKCE (RFC 7636, S256) as a public client:
 *   1st load: make state + code_verifier (kept in sessionStorage of this window only —
 *             they are not tokens), go to the IdP's authorization endpoint.
 *   back with ?code&state: check state, POST the code + verifier to the token endpoint,
 *             hand the access token to the pane, forget the verifier.
 *   back with ?error: hand the error to the pane.
 * The token goes to the pane only: Office.context.ui.messageParent inside an Office
 * dialog, else window.opener.postMessage to this page's own origin (standalone page).
 * Tokens are never written to any storage.
 */

const TYPE = 'sseugi-auth';
const KEY = 'sseugi-auth-pkce';
/** How long to wait for Office.onReady before treating the page as a plain browser window. */
const OFFICE_READY_TIMEOUT_MS = 3000;

/** What the dialog hands to the pane (read by addin/src/host/WordHost.ts and api/credentials.ts). */
type DialogMessage = { type: typeof TYPE; accessToken: string } | { type: typeof TYPE; error: string };

interface DialogConfig {
  authorizationEndpoint: string | null;
  tokenEndpoint: string | null;
  clientId: string | null;
  scope: string | null;
  redirectUri: string | null;
}

/** The PKCE values kept between the two loads of this page. */
interface SavedPkce {
  verifier?: string;
  state?: string;
}

interface TokenResponse {
  access_token?: unknown;
  error?: string;
  error_description?: string;
}

function readConfig(body: HTMLElement): DialogConfig {
  return {
    authorizationEndpoint: body.getAttribute('data-authorization-endpoint'),
    tokenEndpoint: body.getAttribute('data-token-endpoint'),
    clientId: body.getAttribute('data-client-id'),
    scope: body.getAttribute('data-scope'),
    redirectUri: body.getAttribute('data-redirect-uri'),
  };
}

const cfg = readConfig(document.body);

function status(text: string): void {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
}

function b64url(bytes: Uint8Array): string {
  let s = '';
  for (const byte of bytes) s += String.fromCharCode(byte);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(n: number): string {
  const a = new Uint8Array(n);
  crypto.getRandomValues(a);
  return b64url(a);
}

/** Resolves true inside an Office dialog, false in a plain browser window (or without office.js). */
function officeReady(): Promise<boolean> {
  return new Promise((resolve) => {
    if (typeof Office === 'undefined' || !Office.onReady) {
      resolve(false);
      return;
    }
    let done = false;
    const timer = setTimeout(() => {
      if (!done) {
        done = true;
        resolve(false);
      }
    }, OFFICE_READY_TIMEOUT_MS);
    void Office.onReady((info) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(!!info?.host && !!Office.context?.ui?.messageParent);
    });
  });
}

async function send(msg: DialogMessage): Promise<void> {
  const text = JSON.stringify(msg);
  if (await officeReady()) {
    Office.context.ui.messageParent(text);
    return;
  }
  if (window.opener && !(window.opener as Window).closed) {
    (window.opener as Window).postMessage(msg, window.location.origin);
    window.close();
    return;
  }
  status('error' in msg ? 'Sign-in failed: ' + msg.error : 'Signed in. You can close this window. / 로그인했습니다. 이 창을 닫으세요.');
}

function fail(text: string): Promise<void> {
  status('로그인 실패 / Sign-in failed: ' + text);
  return send({ type: TYPE, error: text });
}

async function start(authorizationEndpoint: string, clientId: string, redirectUri: string): Promise<void> {
  const verifier = random(32);
  const state = random(16);
  const nonce = random(16);
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem(KEY, JSON.stringify({ verifier, state }));
  const u = new URL(authorizationEndpoint);
  const p = u.searchParams;
  p.set('response_type', 'code');
  p.set('client_id', clientId);
  p.set('redirect_uri', redirectUri);
  p.set('scope', cfg.scope ?? '');
  p.set('state', state);
  p.set('nonce', nonce);
  p.set('code_challenge', b64url(new Uint8Array(hash)));
  p.set('code_challenge_method', 'S256');
  window.location.assign(u.href);
}

/** The PKCE values saved by start(), removed as they are read (each is good for one exchange). */
function takeSavedPkce(): SavedPkce | null {
  let saved: SavedPkce | null;
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY) || 'null') as SavedPkce | null;
  } catch {
    saved = null;
  }
  sessionStorage.removeItem(KEY);
  return saved;
}

async function exchange(tokenEndpoint: string, form: URLSearchParams): Promise<string> {
  const res = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
    credentials: 'omit',
    cache: 'no-store',
  });
  const j = (await res.json()) as TokenResponse | null;
  if (!res.ok || !j || typeof j.access_token !== 'string') {
    throw new Error(j?.error_description || j?.error || 'HTTP ' + res.status);
  }
  return j.access_token;
}

async function finish(params: URLSearchParams, tokenEndpoint: string, clientId: string, redirectUri: string): Promise<void> {
  const saved = takeSavedPkce();
  // Drop the code from the address bar and history.
  history.replaceState(null, '', window.location.pathname);
  if (!saved?.verifier || saved.state !== params.get('state')) {
    return fail('state mismatch; start again');
  }
  const form = new URLSearchParams();
  form.set('grant_type', 'authorization_code');
  form.set('code', params.get('code') ?? '');
  form.set('redirect_uri', redirectUri);
  form.set('client_id', clientId);
  form.set('code_verifier', saved.verifier);
  const token = await exchange(tokenEndpoint, form);
  status('로그인했습니다 / Signed in');
  return send({ type: TYPE, accessToken: token });
}

function main(): Promise<void> {
  const { authorizationEndpoint, tokenEndpoint, clientId, redirectUri } = cfg;
  if (!authorizationEndpoint || !tokenEndpoint || !clientId || !redirectUri) {
    return fail('the sign-in page is not configured');
  }
  if (!window.crypto || !crypto.subtle || !window.URLSearchParams || !window.TextEncoder) {
    return fail('this browser cannot sign in (no Web Crypto)');
  }
  const params = new URLSearchParams(window.location.search);
  if (params.get('error')) {
    history.replaceState(null, '', window.location.pathname);
    return fail(String(params.get('error_description') || params.get('error')).slice(0, 300));
  }
  if (params.get('code')) return finish(params, tokenEndpoint, clientId, redirectUri);
  return start(authorizationEndpoint, clientId, redirectUri);
}

Promise.resolve()
  .then(main)
  .catch((err: unknown) => fail((err as Error | undefined)?.message || 'unexpected error'));

// A module, not a global script (isolatedModules); webpack bundles it as its own entry.
export {};
