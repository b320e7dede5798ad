import { applyReplacements, runRules, suggestionId } from '../../../../server/proofread/run-rules';
import type { Rule } from '../../../../server/proofread/types';

const rule: Rule = {
  id: 'test.su',
  pack: 'general',
  category: 'spacing',
  message: { ko: '띄어 씁니다.', en: 'Space it.' },
  norm: '한글 맞춤법 제42항',
  confidence: 0.9,
  scope: 'paragraph',
  examples: { wrong: [{ text: '할수', fixed: '할 수' }], correct: ['할 수'] },
  check(ctx, i = 0) {
    const t = ctx.paragraphs[i]!;
    const out = [];
    for (const m of t.matchAll(/할수/g)) out.push({ paragraphIndex: i, start: m.index!, end: m.index! + 2, replacement: '할 수' });
    return out;
  },
};

describe('runRules', () => {
  it('turns matches into suggestions with stable ids', () => {
    const paras = [
      { id: 'a', text: '할수 있다' },
      { id: 'b', text: '없음 할수' },
    ];
    const s = runRules([rule], paras);
    expect(s.map((x) => [x.paragraphId, x.start, x.end, x.original, x.replacement])).toEqual([
      ['a', 0, 2, '할수', '할 수'],
      ['b', 3, 5, '할수', '할 수'],
    ]);
    expect(s[0]!.id).toBe(suggestionId('a', 0, 2, '할 수', 'test.su'));
    expect(runRules([rule], paras)[0]!.id).toBe(s[0]!.id);
    expect(s[0]!.rule).toBe('한글 맞춤법 제42항');
    expect(s[0]!.source).toBe('rule');
  });
  it('filters by category', () => {
    expect(runRules([rule], [{ id: 'a', text: '할수' }], { categories: ['spelling'] })).toEqual([]);
  });
  it('applies replacements right to left, skipping nulls and overlaps', () => {
    expect(
      applyReplacements('abcdef', [
        { start: 4, end: 5, replacement: 'E' },
        { start: 0, end: 2, replacement: 'X' },
        { start: 1, end: 3, replacement: 'Y' },
        { start: 5, end: 6, replacement: null },
      ]),
    ).toBe('XcdEf');
  });
});
