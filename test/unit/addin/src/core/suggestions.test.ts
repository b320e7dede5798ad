/** Pure pane logic: addin/src/core/suggestions.ts */
import {
  CATEGORY_ORDER,
  applyToText,
  catchUpSuggestion,
  buildEditSets,
  contextAround,
  countBy,
  diffHighlight,
  filterSuggestions,
  groupByCategory,
  hashText,
  ignoreKey,
  mergeIncoming,
  rebase,
  type Suggestion,
} from '../../../../../addin/src/core/suggestions';
import type { HostParagraph } from '../../../../../addin/src/host/DocumentHost';
import { CATEGORIES } from '../../../../../server/proofread/types';
import { sug } from '../../../../helpers/suggestions';

const P0 = '할수있는 일이 됬다.';
const paras = new Map<string, HostParagraph>([
  ['p0', { index: 0, text: P0 }],
  ['p2', { index: 2, text: '회의가 잘 됬다.' }],
]);
const su = sug({ id: 'a', start: 0, end: 2, original: '할수', replacement: '할 수', category: 'spacing' });
const iss = sug({ id: 'b', start: 2, end: 3, original: '있', replacement: ' 있', category: 'spacing' });
const doe = sug({ id: 'c', start: 8, end: 10, original: '됬다', replacement: '됐다', rule: '한글 맞춤법 제35항' });
const doe2 = sug({ id: 'd', paragraphId: 'p2', start: 6, end: 8, original: '됬다', replacement: '됐다' });

describe('core/suggestions', () => {
  it('orders categories like the relay', () => {
    expect([...CATEGORY_ORDER]).toEqual([...CATEGORIES]);
  });

  it('hashes text stably and keys ignores by text, span and replacement', () => {
    expect(hashText(P0)).toBe(hashText(P0));
    expect(hashText(P0)).toMatch(/^[0-9a-f]{8}$/);
    expect(hashText(P0)).not.toBe(hashText(P0 + ' '));
    const k = ignoreKey(P0, doe);
    expect(k).toBe(ignoreKey(P0, { start: doe.start, end: doe.end, replacement: doe.replacement }));
    expect(k).not.toBe(ignoreKey('다른 문단', doe));
    expect(k).not.toBe(ignoreKey(P0, { ...doe, start: 7 }));
    expect(k).not.toBe(ignoreKey(P0, { ...doe, replacement: '되었다' }));
    expect(ignoreKey(P0, { ...doe, replacement: null })).not.toBe(k);
  });

  it('merges streamed batches without duplicates; model findings overlapping a rule are dropped', () => {
    const model = sug({ id: 'm1', start: 8, end: 9, original: '됬', replacement: '됐', source: 'model' });
    const modelElsewhere = sug({ id: 'm2', paragraphId: 'p2', start: 0, end: 2, original: '회의', replacement: '회의', source: 'model' });
    let list = mergeIncoming([], [doe2, doe]);
    expect(list.map((s) => s.id)).toEqual(['c', 'd']);
    list = mergeIncoming(list, [doe, { ...doe, id: 'same-span' }, model, modelElsewhere, su]);
    expect(list.map((s) => s.id)).toEqual(['a', 'c', 'm2', 'd']);
  });

  it('groups by category in display order with counts, and filters by category and source', () => {
    const m = sug({ id: 'm', start: 0, end: 1, original: '할', source: 'model', category: 'grammar' });
    const all = [doe, su, m, iss, doe2];
    const groups = groupByCategory(all);
    expect(groups.map((g) => [g.category, g.items.length])).toEqual([
      ['spelling', 2],
      ['spacing', 2],
      ['grammar', 1],
    ]);
    expect(groups[1]!.items.map((s) => s.id)).toEqual(['a', 'b']);
    expect(filterSuggestions(all, { category: 'spacing', source: null }).map((s) => s.id)).toEqual(['a', 'b']);
    expect(filterSuggestions(all, { category: null, source: 'model' }).map((s) => s.id)).toEqual(['m']);
    expect(filterSuggestions(all, { category: 'spelling', source: 'model' })).toEqual([]);
    expect(countBy(all, (s) => s.source)).toEqual(
      new Map([
        ['rule', 4],
        ['model', 1],
      ]),
    );
  });

  it('builds one edit set per paragraph against the text as checked; overlaps and mismatches are skipped', () => {
    const overlapping = sug({ id: 'o', start: 1, end: 3, original: '수있', replacement: '수 있', category: 'spacing' });
    const wrong = sug({ id: 'w', start: 0, end: 2, original: '다른', replacement: 'x' });
    const comment = sug({ id: 'n', paragraphId: 'p2', start: 0, end: 2, original: '회의', replacement: null });
    const unknown = sug({ id: 'u', paragraphId: 'p9', start: 0, end: 1, original: 'x' });
    const plan = buildEditSets([doe2, doe, su, overlapping, iss, wrong, comment, unknown], paras, (s) => `why ${s.id}`);
    expect(plan.skipped.sort()).toEqual(['o', 'u', 'w']);
    expect(plan.sets.map((s) => s.paragraph.index)).toEqual([0, 2]);
    expect(plan.sets[0]!.paragraph.text).toBe(P0);
    expect(plan.sets[0]!.edits.map((e) => e.suggestionId)).toEqual(['a', 'b', 'c']);
    expect(plan.sets[1]!.edits).toEqual([
      { suggestionId: 'n', start: 0, end: 2, original: '회의', replacement: null, comment: 'why n' },
      { suggestionId: 'd', start: 6, end: 8, original: '됬다', replacement: '됐다', comment: 'why d' },
    ]);
  });

  it('applies edits to text and rebases the remaining suggestions', () => {
    expect(applyToText(P0, [su, iss, doe])).toBe('할 수 있는 일이 됐다.');
    expect(applyToText(P0, [{ start: 0, end: 2, replacement: null }])).toBe(P0);
    const { kept, invalid } = rebase([iss, doe, sug({ id: 'x', start: 1, end: 3, original: '수있' })], [su]);
    expect(invalid).toEqual(['x']);
    expect(kept.map((s) => [s.id, s.start, s.end])).toEqual([
      ['b', 3, 4],
      ['c', 9, 11],
    ]);
    const t = applyToText(P0, [su]);
    expect(t.slice(kept[1]!.start, kept[1]!.end)).toBe('됬다');
  });

  it('rebase drops a remaining insertion inside or at the edge of an applied edit (the span rule), not one further on', () => {
    const inside = sug({ id: 'in', start: 1, end: 1, original: '', replacement: ' ' });
    const atEdge = sug({ id: 'edge', start: 2, end: 2, original: '', replacement: ' ' });
    const later = sug({ id: 'later', start: 3, end: 3, original: '', replacement: ' ' });
    const { kept, invalid } = rebase([inside, atEdge, later], [su]);
    expect(invalid).toEqual(['in', 'edge']);
    expect(kept.map((s) => [s.id, s.start])).toEqual([['later', 4]]);
  });

  it('highlights only the changed middle', () => {
    expect(diffHighlight('됬다', '됐다')).toEqual({
      before: [
        { text: '됬', kind: 'removed' },
        { text: '다', kind: 'same' },
      ],
      after: [
        { text: '됐', kind: 'added' },
        { text: '다', kind: 'same' },
      ],
    });
    expect(diffHighlight('할수', '할 수').after).toEqual([
      { text: '할', kind: 'same' },
      { text: ' ', kind: 'added' },
      { text: '수', kind: 'same' },
    ]);
    expect(diffHighlight('할수', '할 수').before).toEqual([
      { text: '할', kind: 'same' },
      { text: '수', kind: 'same' },
    ]);
    expect(diffHighlight('컨셉은', '콘셉트는').before).toEqual([{ text: '컨셉은', kind: 'removed' }]);
    // surrogate pairs are not split
    const d = diffHighlight('a😀b', 'a😁b');
    expect(d.before.find((p) => p.kind === 'removed')!.text).toBe('😀');
  });

  it('gives context around a span', () => {
    expect(contextAround(P0, 8, 10, 4)).toEqual({ before: '…일이 ', after: '.' });
  });
});

describe('suggestions that arrive after an accept', () => {
  const base = {
    id: 's',
    paragraphId: 'p0',
    category: 'spelling' as const,
    message: '',
    messageEn: '',
    source: 'model' as const,
    confidence: 0.7,
  };
  it('are moved through the accepted edits onto the current text', () => {
    // ZZabababc: the user accepted ZZ → '' ; a late model edit at [2,5) "aba" → "X" was computed on the old text.
    const late = { ...base, start: 2, end: 5, original: 'aba', replacement: 'X' };
    const moved = catchUpSuggestion(late, [[{ start: 0, end: 2, replacement: '' }]]);
    expect(moved).toMatchObject({ start: 0, end: 3, original: 'aba' });
    expect(applyToText('abababc', [moved])).toBe('Xbabc');
  });
  it('are marked stale when an accepted edit touched their span', () => {
    const late: Suggestion & { stale?: boolean } = { ...base, start: 2, end: 5, original: 'aba', replacement: 'X' };
    expect(catchUpSuggestion(late, [[{ start: 3, end: 4, replacement: 'Q' }]]).stale).toBe(true);
  });
});
