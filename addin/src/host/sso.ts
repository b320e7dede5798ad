/**
 * Pure logic for Office SSO and the sign-in dialog (no Office.js here; WordHost calls it).
 *
 * Office.auth.getAccessToken error codes (learn.microsoft.com/office/dev/add-ins/develop/
 * troubleshoot-sso-in-office-add-ins), and what we do with each:
 *
 *   fall back to the dialog (SSO not available or not configured for this user/client):
 *     13000  API not supported by this Office / the manifest has no <WebApplicationInfo>
 *     13001  user not signed in to Office (docs: "fall back to an alternate system")
 *     13003  user type not supported (e.g. an on-premises domain account)
 *     13004  invalid resource: <WebApplicationInfo><Resource> misconfigured
 *     13005  invalid grant: Office not pre-authorised / consent missing or revoked
 *     13007  Office could not get a token (account mismatch, app not enabled for sign-in)
 *     13012  platform without getAccessToken (iPad, "Edit in Teams", …)
 *     13013  throttled: too many calls — do not retry SSO, use the dialog
 *     50001  old Office / cached office.js without SSO
 *   rethrown as SsoError:
 *     13002  the user cancelled sign-in or consent          kind 'cancelled'
 *     13006  client error (Office on the web): sign out and restart the browser session   kind 'client'
 *     13008  a previous getAccessToken call is still running   kind 'busy'
 *     13010  Edge security zones (the user has already been shown Office's explanation)  kind 'client'
 *     anything else                                          kind 'unknown'
 *
 * Dialog (Office.context.ui.displayDialogAsync) codes (develop/dialog-handle-errors-events):
 *   opening: 12004 domain not trusted, 12005 http URL, 12007 a dialog is already open,
 *            12009 the user ignored the dialog (Office on the web pop-up prompt), 12011 the
 *            browser blocked the pop-up;
 *   events:  12002 page not found / not loadable, 12003 navigated to http, 12006 closed by the user.
 */

export const SSO_FALLBACK_CODES: ReadonlySet<number> = new Set([13000, 13001, 13003, 13004, 13005, 13007, 13012, 13013, 50001]);

export type SsoErrorKind = 'cancelled' | 'client' | 'busy' | 'unknown';

const SSO_KINDS: Record<number, SsoErrorKind> = { 13002: 'cancelled', 13006: 'client', 13008: 'busy', 13010: 'client' };

/** A getAccessToken failure that falling back to the dialog would not fix. */
export class SsoError extends Error {
  constructor(
    readonly code: number,
    readonly kind: SsoErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SsoError';
  }
}

/** The numeric code of an Office error object ({code: 13001, message, name}), or undefined. */
export function officeErrorCode(err: unknown): number | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const c = (err as { code?: unknown }).code;
  const n = typeof c === 'number' ? c : typeof c === 'string' && /^\d+$/.test(c) ? Number(c) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export type SsoOutcome = { fallback: true; code: number | undefined } | { fallback: false; error: SsoError };

/**
 * What to do with a getAccessToken rejection: fall back to the dialog (SSO not available
 * or not configured), or surface a typed error. An error without a numeric code (office.js
 * too old to know the API) falls back too.
 */
export function classifySsoError(err: unknown): SsoOutcome {
  const code = officeErrorCode(err);
  if (code === undefined || SSO_FALLBACK_CODES.has(code)) return { fallback: true, code };
  const kind = SSO_KINDS[code] ?? 'unknown';
  const msg = (err as { message?: unknown }).message;
  return { fallback: false, error: new SsoError(code, kind, typeof msg === 'string' && msg ? msg : `Office SSO failed (${code}).`) };
}

export type AuthDialogErrorKind = 'closed' | 'blocked' | 'busy' | 'unreachable' | 'signin-failed' | 'unknown';

const DIALOG_KINDS: Record<number, AuthDialogErrorKind> = {
  12002: 'unreachable',
  12003: 'unreachable',
  12004: 'unreachable',
  12005: 'unreachable',
  12006: 'closed',
  12007: 'busy',
  12009: 'blocked',
  12011: 'blocked',
};

/** The sign-in dialog did not produce a token. `code` is Office's 12xxx code (0 for errors reported by the page). */
export class AuthDialogError extends Error {
  readonly kind: AuthDialogErrorKind;
  constructor(
    readonly code: number,
    message?: string,
    kind?: AuthDialogErrorKind,
  ) {
    const k = kind ?? DIALOG_KINDS[code] ?? 'unknown';
    super(message ?? DIALOG_MESSAGES[k]);
    this.kind = k;
    this.name = 'AuthDialogError';
  }
}

const DIALOG_MESSAGES: Record<AuthDialogErrorKind, string> = {
  closed: 'The sign-in window was closed before sign-in finished.',
  blocked: 'The sign-in window was blocked; allow pop-ups for this add-in and try again.',
  busy: 'A sign-in window is already open.',
  unreachable: 'The sign-in page could not be opened.',
  'signin-failed': 'Sign-in failed.',
  unknown: 'Sign-in failed.',
};

/** The message type the relay's /auth/dialog.html posts (Office messageParent or window.postMessage). */
export const AUTH_MESSAGE_TYPE = 'sseugi-auth';

export type DialogMessage = { ok: true; token: string } | { ok: false; error: string } | null;

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Reads what the dialog page sent: `{"type":"sseugi-auth","accessToken":"…"}` or
 * `{"type":"sseugi-auth","error":"…"}` (a bare JWT string is accepted too). Messages from
 * another origin than `expectedOrigin` (when both are known), or of another shape, are
 * ignored (null).
 */
export function parseDialogMessage(message: unknown, origin: string | undefined, expectedOrigin: string | undefined): DialogMessage {
  if (origin && expectedOrigin && origin !== expectedOrigin) return null;
  let data: unknown = message;
  if (typeof message === 'string') {
    const s = message.trim();
    if (JWT.test(s)) return { ok: true, token: s };
    try {
      data = JSON.parse(s);
    } catch {
      return null;
    }
  }
  if (!data || typeof data !== 'object' || (data as { type?: unknown }).type !== AUTH_MESSAGE_TYPE) return null;
  const d = data as { accessToken?: unknown; error?: unknown };
  if (typeof d.accessToken === 'string' && JWT.test(d.accessToken)) return { ok: true, token: d.accessToken };
  if (typeof d.error === 'string') return { ok: false, error: d.error.slice(0, 300) || 'Sign-in failed.' };
  return null;
}

/** Options for Office.auth.getAccessToken: a token for the relay (our own API), not for Graph. */
export const SSO_OPTIONS = { allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false } as const;

/** Size of the sign-in dialog, in percent of the screen. */
export const AUTH_DIALOG_SIZE = { height: 60, width: 30 } as const;
