/**
 * bench:relay keeps its anchor: with no nginx it exits non-zero with the install line before
 * starting anything (unless --no-nginx). `--nginx PATH` names the binary, so a missing one is
 * simulated without touching the machine's nginx. Its options (warm-up, one-stream samples, cost
 * repeats) and the median it reports are checked without running the load.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { median } from '../../../bench/lib/load';
import { parseRelayOptions } from '../../../bench/lib/relay-options';

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

describe('bench:relay options', () => {
  it('defaults: 20 one-stream samples, the cost level run 3 times, a warm-up', () => {
    const o = parseRelayOptions([]);
    expect(o.levels).toEqual([1, 64, 256, 1000]);
    expect(o.single).toBe(20);
    expect(o.costRepeats).toBe(3);
    expect(o.costRequests).toBe(1000);
    expect(o.warmupOneToken).toBe(512);
    expect(o.warmupFull).toBe(4);
    expect(o.noNginx).toBe(false);
  });

  it('reads the flags given and turns the warm-up off with --no-warmup', () => {
    const o = parseRelayOptions([
      '--levels',
      '1,64',
      '--single',
      '5',
      '--cost-repeats',
      '1',
      '--no-warmup',
      '--no-nginx',
      '--steady-open',
      '0',
    ]);
    expect(o).toMatchObject({ levels: [1, 64], single: 5, costRepeats: 1, warmupOneToken: 0, warmupFull: 0, noNginx: true, steadyOpen: 0 });
  });

  it('refuses counts that would measure nothing', () => {
    expect(() => parseRelayOptions(['--cost-repeats', '0'])).toThrow('--cost-repeats');
    expect(() => parseRelayOptions(['--single', 'x'])).toThrow('--single');
    expect(() => parseRelayOptions(['--levels', '1,,64'])).toThrow('--levels');
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1.9, 1.2, 1.3])).toBe(1.3);
    expect(median([])).toBeNaN();
  });
});
