import { PACKS } from '../../../../../server/proofread/packs';
import { applyToDocument, runRule } from '../../../../../server/proofread/run-rules';
import { CATEGORIES, PACK_NAMES } from '../../../../../server/proofread/types';
import type { Rule } from '../../../../../server/proofread/types';

const all: Rule[] = PACK_NAMES.flatMap((p) => PACKS[p]);

describe('rule registry', () => {
  it('has unique rule ids across all packs', () => {
    const seen = new Map<string, number>();
    for (const r of all) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
    const dups = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    expect(dups).toEqual([]);
  });

  it('every rule has >=1 wrong and >=1 correct example, a known category and both messages', () => {
    const bad = all.filter(
      (r) =>
        r.examples.wrong.length < 1 ||
        r.examples.correct.length < 1 ||
        !CATEGORIES.includes(r.category) ||
        !r.message.ko ||
        !r.message.en ||
        !(r.confidence >= 0 && r.confidence <= 1),
    );
    expect(bad.map((r) => r.id)).toEqual([]);
  });
});

for (const pack of PACK_NAMES) {
  describe(`pack ${pack}`, () => {
    for (const rule of PACKS[pack]) {
      describe(rule.id, () => {
        it('belongs to its pack', () => expect(rule.pack).toBe(pack));
        rule.examples.wrong.forEach((ex, i) => {
          it(`fires on wrong example #${i}: ${JSON.stringify(ex.text).slice(0, 60)}`, () => {
            const paragraphs = ex.text.split('\n');
            const matches = runRule(rule, paragraphs);
            expect(matches.length).toBeGreaterThan(0);
            for (const m of matches) {
              const t = paragraphs[m.paragraphIndex];
              expect(t).toBeDefined();
              expect(m.start).toBeGreaterThanOrEqual(0);
              expect(m.end).toBeLessThanOrEqual(t!.length);
              expect(m.start).toBeLessThanOrEqual(m.end);
            }
            if (ex.fixed === null) {
              expect(matches.length).toBe(ex.count ?? 1);
              expect(matches.every((m) => m.replacement === null)).toBe(true);
            } else {
              expect(applyToDocument(ex.text, matches)).toBe(ex.fixed);
            }
          });
        });
        rule.examples.correct.forEach((text, i) => {
          it(`does not fire on correct example #${i}: ${JSON.stringify(text).slice(0, 60)}`, () => {
            expect(runRule(rule, text.split('\n'))).toEqual([]);
          });
        });
      });
    }
  });
}
