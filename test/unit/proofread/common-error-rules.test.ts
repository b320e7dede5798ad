/**
 * Engine-level checks of the rules for common writers' errors (issue 18), beyond each rule's own
 * examples: one suggestion per 어절 for a two-place spacing fix, and the display tier of the rules
 * measured below 0.95 precision.
 */
import { DEFAULT_MIN_CONFIDENCE, createEngineSync } from '../../../server/proofread/engine';
import { applyReplacements } from '../../../server/proofread/run-rules';

const engine = createEngineSync(null);
const check = (text: string, minConfidence?: number) =>
  engine.check([{ id: 'p', text }], { pack: 'general', ...(minConfidence === undefined ? {} : { minConfidence }) });

describe('common-error rules in the engine', () => {
  it('makes one suggestion for a spacing fix touching two places of one 어절 (할수있는)', () => {
    const s = check('누구나 할수있는 일이다.');
    expect(s).toHaveLength(1);
    expect(s[0]!.original).toBe('할수있');
    expect(applyReplacements('누구나 할수있는 일이다.', s)).toBe('누구나 할 수 있는 일이다.');
  });

  it('shows high-precision new rules at the default threshold', () => {
    const text = '공무원으로써 품위를 유지하고, 출입을 일체 금합니다.';
    const ids = check(text).map((s) => s.ruleId);
    expect(ids).toEqual(['grammar.roseo.status', 'confusable.ilche-iljeol']);
  });

  it('keeps rules measured below 0.95 precision under the display threshold', () => {
    const text = '신입 사원 세명이 규정 대로 갈 거에요.';
    expect(check(text)).toEqual([]);
    const all = check(text, 0);
    expect(all.map((s) => s.ruleId).sort()).toEqual(['grammar.yeyo.geo', 'spacing.particle-apart.mankeum-daero-ppun', 'spacing.unit-noun']);
    expect(all.every((s) => s.confidence < DEFAULT_MIN_CONFIDENCE)).toBe(true);
  });

  it('leaves tricky-but-correct sentences alone', () => {
    for (const t of ['할 수 있는 데까지 해 보고 안 되면 다시 의논합시다.', '올해로써 이 행사는 10회째를 맞는다.', '착한 어린이예요.', '참 안됐다.', '홍길동 님께서 문의하셨습니다.', '제2조 부터 제5조까지 생략']) {
      expect(check(t, 0)).toEqual([]);
    }
  });
});
