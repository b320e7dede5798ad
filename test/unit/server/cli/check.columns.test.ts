/** Issue 16 item 9: the CLI's human output counts lines and columns from 1, as editors do. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '../../../..');

it('prints 1-based line:column ranges', () => {
  const r = spawnSync('npx', ['tsx', 'server/cli/check.ts', '-'], {
    cwd: root,
    encoding: 'utf8',
    input: '첫 줄\n그 일이 됬다.\n',
    timeout: 60000,
  });
  expect(r.status).toBe(0);
  // 됬다 is characters 6–7 of line 2 (0-based offsets 5..7)
  expect(r.stdout).toMatch(/^2:6-7 \[spelling\] "됬다"/m);
});
