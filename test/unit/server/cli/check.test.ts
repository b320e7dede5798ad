import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '../../../..');
const run = (args: string[], input?: string) =>
  spawnSync('npx', ['tsx', 'server/cli/check.ts', ...args], { cwd: root, encoding: 'utf8', input, timeout: 60000 });

describe('check CLI', () => {
  it('prints JSON suggestions for a fixture file', () => {
    const r = run(['test/fixtures/proofread/sample.txt', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { suggestions: Array<Record<string, unknown>> };
    const pick = j.suggestions.map((s) => [s.paragraph, s.start, s.end, s.original, s.replacement]);
    expect(pick).toContainEqual([0, 0, 3, '할수있', '할 수 있']); // one fix, one finding (coalesce.ts)
    expect(pick).toContainEqual([0, 8, 10, '됬다', '됐다']);
    expect(pick).toContainEqual([2, 0, 3, '메세지', '메시지']);
    expect(pick.some((p) => p[0] === 1)).toBe(false);
    expect(j.suggestions[0]).toHaveProperty('category');
    expect(j.suggestions[0]).toHaveProperty('source', 'rule');
  });
  it('reads stdin and exits 2 on usage errors', () => {
    const r = run(['-'], '할수있는 일이 됬다\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('됐다');
    expect(run(['--engine', 'nope', '-']).status).toBe(2);
    expect(run([]).status).toBe(2);
  });
});
