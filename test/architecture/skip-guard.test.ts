/**
 * test/setup/skip-guard-reporter.cjs: a skipped test not listed in test/skips.json with a
 * reason fails a CI run (and only warns elsewhere); a listed one passes. Checked by running
 * jest itself on a small fixture project, the way CI runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const REPORTER = path.join(ROOT, 'test', 'setup', 'skip-guard-reporter.cjs');
const JEST = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

interface Listed {
  file: string;
  test: string;
  reason: string;
}

describe('skipped tests must be listed with a reason (CI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sseugi-skips-'));
    writeFileSync(
      path.join(dir, 'sample.spec.js'),
      "describe('suite', () => {\n  it('runs', () => expect(1).toBe(1));\n  it.skip('hides', () => expect(1).toBe(2));\n});\n",
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs jest on the fixture with the reporter and `listed` as the allow-list. */
  function runJest(listed: Listed[], ci: boolean) {
    const listFile = path.join(dir, 'skips.json');
    writeFileSync(listFile, JSON.stringify({ skips: listed }));
    const config = { rootDir: dir, testMatch: ['**/*.spec.js'], transform: {}, reporters: ['default', [REPORTER, { listFile }]] };
    const env = { ...process.env, CI: ci ? 'true' : '' };
    return spawnSync(process.execPath, [JEST, '--config', JSON.stringify(config), '--ci'], { cwd: dir, env, encoding: 'utf8' });
  }

  it('CI=true: an unlisted skip fails the run and names the test', () => {
    const r = runJest([], true);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('sample.spec.js › suite hides');
  }, 60_000);

  it('CI=true: a skip listed with its reason passes; listed without a reason it still fails', () => {
    expect(runJest([{ file: 'sample.spec.js', test: 'suite hides', reason: 'fixture' }], true).status).toBe(0);
    expect(runJest([{ file: 'sample.spec.js', test: 'suite hides', reason: ' ' }], true).status).not.toBe(0);
  }, 60_000);

  it('outside CI an unlisted skip only warns', () => {
    const r = runJest([], false);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Warning (fails under CI=true)');
  }, 60_000);

  it('every entry of test/skips.json names an existing test file and gives a reason', () => {
    const { skips } = JSON.parse(readFileSync(path.join(ROOT, 'test', 'skips.json'), 'utf8')) as { skips: Listed[] };
    for (const s of skips) {
      expect(readFileSync(path.join(ROOT, s.file), 'utf8')).toContain(s.test.split(' ').slice(1).join(' ').slice(0, 20));
      expect(s.reason.trim().length).toBeGreaterThan(20);
    }
  });
});
