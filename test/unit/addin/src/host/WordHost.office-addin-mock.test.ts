import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock only needs the OfficeApp enum from office-addin-manifest, whose
// dependency tree ships ESM that ts-jest does not transform; stub just that enum.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { WordHost } from '../../../../../addin/src/host/WordHost';
import { escapeWordSearch, planLocate } from '../../../../../addin/src/host/word/locate';
import { narrowEdit } from '../../../../../kernel/edits/narrow';

describe('WordHost with office-addin-mock (load/sync semantics)', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Word;
    delete g.Office;
  });

  it('loads the selection text and syncs before reading it', async () => {
    const range = { text: '선택된 글\r' };
    const mockData = {
      context: {
        document: {
          range,
          getSelection: function () {
            return (this as unknown as { range: unknown }).range;
          },
        },
      },
      run: async function (callback: (ctx: unknown) => Promise<unknown>) {
        return callback((this as unknown as { context: unknown }).context);
      },
    };
    const wordMock = new OfficeMockObject(mockData) as unknown as { context: { document: { range: { text: string } } } };
    g.Word = wordMock;
    // a WordApi 1.1 client: the selection's own text, no getReviewedText
    g.Office = { context: { requirements: { isSetSupported: (_n: string, v?: string) => v === undefined || v === '1.1' } } };
    // office-addin-mock returns an error string for properties read without load()+sync()
    expect(wordMock.context.document.range.text).toBe('Error, property was not loaded');
    const host = new WordHost();
    await expect(host.getSelectionText()).resolves.toBe('선택된 글');
  });
});

describe('locate helpers', () => {
  it('escapes only ^ for non-wildcard search', () => {
    expect(escapeWordSearch('a^b?c*')).toBe('a^^b?c*');
  });
  it('maps the k-th JS occurrence to the k-th search result', () => {
    expect(planLocate('ab ab ab', 6, 8, 'ab')).toEqual({
      kind: 'single',
      step: { search: 'ab', literal: 'ab', occurrence: 2, expectedCount: 3 },
    });
    // overlapping occurrence Word would never return → fail, not guess
    expect(planLocate('aaa', 1, 3, 'aa').kind).toBe('fail');
  });
  it('keeps escaped search strings within 255 characters', () => {
    const text = '^'.repeat(400);
    const plan = planLocate(text, 0, 400, text);
    expect(plan.kind).toBe('span');
    if (plan.kind === 'span') {
      expect(plan.head.search.length).toBeLessThanOrEqual(255);
      expect(plan.tail.search.length).toBeLessThanOrEqual(255);
    }
  });
  it('narrows replacements to the changed part', () => {
    expect(narrowEdit(10, '되요', '돼요', { keepOneCharacter: true })).toEqual({ start: 10, end: 11, original: '되', replacement: '돼' });
    expect(narrowEdit(0, '좋은것', '좋은 것', { keepOneCharacter: true })).toEqual({
      start: 2,
      end: 3,
      original: '것',
      replacement: ' 것',
    });
  });
});
