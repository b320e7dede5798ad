/**
 * Security headers (helmet) for everything the relay serves.
 *
 * Content-Security-Policy:
 *   default-src 'self'; script-src 'self' [https://appsforoffice.microsoft.com when
 *   OFFICE_JS_SOURCE=cdn]; style-src 'self' 'unsafe-inline'; img-src 'self' data:;
 *   font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';
 *   form-action 'self'; frame-ancestors 'self' <Office on the web origins> [CSP_FRAME_ANCESTORS]
 *
 * - No inline scripts anywhere (the built pages load only /pane.*.js and Office.js),
 *   so script-src has no 'unsafe-inline'.
 * - style-src needs 'unsafe-inline': Fluent UI (Griffel) inserts <style> rules at run
 *   time and the built pages carry a small inline <style> block.
 * - frame-ancestors lets Office on the web frame the task pane. Microsoft does not
 *   publish one list; these are the hosts Word on the web runs under (officeapps /
 *   Word Online frames, office.com / microsoft365.com / office365.com portals,
 *   sharepoint.com for documents opened from OneDrive/SharePoint, microsoft.com
 *   hosts). Desktop Word hosts the pane in a WebView without a framing origin, so it
 *   is unaffected. For Office Online Server on premises add its origin in
 *   CSP_FRAME_ANCESTORS.
 * - No X-Frame-Options (DENY/SAMEORIGIN would stop Office from framing the pane),
 *   no Cross-Origin-Opener-Policy (it would cut the Office dialog API's opener link).
 *   Cross-Origin-Resource-Policy is cross-origin for pages/icons (Office fetches the
 *   ribbon icons from its own origin) and same-origin for /api.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config';
import { OFFICE_JS_CDN } from '../static';

export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  // Microsoft 365's newer unified domain (word.cloud.microsoft and friends).
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.microsoft.com',
  'https://*.sharepoint.com',
  'https://*.officeonline.com',
] as const;

/** Pages Office frames: only the task pane. Everything else (the standalone page, the API) may be framed by this origin only. */
export const OFFICE_FRAMED_PATHS = new Set(['/taskpane.html']);

export function cspDirectives(
  config: Pick<Config, 'OFFICE_JS_SOURCE' | 'CSP_FRAME_ANCESTORS'>,
  framedByOffice = true,
): Record<string, string[]> {
  const scriptSrc = ["'self'"];
  if (config.OFFICE_JS_SOURCE === 'cdn') scriptSrc.push(new URL(OFFICE_JS_CDN).origin);
  return {
    'default-src': ["'self'"],
    'script-src': scriptSrc,
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': framedByOffice ? ["'self'", ...OFFICE_FRAME_ANCESTORS, ...(config.CSP_FRAME_ANCESTORS ?? [])] : ["'self'"],
    'upgrade-insecure-requests': [],
  };
}

export function securityHeaders(config: Pick<Config, 'OFFICE_JS_SOURCE' | 'CSP_FRAME_ANCESTORS'>): RequestHandler {
  const forPane = headersWith(cspDirectives(config, true));
  const forOthers = headersWith(cspDirectives(config, false));
  // Only the task pane may be framed by Office's origins (clickjacking of the standalone page otherwise).
  return (req, res, next) => (OFFICE_FRAMED_PATHS.has(req.path) ? forPane : forOthers)(req, res, next);
}

function headersWith(directives: Record<string, string[]>): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    xFrameOptions: false,
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: { maxAge: 15552000, includeSubDomains: false },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** For /api: API answers are for this origin only. */
export const apiResourcePolicy: RequestHandler = (_req, res, next) => {
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  next();
};
