/**
 * The two CLIs on real 한글 files, exactly as README and the "Done when" run them:
 *   npm run check -- ../shared/data/hwpx/public-data-standard.hwpx --pack official --json
 *   npm run fix -- ../shared/data/hwpx/news-article.hwpx --out out.hwpx --mode tracked --json
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openHwpx } from '../../../../server/documents/hwpx';
import { HWPX_DIR, readHwpx } from '../../../helpers/documents';

const ROOT = path.resolve(__dirname, '../../../..');
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/cli', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
const lastLine = (s: string) => JSON.parse(s.trim().split('\n').pop()!) as Record<string, unknown>;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('check reads .hwpx: paragraph indexes refer to the extracted list, each row with its id and location', async () => {
  const file = path.join(HWPX_DIR, 'public-data-standard.hwpx');
  const res = run('check.ts', [file, '--pack', 'official', '--json']);
  expect(res.status).toBe(0);
  const rows = (
    lastLine(res.stdout) as {
      suggestions: { paragraph: number; paragraphId: string; location: unknown; start: number; end: number; original: string }[];
    }
  ).suggestions;
  expect(rows.length).toBeGreaterThan(0);
  const doc = await openHwpx(readHwpx('public-data-standard.hwpx'));
  for (const r of rows) {
    const p = doc.paragraphs[r.paragraph]!;
    expect({ id: r.paragraphId, location: r.location, original: r.original }).toEqual({
      id: p.id,
      location: p.location,
      original: p.text.slice(r.start, r.end),
    });
  }
}, 120_000);

it('fix --mode tracked on news-article.hwpx: last line is the JSON summary, the output re-opens with the same text', async () => {
  const out = path.join(dir, 'out.hwpx');
  const res = run('fix.ts', [path.join(HWPX_DIR, 'news-article.hwpx'), '--out', out, '--mode', 'tracked', '--json']);
  expect(res.status).toBe(0);
  const summary = lastLine(res.stdout);
  expect(summary).toMatchObject({ mode: 'tracked', paragraphs: 18, skipped: [], format: 'hwpx' });
  const before = await openHwpx(readHwpx('news-article.hwpx'));
  const after = await openHwpx(new Uint8Array(readFileSync(out)));
  expect(after.trackedChanges()).toHaveLength(2 * (summary.applied as number));
  expect(after.paragraphs.map((p) => p.id)).toEqual(before.paragraphs.map((p) => p.id));
}, 120_000);

it('fix --pack official on public-data-standard.hwpx writes each fix as a tracked change by 쓰기', async () => {
  const out = path.join(dir, 'official.hwpx');
  const res = run('fix.ts', [path.join(HWPX_DIR, 'public-data-standard.hwpx'), '--out', out, '--pack', 'official', '--json']);
  expect(res.status).toBe(0);
  const summary = lastLine(res.stdout);
  expect(summary.applied).toBeGreaterThan(0);
  const after = await openHwpx(new Uint8Array(readFileSync(out)));
  const changes = after.trackedChanges();
  expect(changes.length).toBeGreaterThanOrEqual(summary.applied as number);
  expect(new Set(changes.map((c) => c.author))).toEqual(new Set(['쓰기']));
  // Fixing the fixed file changes nothing.
  const again = run('fix.ts', [out, '--out', path.join(dir, 'official2.hwpx'), '--pack', 'official', '--json']);
  expect(lastLine(again.stdout).applied).toBe(0);
  expect(readFileSync(path.join(dir, 'official2.hwpx')).equals(readFileSync(out))).toBe(true);
}, 180_000);

it('fix never overwrites its input (same path or a link to it): usage error, input untouched', () => {
  const input = path.join(dir, 'in.hwpx');
  spawnSync('cp', [path.join(HWPX_DIR, 'sample1.hwpx'), input]);
  const link = path.join(dir, 'link.hwpx');
  symlinkSync(input, link);
  const before = readFileSync(input);
  for (const out of [input, link, path.join(dir, '.', 'in.hwpx')]) {
    const res = run('fix.ts', [input, '--out', out, '--json']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('--out must not be the input file');
  }
  expect(readFileSync(input).equals(before)).toBe(true);
}, 180_000);
