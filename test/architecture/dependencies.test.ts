/**
 * The import graph keeps the boundaries the tsconfigs draw (.dependency-cruiser.cjs):
 * no cycles, pane ⟂ relay, a self-contained kernel, the Word adapter behind DocumentHost.
 * Runs dependency-cruiser as `npm run depcheck` does; today's known violations are listed
 * with their reasons in known-violations.json, which may only shrink.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

interface KnownViolation {
  rule: string;
  from: string;
  to: string;
  reason: string;
}

const key = (v: { rule: string; from: string; to: string }) => `${v.rule}: ${v.from} → ${v.to}`;

/** Runs depcruise over `roots` in `cwd` and returns its violations. */
function cruise(cwd: string, roots: string[]): Violation[] {
  const r = spawnSync(process.execPath, [DEPCRUISE, ...roots, '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  if (!r.stdout) throw new Error(`depcruise printed nothing (exit ${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** The folders `npm run depcheck` cruises, read from the script so they are named once. */
function depcheckRoots(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const m = /^depcruise ((?:[\w-]+ )+)--config/.exec(pkg.scripts.depcheck ?? '');
  if (!m) throw new Error('package.json has no `depcheck` script of the form "depcruise <folders> --config …"');
  return m[1]!.trim().split(' ');
}

describe('import boundaries (dependency-cruiser)', () => {
  it('the project has no cycle and no boundary crossing beyond the listed, shrinking known ones', () => {
    const known = (
      JSON.parse(readFileSync(path.join(__dirname, 'known-violations.json'), 'utf8')) as {
        violations: KnownViolation[];
      }
    ).violations;
    const found = cruise(ROOT, depcheckRoots()).map((v) => key({ rule: v.rule.name, from: v.from, to: v.to }));
    const listed = known.map(key);
    expect({
      newViolations: found.filter((f) => !listed.includes(f)),
      fixedButStillListed: listed.filter((k) => !found.includes(k)),
    }).toEqual({
      newViolations: [],
      fixedButStillListed: [],
    });
  });

  describe('catches each kind of violation in a tree that has it', () => {
    let dir: string;
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'sseugi-depcruise-'));
      write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'Node16', moduleResolution: 'Node16', strict: true } }));
      write('package.json', JSON.stringify({ name: 'fixture', private: true }));
      write(
        'addin/src/ui/panel.ts',
        "import type { Thing } from '../../../server/thing';\nimport { word } from '../host/word/api';\nexport const t: Thing | null = word;\n",
      );
      write('addin/src/host/word/api.ts', 'export const word = null;\n');
      write('server/thing.ts', "import { loop } from './loop';\nexport interface Thing { a: string }\nexport const x = loop;\n");
      write('server/loop.ts', "import { x } from './thing';\nexport const loop = 1;\nexport const y = x;\n");
      write('server/route.ts', "import { word } from '../addin/src/host/word/api';\nexport const r = word;\n");
      write(
        'kernel/rule.ts',
        "import { readFileSync } from 'node:fs';\nimport { x } from '../server/thing';\nexport const k = [readFileSync, x];\n",
      );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports the cycle, both directions across pane/relay, the kernel reaching out, and the Word adapter used directly', () => {
      const found = cruise(dir, ['addin', 'server', 'kernel']).map((v) => key({ rule: v.rule.name, from: v.from, to: v.to }));
      expect(found).toEqual(
        expect.arrayContaining([
          'pane-not-to-relay: addin/src/ui/panel.ts → server/thing.ts',
          'word-adapter-behind-host: addin/src/ui/panel.ts → addin/src/host/word/api.ts',
          'relay-not-to-pane: server/route.ts → addin/src/host/word/api.ts',
          'kernel-self-contained: kernel/rule.ts → server/thing.ts',
          'kernel-self-contained: kernel/rule.ts → fs', // depcruise names node:fs as fs
        ]),
      );
      expect(found.some((f) => f.startsWith('no-circular: server/'))).toBe(true);
    });
  });
});
