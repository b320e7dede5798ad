import type { Suggestion } from '../../../../server/proofread/types';
import { EvalAccumulator } from '../../../../server/cli/eval-metrics';

/** A suggestion replacing [start, end) of the sentence by `replacement`. */
function sug(start: number, end: number, original: string, replacement: string): Suggestion {
  return {
    id: `${start}:${end}`,
    paragraphId: 's',
    start,
    end,
    original,
    replacement,
    category: 'spelling',
    message: '',
    messageEn: '',
    source: 'rule',
    confidence: 1,
  };
}

describe('eval byCategory', () => {
  it('reports recall and precision per category when items carry one', () => {
    const acc = new EvalAccumulator();
    // found: 됬 → 됐
    acc.add({ category: 'doe_dwae', source: '완료됬다.', target: '완료됐다.' }, [sug(2, 3, '됬', '됐')], []);
    // missed
    acc.add({ category: 'doe_dwae', source: '예상되요.', target: '예상돼요.' }, [], []);
    // a wrong edit in another category
    acc.add({ category: 'spelling', source: '금새 퍼졌다.', target: '금세 퍼졌다.' }, [sug(0, 2, '금새', '곰새')], []);
    const s = acc.summary();
    expect(s.byCategory).toEqual({
      doe_dwae: { sentences: 2, gold: 2, found: 1, recall: 0.5, systemEdits: 1, precision: 1 },
      spelling: { sentences: 1, gold: 1, found: 0, recall: 0, systemEdits: 1, precision: 0 },
    });
  });

  it('has no byCategory when the input has no categories (K-NCT)', () => {
    const acc = new EvalAccumulator();
    acc.add({ source: '할수 있다', target: '할 수 있다' }, [], []);
    expect(acc.summary().byCategory).toBeUndefined();
  });
});
