#!/usr/bin/env node
/**
 * `npm start`'s first step: builds the pane and the relay only when the build is missing or
 * older than a source file (addin/, kernel/, server/, assets/, build configs, package-lock.json).
 * A fresh clone builds everything; an unchanged one starts at once.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUTS = ['dist/addin/index.html', 'dist/addin/taskpane.html', 'dist/auth/dialog.js', 'dist/node/server/main.js'];
const SOURCES = [
  'addin',
  'server',
  'kernel',
  'assets',
  'webpack.config.js',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.build.json',
  'package-lock.json',
];

function newest(p) {
  const abs = path.join(root, p);
  if (!existsSync(abs)) return 0;
  const st = statSync(abs);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(abs)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

const built = OUTPUTS.map((f) => path.join(root, f));
const oldestOutput = built.every(existsSync) ? Math.min(...built.map((f) => statSync(f).mtimeMs)) : 0;
const newestSource = Math.max(...SOURCES.map(newest));
if (oldestOutput > newestSource && !process.argv.includes('--force')) {
  console.log('Build is up to date: starting without rebuilding (npm run build forces one).');
} else {
  console.log(oldestOutput ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
