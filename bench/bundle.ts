/**
 * bench:bundle — size of the task pane. Builds with webpack in production mode into a
 * temporary folder (or, with --no-build, reads dist/addin), then reports the initial JS
 * (the script chunks index.html and taskpane.html load) gzipped, the total and each
 * async chunk. The last line is one JSON object; budget: initial JS ≤ 250 KB gzipped.
 *
 *   npm run bench:bundle              # build, then measure
 *   npm run bench:bundle -- --no-build  # measure dist/addin as it is
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '..');
const BUDGET_KB = 250;
const noBuild = process.argv.includes('--no-build');

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

function build(): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'sseugi-bundle-'));
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out, '--devtool', 'false'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return out;
}

/** Script files a page loads at start (its <script src>). */
function entryScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => (m[1] ?? m[2] ?? m[3])!)
    .filter((s) => !/^https?:/.test(s) && !/office\.js|%\w+%/i.test(s));
}

function main(): void {
  const dir = noBuild ? path.join(ROOT, 'dist/addin') : build();
  try {
    if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} has no index.html; build first or drop --no-build`);
    const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const sizes = new Map(
      js.map((f) => {
        const buf = readFileSync(path.join(dir, f));
        return [f, { raw: buf.length, gzip: gz(buf) }] as const;
      }),
    );
    const initial = new Set<string>();
    for (const page of ['index.html', 'taskpane.html']) {
      const file = path.join(dir, page);
      if (!existsSync(file)) continue;
      for (const src of entryScripts(readFileSync(file, 'utf8'))) initial.add(path.basename(src));
    }
    const initialGzip = [...initial].reduce((n, f) => n + (sizes.get(f)?.gzip ?? 0), 0);
    const initialRaw = [...initial].reduce((n, f) => n + (sizes.get(f)?.raw ?? 0), 0);
    const totalGzip = [...sizes.values()].reduce((n, s) => n + s.gzip, 0);
    const asyncChunks = js
      .filter((f) => !initial.has(f))
      .map((f) => ({ file: f, name: f.replace(/\.[0-9a-f]{8}\.js$/, ''), gzipKb: kb(sizes.get(f)!.gzip), rawKb: kb(sizes.get(f)!.raw) }))
      .sort((a, b) => b.gzipKb - a.gzipKb);

    console.log(`bundle (${noBuild ? 'dist/addin' : 'fresh production build'})`);
    for (const f of initial)
      console.log(
        `  initial  ${f.padEnd(28)} ${String(kb(sizes.get(f)?.gzip ?? 0)).padStart(7)} KB gz  ${String(kb(sizes.get(f)?.raw ?? 0)).padStart(7)} KB raw`,
      );
    for (const c of asyncChunks)
      console.log(`  async    ${c.file.padEnd(28)} ${String(c.gzipKb).padStart(7)} KB gz  ${String(c.rawKb).padStart(7)} KB raw`);
    console.log(`  initial JS: ${kb(initialGzip)} KB gzipped (budget ${BUDGET_KB} KB) — total JS ${kb(totalGzip)} KB gzipped`);
    const result = {
      initialJsGzipKb: kb(initialGzip),
      initialJsRawKb: kb(initialRaw),
      totalJsGzipKb: kb(totalGzip),
      budgetKb: BUDGET_KB,
      withinBudget: kb(initialGzip) <= BUDGET_KB,
      initial: [...initial],
      async: asyncChunks.map(({ name, gzipKb }) => ({ name, gzipKb })),
    };
    console.log(JSON.stringify(result));
    if (!result.withinBudget) process.exitCode = 1;
  } finally {
    if (!noBuild) rmSync(dir, { recursive: true, force: true });
  }
}

main();
