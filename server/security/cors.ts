/**
 * CORS for /api. Off by default: the pane calls the API on its own origin and needs
 * none. With CORS_ORIGINS (exact origins, or https://*.example.com for subdomains)
 * a request whose Origin is on the list gets Access-Control-Allow-Origin (that
 * origin, never `*`), Vary: Origin, and preflights (OPTIONS) are answered 204.
 * Origins not on the list get no CORS headers (and 403 for a preflight).
 * Credentials are sent as headers (Authorization / X-API-Key), not cookies, so
 * Allow-Credentials is not set.
 */
import type { RequestHandler } from 'express';

const ALLOW_HEADERS = 'Authorization, Content-Type, X-API-Key, X-Request-Id';
const EXPOSE_HEADERS = 'Retry-After, X-Request-Id, RateLimit, RateLimit-Policy';

/**
 * Whether an Origin header is on the list. The header is parsed with `new URL` and must
 * be exactly a serialised origin (scheme://host[:port], nothing else): strings such as
 * `https://evil.com?.corp.example` or `https://user@evil.com/.corp.example` are refused
 * before any matching. A wildcard entry matches subdomains by the parsed host name.
 */
export function originAllowed(origin: string, allowList: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin.toLowerCase()) return false;
  const o = url.origin;
  for (const entry of allowList) {
    if (entry === o) return true;
    const wild = /^(https?:)\/\/\*\.([^/:]+)(:\d+)?$/.exec(entry);
    if (wild && url.protocol === wild[1] && url.hostname.endsWith(`.${wild[2]}`) && (url.port ? `:${url.port}` : '') === (wild[3] ?? ''))
      return true;
  }
  return false;
}

export function cors(allowList: readonly string[]): RequestHandler {
  if (!allowList.length) return (_req, _res, next) => next();
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    const allowed = typeof origin === 'string' && originAllowed(origin, allowList);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      if (!allowed) {
        res.status(403).end();
        return;
      }
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
