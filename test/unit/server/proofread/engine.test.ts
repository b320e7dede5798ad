import { createEngineSync } from '../../../../server/proofread/engine';

describe('strictness by document type', () => {
  const engine = createEngineSync(null);
  const paragraphs = [{ id: 'p', text: '새 사업의 컨셉을 정했다.' }];

  it('shows a loanword variant only as a recommendation in general writing', () => {
    expect(engine.check(paragraphs, { pack: 'general' }).some((s) => s.original.startsWith('컨셉'))).toBe(false);
    const all = engine.check(paragraphs, { pack: 'general', minConfidence: 0 });
    expect(all.find((s) => s.original.startsWith('컨셉'))).toMatchObject({ ruleId: 'style.loanword-variant' });
  });

  it('shows it as a finding in a 공문서', () => {
    const found = engine.check(paragraphs, { pack: 'official' }).find((s) => s.original.startsWith('컨셉'));
    expect(found).toMatchObject({ replacement: expect.stringContaining('콘셉트'), ruleId: 'style.loanword-variant' });
    expect(found!.confidence).toBeGreaterThanOrEqual(0.8);
  });
});
