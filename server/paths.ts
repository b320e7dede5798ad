/** Locations of the project's files, the same from sources (tsx, jest) and from dist/. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'sseugi') return dir;
      } catch {
        /* keep looking */
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Sseugi project root');
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
export const ADDIN_DIST = path.join(PROJECT_ROOT, 'dist', 'addin');
export const ASSETS_DIR = path.join(PROJECT_ROOT, 'assets');
export const VERSION = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
