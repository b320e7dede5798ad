/** Helpers for the security tests: route enumeration, a failing upstream, SSE openers. */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestRelay } from '../../helpers/relay';

export interface ApiRoute {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  name?: string;
  matchers?: unknown[];
  slash?: boolean;
  regexp?: RegExp;
}

/** Every route the relay's Express app serves under /api (walks the router stacks). */
export function apiRoutes(relay: TestRelay): ApiRoute[] {
  const app = relay.server.listeners('request')[0] as unknown as { router: { stack: Layer[] } };
  const out: ApiRoute[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths)
          for (const [m, on] of Object.entries(layer.route.methods)) if (on && m !== '_all') out.push({ method: m.toUpperCase(), path: prefix + p });
      } else if (layer.handle?.stack) {
        // Mounted routers: `/api` is the only mount path with a prefix in this app.
        const mount = layerMountPath(layer);
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk(app.router.stack, '');
  const seen = new Set<string>();
  return out.filter((r) => r.path.startsWith('/api/') && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

function layerMountPath(layer: Layer): string {
  const raw = (layer as unknown as { rawPath?: unknown }).rawPath;
  return typeof raw === 'string' && raw !== '/' ? raw : '';
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
      { host: 'localhost', port: relay.port, method: 'POST', path, ca: relay.ca, agent: false, headers: { 'content-type': 'application/json', ...headers } },
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
