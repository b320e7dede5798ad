import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MIN_CONFIDENCE, createEngineSync } from '../../../../server/proofread/engine';
import { EvalAccumulator, extractEdits, fBeta, parseTagged } from '../../../../server/cli/eval-metrics';

describe('eval metrics', () => {
  it('extracts character edits in source offsets', () => {
    expect(extractEdits('할수 있다', '할 수 있다')).toEqual([{ start: 1, end: 1, text: ' ' }]);
    expect(extractEdits('메세지', '메시지')).toEqual([{ start: 1, end: 2, text: '시' }]);
    expect(extractEdits('같다', '같다')).toEqual([]);
  });

  it('parses tagged spans', () => {
    const r = parseTagged('밥을 <e1>먹어따.</e1>', { e1: 'consonant_vowel_conversion,remove' });
    expect(r.text).toBe('밥을 먹어따.');
    expect(r.spans).toEqual([{ tag: 'e1', start: 3, end: 7, types: ['consonant_vowel_conversion', 'remove'] }]);
  });

  it('hides style-tier suggestions (쉐프 → 셰프) below the default display threshold', () => {
    const engine = createEngineSync(null);
    const text = '쉐프가 메세지를 보냈다.';
    const shown = engine.check([{ id: 'p', text }], { pack: 'general' });
    const all = engine.check([{ id: 'p', text }], { pack: 'general', minConfidence: 0 });
    expect(shown.map((s) => s.ruleId)).toEqual(['spelling.loanword']);
    expect(all.map((s) => s.ruleId)).toEqual(['style.loanword-variant', 'spelling.loanword']);
    expect(all[0]!.category).toBe('style');
    expect(all[0]!.confidence).toBeLessThan(DEFAULT_MIN_CONFIDENCE);
  });

  it('computes known numbers on a tiny fixture (all suggestions)', () => {
    const engine = createEngineSync(null);
    const items = readFileSync(path.join(__dirname, '../../../fixtures/proofread/tiny.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const acc = new EvalAccumulator();
    for (const it of items) {
      acc.add(
        it,
        engine.check([{ id: 's', text: it.source }], { pack: 'general', minConfidence: 0 }),
        engine.check([{ id: 't', text: it.target }], { pack: 'general', minConfidence: 0 }),
      );
    }
    const s = acc.summary();
    // gold edits: 할수 (1), 메세지 (1), 먹어따 (1: "어따" → "었다" is one contiguous edit or two) ; system: 할수 ✓, 메세지 ✓, 쉐프 ✗ (gold keeps 쉐프)
    expect(s.sentences).toBe(4);
    expect(s.truePositives).toBe(2);
    expect(s.systemEdits).toBe(3);
    expect(s.precision).toBeCloseTo(2 / 3, 3);
    expect(s.recall).toBeCloseTo(2 / s.goldEdits, 3);
    expect(s.f05).toBeCloseTo(Math.round(fBeta(2 / 3, 2 / s.goldEdits) * 10000) / 10000, 4);
    expect(s.exactMatch).toBe(0.5); // 1 and 2
    expect(s.falseAlarmRate).toBe(0.25); // target 4 (쉐프)
    expect(s.byType.spacing).toEqual({ gold: 1, found: 1, recall: 1 });
    expect(s.byType.foreign_and_conversion!.found).toBe(1);
    expect(s.byType.consonant_vowel_conversion!.found).toBe(0);
  });
});
