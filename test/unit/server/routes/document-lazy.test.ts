/**
 * The documents stack (kordoc and its parsers) is not loaded with the relay: only the first
 * document request loads it (server/routes/document.ts), so the streaming relay's memory at
 * rest does not carry it. Checked in a fresh Node process, where require.cache is the real one.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '../../../..');
const loadedAfter = (code: string) => {
  const script = `${code}.then(() => console.log(JSON.stringify(Object.keys(require.cache).some((f) => f.includes('/node_modules/kordoc/')))))`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as boolean;
};

describe('documents stack loaded on first use', () => {
  it('is not loaded by the relay app (and the check sees it when it is loaded)', () => {
    expect(loadedAfter(`Promise.resolve(require('./server/app'))`)).toBe(false);
    expect(loadedAfter(`Promise.resolve(require('./server/documents'))`)).toBe(true);
  }, 60_000);
});
