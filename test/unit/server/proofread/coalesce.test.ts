/**
 * Issue 16 item 6: one card per fix, no duplicate findings from any engine combination.
 * coalesceSuggestions is the last step on the rules engine's output (engine.ts), on the
 * model layer's batches (routes/proofread.ts) and on the CLI's merged output (checker.ts).
 */
import fc from 'fast-check';
import { coalesceSuggestions } from '../../../../server/proofread/coalesce';
import { createChecker, type EngineChoice } from '../../../../server/cli/checker';
import { createEngineSync } from '../../../../server/proofread/engine';
import type { ChatRequest } from '../../../../server/llm/types';
import type { Suggestion } from '../../../../server/proofread/types';

const s = (o: Partial<Suggestion>): Suggestion => ({
  id: `${o.start}-${o.end}-${o.replacement}-${o.ruleId}`,
  paragraphId: 'p',
  start: 0,
  end: 1,
  original: '',
  replacement: '',
  category: 'spacing',
  message: 'm',
  messageEn: 'm',
  source: 'rule',
  confidence: 0.9,
  ...o,
});

const sameChange = (list: Suggestion[]) =>
  new Set(list.map((x) => `${x.paragraphId}|${x.start}|${x.end}|${x.replacement}`)).size === list.length;

describe('coalesceSuggestions', () => {
  const text = '할수있는 일이다';
  const paras = [{ id: 'p', text }];

  it('joins adjacent edits of one rule inside a word into one fix', () => {
    const a = s({ start: 0, end: 2, original: '할수', replacement: '할 수', ruleId: 'spacing.su' });
    const b = s({ start: 2, end: 3, original: '있', replacement: ' 있', ruleId: 'spacing.su' });
    const out = coalesceSuggestions([a, b], paras);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ start: 0, end: 3, original: '할수있', replacement: '할 수 있' });
    expect(out[0]!.id).not.toBe(a.id);
    expect(coalesceSuggestions(out, paras)).toEqual(out);
  });

  it('keeps edits of different rules, edits across a space and comment-only findings apart', () => {
    const a = s({ start: 0, end: 2, original: '할수', replacement: '할 수', ruleId: 'spacing.su' });
    const b = s({ start: 2, end: 3, original: '있', replacement: ' 있', ruleId: 'other', message: 'other' });
    const c = s({ start: 5, end: 7, original: '일이', replacement: '일', ruleId: 'spacing.su' });
    const d = s({ start: 0, end: 2, original: '할수', replacement: null, ruleId: 'x' });
    expect(coalesceSuggestions([a, b, c, d], paras)).toHaveLength(4);
  });

  it('keeps one of duplicates (same span and replacement), preferring the rule and a specific citation', () => {
    const generic = s({
      start: 0,
      end: 2,
      original: '몇일',
      replacement: '며칠',
      ruleId: 'spelling.frequent',
      rule: '한글 맞춤법 / 표준어 규정',
    });
    const specific = s({
      start: 0,
      end: 2,
      original: '몇일',
      replacement: '며칠',
      ruleId: 'spelling.myeochil',
      rule: '한글 맞춤법 제27항 [붙임 2]',
    });
    const model = s({ start: 0, end: 2, original: '몇일', replacement: '며칠', source: 'model', ruleId: 'model', confidence: 0.99 });
    const out = coalesceSuggestions([model, generic, specific], [{ id: 'p', text: '몇일 쉬었다' }]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ ruleId: 'spelling.myeochil', confidence: 0.99 });
  });

  it('never leaves two findings with the same span and replacement (property)', () => {
    const arb = fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 6 }),
        len: fc.integer({ min: 0, max: 2 }),
        replacement: fc.constantFrom('가', ' ', '', null),
        ruleId: fc.constantFrom('a', 'b'),
        source: fc.constantFrom('rule' as const, 'model' as const, 'dictionary' as const),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const list = raw.map((r) =>
          s({
            start: r.start,
            end: r.start + r.len,
            original: text.slice(r.start, r.start + r.len),
            replacement: r.replacement,
            ruleId: r.ruleId,
            source: r.source,
          }),
        );
        const out = coalesceSuggestions(list, paras);
        expect(sameChange(out)).toBe(true);
        expect(coalesceSuggestions(out, paras)).toEqual(out);
      }),
    );
  });
});

describe('the engines give one finding per fix', () => {
  it('rules only: 몇일 once, 할수있는 as one card', () => {
    const out = createEngineSync(null).check([{ id: 'p', text: '몇일 동안 할수있는 일을 했다.' }], { pack: 'general' });
    expect(out.filter((x) => x.original === '몇일')).toHaveLength(1);
    const su = out.filter((x) => x.ruleId === 'spacing.dependent-noun.su');
    expect(su).toHaveLength(1);
    expect(su[0]).toMatchObject({ original: '할수있', replacement: '할 수 있' });
  });

  /** The model answers in the proofread JSON format, repeating the rules' fixes. */
  const complete = async (req: ChatRequest) => {
    const user = req.messages.filter((m) => m.role === 'user').pop()?.content ?? '';
    const { paragraphs } = JSON.parse(user.slice(user.indexOf('{'))) as { paragraphs: Array<{ id: string; text: string }> };
    const edits = [
      { original: '몇일', corrected: '며칠', reason: '맞춤법' },
      { original: '할수있는', corrected: '할 수 있는', reason: '띄어쓰기' },
    ];
    return {
      content: JSON.stringify({ results: paragraphs.map((p) => ({ id: p.id, edits: edits.filter((e) => p.text.includes(e.original)) })) }),
      finishReason: 'stop',
    };
  };

  it.each<EngineChoice>(['rules', 'model', 'all'])('--engine %s: no duplicate findings', async (engine) => {
    const check = await createChecker({ engine, pack: 'general', complete, env: { LLM_MODEL: 'm' } });
    const out = (await check.check([{ id: 'p', text: '몇일 동안 할수있는 일을 했다.' }])).suggestions;
    await check.close();
    expect(out.length).toBeGreaterThan(0);
    expect(sameChange(out)).toBe(true);
    expect(out.filter((x) => x.original.includes('몇일'))).toHaveLength(1);
  });
});
