/**
 * Planted-error fixtures of the patent / official / contract packs: every planted
 * error is found (rule id + paragraph + text, and the fix where one is expected),
 * nothing else fires, and the clean versions give no findings from their pack.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { PACKS } from '../../../../../server/proofread/packs';
import { applyToDocument, runRule } from '../../../../../server/proofread/run-rules';
import type { PackName, RuleMatch } from '../../../../../server/proofread/types';

const FIX = join(__dirname, '../../../../fixtures');

interface Expected {
  rule: string;
  paragraph: number;
  snippet: string;
  replacement?: string;
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .replace(/\r\n/g, '\n')
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => l.normalize('NFC'));
}

function findings(pack: PackName, paragraphs: string[]) {
  const out: Array<{ rule: string; paragraph: number; snippet: string; m: RuleMatch }> = [];
  for (const r of PACKS[pack])
    for (const m of runRule(r, paragraphs))
      out.push({ rule: r.id, paragraph: m.paragraphIndex, snippet: paragraphs[m.paragraphIndex]!.slice(m.start, m.end), m });
  return out;
}

const key = (f: { rule: string; paragraph: number; snippet: string }) => `${f.rule}@${f.paragraph}:${f.snippet}`;

for (const pack of ['patent', 'official', 'contract'] as const) {
  describe(`${pack} fixtures`, () => {
    const planted = lines(join(FIX, pack, 'planted.txt'));
    const clean = lines(join(FIX, pack, 'clean.txt'));
    const expected = JSON.parse(readFileSync(join(FIX, pack, 'planted.expected.json'), 'utf8')) as { findings: Expected[] };

    it('finds every planted error, and nothing else', () => {
      const got = findings(pack, planted);
      expect(got.map(key).sort()).toEqual(expected.findings.map(key).sort());
    });

    it('proposes the expected fixes (comment-only findings have no replacement)', () => {
      const got = findings(pack, planted);
      for (const e of expected.findings) {
        const f = got.find((g) => key(g) === key(e))!;
        expect(f).toBeDefined();
        expect(f.m.replacement).toBe(e.replacement ?? null);
      }
    });

    it('every comment-only finding carries a message naming what is wrong', () => {
      for (const f of findings(pack, planted)) {
        if (f.m.replacement !== null) continue;
        const rule = PACKS[pack].find((r) => r.id === f.rule)!;
        const msg = f.m.message ?? rule.message;
        expect(msg.ko.length).toBeGreaterThan(5);
        expect(msg.en.length).toBeGreaterThan(5);
      }
    });

    it('the clean version gives no findings from its pack', () => {
      expect(findings(pack, clean).map(key)).toEqual([]);
    });

    it('the clean version has the same paragraph count as the planted one (fixtures stay aligned)', () => {
      expect(Math.abs(clean.length - planted.length)).toBeLessThanOrEqual(3);
    });

    it('applying all fixes of the planted version is stable (a second pass proposes no new fixes)', () => {
      const doc = planted.join('\n');
      const ms = PACKS[pack].flatMap((r) => runRule(r, planted).map((m) => m));
      const fixed = applyToDocument(doc, ms).split('\n');
      const again = PACKS[pack].flatMap((r) => runRule(r, fixed)).filter((m) => m.replacement !== null);
      expect(again).toEqual([]);
    });
  });
}

describe('general pack on the clean fixtures', () => {
  for (const pack of ['patent', 'official', 'contract'] as const) {
    it(`${pack}: general rules report nothing on the clean version`, () => {
      const clean = lines(join(FIX, pack, 'clean.txt'));
      expect(findings('general', clean).map(key)).toEqual([]);
    });
  }
});
