/** Lists the relay's API routes from the Express router stack (so new routes are fuzzed too). */
import type { Server } from 'node:https';

export interface ApiRoute {
  method: string;
  path: string;
}

interface LayerLike {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
  rawPath?: string | string[];
}

function walk(stack: LayerLike[], prefix: string, out: ApiRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const p of paths)
        for (const [m, on] of Object.entries(layer.route.methods))
          if (on && m !== '_all') out.push({ method: m.toUpperCase(), path: prefix + p });
    } else if (layer.handle?.stack) {
      const raw = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      walk(layer.handle.stack, prefix + raw, out);
    }
  }
}

/** Every route of the app behind `server` whose path starts with /api. */
export function apiRoutes(server: Server): ApiRoute[] {
  const app = server.listeners('request')[0] as unknown as { router: { stack: LayerLike[] } };
  const out: ApiRoute[] = [];
  walk(app.router.stack, '', out);
  const seen = new Set<string>();
  return out.filter((r) => r.path.startsWith('/api/') && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}
