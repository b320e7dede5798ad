/**
 * The pane's credential for the relay, kept in memory for this session only: never
 * written to localStorage, sessionStorage, document settings or anywhere else. Requests
 * get it as `Authorization: Bearer …` through api/client's credential provider.
 *
 * How, depends on the relay's AUTH_MODE (learned once from the public GET /api/health:
 * `auth: 'none'|'apikey'|'oidc'`, `oidcDialog: boolean`):
 *   none / apikey  the API key typed in Settings (as before).
 *   oidc           an access token:
 *     in Word      Office SSO first (host.getSsoToken); when SSO is unavailable here
 *                  (null), the relay's sign-in dialog (host.openAuthDialog) — opened
 *                  automatically once per session; after a failed or closed dialog only
 *                  an explicit signIn() opens it again.
 *     standalone   no SSO: the dialog page in a pop-up window, which posts the token
 *                  back with window.postMessage (same origin only).
 *   The token is reused until 60 s before its `exp` (read from the JWT payload without
 *   verifying it — the relay verifies). invalidateToken() (on 401 AUTH_EXPIRED /
 *   AUTH_INVALID, see withAuthRetry) drops it so the next request gets a fresh one.
 *
 * The Word host registers itself with setSignInHost(host) (main.tsx); this module never
 * touches Office.js.
 */
import { RelayError, setAuthRetry, setCredentialProvider } from './client';
import { AuthDialogError, parseDialogMessage } from '../host/sso';

// ------------------------------------------------------------------ API key

let apiKey = '';
const listeners = new Set<() => void>();

export function getApiKey(): string {
  return apiKey;
}

export function setApiKey(key: string): void {
  apiKey = key.trim();
  for (const l of listeners) l();
}

export function onApiKeyChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

// ------------------------------------------------------------------ sign-in (OIDC)

export type RelayAuthMode = 'none' | 'apikey' | 'oidc';

export interface RelayAuthInfo {
  auth: RelayAuthMode;
  oidcDialog: boolean;
}

/** What the Word host offers (WordHost implements both). */
export interface SignInHost {
  getSsoToken(): Promise<string | null>;
  openAuthDialog(url: string): Promise<string>;
}

export const AUTH_DIALOG_PATH = '/auth/dialog.html';
/** Refresh this long before `exp`. */
export const TOKEN_EXPIRY_MARGIN_MS = 60_000;

/** The `exp` claim (seconds) of a JWT, read without verification; undefined when absent or unreadable. */
export function jwtExp(token: string): number | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
    const bin = atob(padded);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes)) as { exp?: unknown };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp : undefined;
  } catch {
    return undefined;
  }
}

export interface CredentialDeps {
  /** GET /api/health (public part); rejects when the relay cannot be reached. */
  fetchAuthInfo: () => Promise<RelayAuthInfo>;
  /** The Word host, or null in the standalone page. */
  signInHost: () => SignInHost | null;
  /** Standalone: open the dialog page in a pop-up and resolve with the token it posts. */
  openPopup: (url: string) => Promise<string>;
  /** Absolute URL of the dialog page. */
  dialogUrl: () => string;
  apiKey: () => string;
  now?: () => number;
}

export interface CredentialManager {
  headers(): Promise<Record<string, string>>;
  /** Interactive sign-in (a button): opens the dialog even after an earlier one was closed. */
  signIn(): Promise<string | null>;
  /** Drops the cached token (the relay said it expired or is invalid). */
  invalidateToken(): void;
  /** Forgets everything: token, relay mode, SSO/dialog state. */
  reset(): void;
  /** Relay's mode, once known. */
  mode(): RelayAuthMode | undefined;
}

export function createCredentialManager(deps: CredentialDeps): CredentialManager {
  const now = deps.now ?? (() => Date.now());
  let info: Promise<RelayAuthInfo> | null = null;
  let known: RelayAuthInfo | undefined;
  let cached: { token: string; expiresAt: number } | null = null;
  let inflight: Promise<string | null> | null = null;
  let ssoUnavailable = false;
  let dialogOpened = false;
  let dialogFailed = false;

  const authInfo = (): Promise<RelayAuthInfo> => {
    info ??= deps.fetchAuthInfo().then(
      (i) => (known = i),
      (err: unknown) => {
        info = null; // try again on the next request
        throw err;
      },
    );
    return info;
  };

  const keep = (token: string): string => {
    const exp = jwtExp(token);
    // Without exp the relay refuses the token anyway; use it once, do not cache.
    cached = exp !== undefined ? { token, expiresAt: exp * 1000 - TOKEN_EXPIRY_MARGIN_MS } : null;
    return token;
  };

  const dialog = async (i: RelayAuthInfo, interactive: boolean): Promise<string | null> => {
    if (!i.oidcDialog) return null;
    // Automatically once per session; again after a success (the token expired), or when asked.
    if (!interactive && dialogOpened && dialogFailed) return null;
    dialogOpened = true;
    try {
      const host = deps.signInHost();
      const token = host ? await host.openAuthDialog(deps.dialogUrl()) : await deps.openPopup(deps.dialogUrl());
      dialogFailed = false;
      return token;
    } catch (err) {
      dialogFailed = true;
      throw err;
    }
  };

  const acquire = async (interactive: boolean): Promise<string | null> => {
    const i = await authInfo();
    if (i.auth !== 'oidc') return null;
    const host = deps.signInHost();
    if (host && !ssoUnavailable) {
      const sso = await host.getSsoToken(); // SsoError (cancelled, busy, …) propagates
      if (sso) return keep(sso);
      ssoUnavailable = true; // SSO is not configured/available here: use the dialog from now on
    }
    const token = await dialog(i, interactive);
    return token ? keep(token) : null;
  };

  const token = (interactive: boolean): Promise<string | null> => {
    if (cached && now() < cached.expiresAt) return Promise.resolve(cached.token);
    inflight ??= acquire(interactive).finally(() => {
      inflight = null;
    });
    return inflight;
  };

  const apiKeyHeaders = (): Record<string, string> => {
    const key = deps.apiKey();
    return key ? { authorization: `Bearer ${key}` } : {};
  };

  return {
    async headers() {
      let i: RelayAuthInfo;
      try {
        i = await authInfo();
      } catch {
        return apiKeyHeaders(); // relay unknown: behave as before
      }
      if (i.auth !== 'oidc') return apiKeyHeaders();
      const t = await token(false);
      return t ? { authorization: `Bearer ${t}` } : {};
    },
    async signIn() {
      cached = null;
      dialogFailed = false;
      return token(true);
    },
    invalidateToken() {
      cached = null;
    },
    reset() {
      info = null;
      known = undefined;
      cached = null;
      ssoUnavailable = false;
      dialogOpened = false;
      dialogFailed = false;
    },
    mode: () => known?.auth,
  };
}

// ------------------------------------------------------------------ browser defaults

async function fetchAuthInfo(): Promise<RelayAuthInfo> {
  const res = await fetch('/api/health', { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
  if (!res.ok) throw new Error(`health ${res.status}`);
  const body = (await res.json()) as { auth?: unknown; oidcDialog?: unknown };
  const auth: RelayAuthMode = body.auth === 'oidc' || body.auth === 'apikey' || body.auth === 'none' ? body.auth : 'apikey';
  return { auth, oidcDialog: body.oidcDialog === true };
}

/**
 * Standalone page: the dialog in a pop-up window; the page posts `{type:'sseugi-auth', …}`
 * to window.opener with this origin as the target, and only messages from that window and
 * this origin are read.
 */
export function openAuthPopup(url: string, win: Window = window): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const popup = win.open(url, 'sseugi-signin', 'popup,width=480,height=640');
    if (!popup) {
      reject(new AuthDialogError(12011));
      return;
    }
    const origin = win.location.origin;
    const cleanup = () => {
      win.removeEventListener('message', onMessage);
      clearInterval(timer);
    };
    const onMessage = (e: MessageEvent) => {
      if (e.source !== popup || e.origin !== origin) return;
      const msg = parseDialogMessage(e.data, e.origin, origin);
      if (!msg) return;
      cleanup();
      if (msg.ok) resolve(msg.token);
      else reject(new AuthDialogError(0, msg.error, 'signin-failed'));
    };
    const timer = setInterval(() => {
      if (popup.closed) {
        cleanup();
        reject(new AuthDialogError(12006));
      }
    }, 500);
    win.addEventListener('message', onMessage);
  });
}

let signInHost: SignInHost | null = null;

/** Called by main.tsx with the WordHost (Office SSO + Office dialog); null for the standalone page. */
export function setSignInHost(host: SignInHost | null): void {
  signInHost = host;
}

const manager = createCredentialManager({
  fetchAuthInfo,
  signInHost: () => signInHost,
  openPopup: (url) => openAuthPopup(url),
  dialogUrl: () => new URL(`.${AUTH_DIALOG_PATH}`, window.location.href).href,
  apiKey: () => apiKey,
});

/** Headers for a request (empty without a credential). */
export async function credentialHeaders(): Promise<Record<string, string>> {
  return manager.headers();
}

export const signIn = (): Promise<string | null> => manager.signIn();
export const invalidateToken = (): void => manager.invalidateToken();
export const relayAuthMode = (): RelayAuthMode | undefined => manager.mode();

/** Whether an error means "the token was refused": drop it and ask once more. */
export function isTokenRefused(err: unknown): boolean {
  return err instanceof RelayError && err.status === 401 && (err.code === 'AUTH_EXPIRED' || err.code === 'AUTH_INVALID');
}

/**
 * Runs a relay call; when it fails with 401 AUTH_EXPIRED (or AUTH_INVALID) under OIDC,
 * drops the cached token and runs it once more (with a fresh token).
 */
export async function withAuthRetry<T>(
  call: () => Promise<T>,
  m: Pick<CredentialManager, 'invalidateToken' | 'mode'> = manager,
): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (m.mode() !== 'oidc' || !isTokenRefused(err)) throw err;
    m.invalidateToken();
    return call();
  }
}

setCredentialProvider(credentialHeaders);
setAuthRetry((call) => withAuthRetry(call));
