/**
 * Limits of the HTTPS server itself (Node's http/https options), against slow and
 * idle connections (issue 13, finding 4: 300 connections trickling a body byte every
 * 10 s stayed open, since requestTimeout was 0):
 *
 *   requestTimeout     REQUEST_TIMEOUT_MS: the whole request (headers and body) must
 *                      arrive within it, else 408 and close. Node applies it to
 *                      receiving the request only, so long SSE answers are unaffected.
 *   headersTimeout     HEADERS_TIMEOUT_MS (at most requestTimeout): the headers.
 *   handshakeTimeout   the TLS handshake, the same bound as the headers.
 *   keepAliveTimeout   KEEP_ALIVE_TIMEOUT_MS: idle keep-alive connections. Keep it above
 *                      the proxy's upstream keepalive_timeout (nginx: 60 s).
 *   maxConnections     MAX_CONNECTIONS: further connections are closed at once.
 *   connectionsCheckingInterval  how often Node looks for expired requests: a quarter
 *                      of the shortest timeout (250 ms – 30 s), so timeouts hold closely.
 */
import type https from 'node:https';
import type { Config } from '../config';

type Limits = Pick<Config, 'REQUEST_TIMEOUT_MS' | 'HEADERS_TIMEOUT_MS' | 'KEEP_ALIVE_TIMEOUT_MS' | 'MAX_CONNECTIONS'>;

function timeouts(c: Limits) {
  const requestTimeout = c.REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(c.HEADERS_TIMEOUT_MS, requestTimeout);
  const connectionsCheckingInterval = Math.min(30_000, Math.max(250, Math.floor(headersTimeout / 4)));
  return { requestTimeout, headersTimeout, connectionsCheckingInterval };
}

/** Sets the limits on a created server. */
export function applyServerLimits(server: https.Server, c: Limits): void {
  const t = timeouts(c);
  server.requestTimeout = t.requestTimeout;
  server.headersTimeout = t.headersTimeout;
  server.keepAliveTimeout = c.KEEP_ALIVE_TIMEOUT_MS;
  server.maxConnections = c.MAX_CONNECTIONS;
}

/** Options only https.createServer takes (the checking interval, the TLS handshake bound). */
applyServerLimits.options = (c: Limits): https.ServerOptions => {
  const t = timeouts(c);
  return { ...t, keepAliveTimeout: c.KEEP_ALIVE_TIMEOUT_MS, handshakeTimeout: t.headersTimeout };
};
