/** Helpers for the security tests: route enumeration, a failing upstream, SSE openers. */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestRelay } from '../helpers/relay';
import { apiRoutes as routesOf, type ApiRoute } from '../helpers/api-routes';

export type { ApiRoute } from '../helpers/api-routes';

/** Every route the relay's Express app serves under /api. */
export function apiRoutes(relay: TestRelay): ApiRoute[] {
  return routesOf(relay.server);
}

/** An OpenAI-compatible upstream that answers every completion with 500 and `body`. */
export async function startFailingUpstream(body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[{"id":"exaone3.5:7.8b"}]}');
      return;
    }
    req.resume();
    req.on('end', () => res.writeHead(500, { 'content-type': 'application/json' }).end(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Opens a POST stream and resolves with the request once the first byte arrived (or the status). */
export function openStream(
  relay: { port: number; ca: Buffer },
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ req: http.ClientRequest; status: number }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: 'localhost',
        port: relay.port,
        method: 'POST',
        path,
        ca: relay.ca,
        agent: false,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.once('data', () => resolve({ req, status: res.statusCode ?? 0 }));
        res.on('error', () => undefined);
      },
    );
    req.on('error', (e) => (/hang up|aborted|ECONNRESET/.test(e.message) ? undefined : reject(e)));
    req.end(JSON.stringify(body));
  });
}

/** Parsed JSON log lines. */
export function logLines(relay: TestRelay): Array<Record<string, unknown>> {
  return relay.logs
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
