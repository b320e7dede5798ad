/** Issue 16 item 10: `npm start` rebuilds only when the build is missing or older than the sources. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-start-'));
  mkdirSync(path.join(dir, 'scripts'));
  copyFileSync(path.join(__dirname, '../../../scripts/build-if-stale.mjs'), path.join(dir, 'scripts/build-if-stale.mjs'));
  // `npm run build` here just records that it ran and writes the outputs
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      scripts: {
        build:
          "node -e \"const fs=require('fs');fs.mkdirSync('dist/addin',{recursive:true});fs.mkdirSync('dist/node/server',{recursive:true});fs.mkdirSync('dist/auth',{recursive:true});for(const f of ['dist/addin/index.html','dist/addin/taskpane.html','dist/auth/dialog.js','dist/node/server/main.js'])fs.writeFileSync(f,'x');fs.appendFileSync('builds.txt','b')\"",
      },
    }),
  );
  mkdirSync(path.join(dir, 'server'));
  writeFileSync(path.join(dir, 'server/main.ts'), '');
  return dir;
}

const start = (dir: string) => execFileSync('node', ['scripts/build-if-stale.mjs'], { cwd: dir, encoding: 'utf8' });
const builds = (dir: string) => (existsSync(path.join(dir, 'builds.txt')) ? readFileSync(path.join(dir, 'builds.txt'), 'utf8').length : 0);

it('builds a fresh clone, reuses an up-to-date build, rebuilds after a source change', () => {
  const dir = project();
  try {
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, 'server/main.ts'), past, past);
    start(dir);
    expect(builds(dir)).toBe(1);
    expect(start(dir)).toContain('up to date');
    expect(builds(dir)).toBe(1);
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, 'server/main.ts'), future, future);
    start(dir);
    expect(builds(dir)).toBe(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
