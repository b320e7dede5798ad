// Type-checks each part with its own tsconfig, so the boundaries are compiler errors:
// the pane (DOM + Office.js, no Node, no relay code), the relay and CLIs (Node, no DOM),
// the kernel (neither), and the tests' view of everything (ts-jest's config).
// A part with no TypeScript files yet is skipped with a note (tsc refuses an empty program).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIGS = ['kernel/tsconfig.json', 'addin/tsconfig.json', 'server/tsconfig.json', 'tsconfig.json'];
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function hasTypeScript(dir) {
  return readdirSync(dir, { recursive: true }).some((f) => /\.tsx?$/.test(String(f)) && !String(f).endsWith('.d.ts'));
}

let failed = 0;
for (const config of CONFIGS) {
  if (!hasTypeScript(path.join(root, path.dirname(config)))) {
    console.log(`typecheck: ${config} skipped (no .ts files yet)`);
    continue;
  }
  const r = spawnSync(process.execPath, [tsc, '-p', config, '--noEmit'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`typecheck: ${config} failed`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
