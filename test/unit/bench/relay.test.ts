/**
 * bench:relay keeps its anchor: with no nginx it exits non-zero with the install line before
 * starting anything (unless --no-nginx). `--nginx PATH` names the binary, so a missing one is
 * simulated without touching the machine's nginx.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '../../..');
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/relay.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('bench:relay without nginx', () => {
  it('exits 2 with the install line and the --no-nginx hint', () => {
    const r = run(['--nginx', path.join(root, 'no-such-dir/nginx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('apt-get install nginx-light');
    expect(r.stderr).toContain('--no-nginx');
    // Stopped before the load: no level was run.
    expect(r.stdout).not.toMatch(/c=\s*\d+/);
  }, 60_000);
});
