/**
 * Engine-level checks of the rules for common writers' errors (issue 18), beyond each rule's own
 * examples: at most one suggestion per 어절 from the new spacing rules, and the display tier of the
 * rules measured below 0.95 precision.
 */
import { DEFAULT_MIN_CONFIDENCE, createEngineSync } from '../../../../../../server/proofread/engine';
import { PACKS } from '../../../../../../server/proofread/packs';
import { applyReplacements, runRule } from '../../../../../../server/proofread/run-rules';

/** Ids of the spacing rules added for issue 18 (packs/general/spacing-units, spacing-particles, bound-nouns, negation-spacing). */
const NEW_RULE_FILES_IDS = /^spacing\.(?:unit-noun|particle-apart|suffix-apart|bound-noun|an-verb)/;

const engine = createEngineSync(null);
const check = (text: string, minConfidence?: number) =>
  engine.check([{ id: 'p', text }], { pack: 'general', ...(minConfidence === undefined ? {} : { minConfidence }) });

describe('common-error rules in the engine', () => {
  it('every new spacing rule makes at most one suggestion per 어절 on its wrong examples', () => {
    const spacing = PACKS.general.filter((r) => r.category === 'spacing' && NEW_RULE_FILES_IDS.test(r.id));
    expect(spacing.length).toBeGreaterThan(10);
    for (const rule of spacing) {
      for (const ex of rule.examples.wrong) {
        const matches = runRule(rule, [ex.text]);
        // the 어절 of a match: the run of non-spaces around its start (a fix may insert spaces)
        const eojeolOf = (at: number) => ex.text.slice(0, at).split(' ').length - 1;
        const eojeols = matches.map((m) => eojeolOf(m.start));
        expect([rule.id, new Set(eojeols).size]).toEqual([rule.id, eojeols.length]);
      }
    }
  });

  it('joins a suffix written apart with one suggestion (200 여 명 → 200여 명)', () => {
    const s = check('주민 200 여 명이 모였다.');
    expect(s).toHaveLength(1);
    expect(applyReplacements('주민 200 여 명이 모였다.', s)).toBe('주민 200여 명이 모였다.');
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

  it('dotted dates: one card in the 공문서 pack, where official.date.format already fixes them', () => {
    const p = [{ id: 'p', text: '일시: 2026.3.10.(화) 14:00' }];
    expect(engine.check(p, { pack: 'general' }).map((s) => s.ruleId)).toEqual(['punctuation.date-dots']);
    expect(engine.check(p, { pack: 'official' }).map((s) => s.ruleId)).toEqual(['official.date.format']);
  });

  it('leaves tricky-but-correct sentences alone', () => {
    for (const t of [
      '할 수 있는 데까지 해 보고 안 되면 다시 의논합시다.',
      '올해로써 이 행사는 10회째를 맞는다.',
      '착한 어린이예요.',
      '참 안됐다.',
      '홍길동 님께서 문의하셨습니다.',
      '제2조 부터 제5조까지 생략',
    ]) {
      expect(check(t, 0)).toEqual([]);
    }
  });
});
