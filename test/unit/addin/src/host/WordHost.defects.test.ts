/**
 * One test per defect of issue 12 (each failed against the WordHost before the fix):
 *  1. paragraph-event registration failing (an office.js without onParagraphChanged, or a
 *     rejected registration) must fall back to the selection-changed signal;
 *  2. WordApi 1.3 members ungated on a 1.1 client (the 1.1 profile of wordhost.test.ts,
 *     plus "uses a text prefix for lists without WordApi 1.3" here);
 *  3. tracked deletions in Paragraph.text (Word on the web);
 *  4. lists (wordhost.test.ts: "inserts a formatted summary below …");
 *  5. a failed search or write mid-batch, and ^t / ^l.
 * Plus the comment format (issue 15): one function owns it.
 */
import type { ParagraphEdit } from '../../../../../addin/src/host/DocumentHost';
import { WordHost } from '../../../../../addin/src/host/WordHost';
import { buildEditSets, paragraphId } from '../../../../../addin/src/core/suggestions';
import { commentReason } from '../../../../../addin/src/ui/proofread/useProofread';
import type { Suggestion } from '../../../../../server/proofread/types';
import { DESKTOP_CURRENT, FakeDocument, FakeWord, WEB_CURRENT, WORD_2016, type WordProfile } from '../../../../helpers/fake-word';

let fake: FakeWord;
let uninstall: (() => void) | undefined;
function setup(profile: WordProfile, paragraphs: string[], wordApi?: string | string[]): FakeWord {
  fake = new FakeWord({ ...profile.options, paragraphs, ...(wordApi ? { wordApi } : {}) });
  uninstall = fake.install();
  return fake;
}
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  expect(fake.ungatedCalls).toEqual([]);
});

function edit(id: string, text: string, original: string, replacement: string | null, occurrence = 0): ParagraphEdit {
  let start = -1;
  let from = 0;
  for (let k = 0; k <= occurrence; k++) {
    start = text.indexOf(original, from);
    from = start + original.length;
  }
  if (start < 0) throw new Error(`test setup: ${original} not in text`);
  return { suggestionId: id, start, end: start + original.length, original, replacement, comment: '이유' };
}
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('defect 1: change events', () => {
  it('falls back to the selection-changed signal when onParagraphChanged is missing (office.js older than the client)', async () => {
    setup(DESKTOP_CURRENT, ['되요']);
    const desc = Object.getOwnPropertyDescriptor(FakeDocument.prototype, 'onParagraphChanged')!;
    Object.defineProperty(FakeDocument.prototype, 'onParagraphChanged', { get: () => undefined, configurable: true });
    try {
      const host = new WordHost({ graceMs: 0 });
      let n = 0;
      host.onChange(() => n++);
      await host.whenListening();
      expect(fake.selectionHandlers).toHaveLength(1);
      fake.userEdit(0, '돼요');
      await tick();
      expect(n).toBe(1);
    } finally {
      Object.defineProperty(FakeDocument.prototype, 'onParagraphChanged', desc);
    }
  });
});

describe('defect 2: WordApi 1.3 members on a 1.1 client', () => {
  it('uses a text prefix for lists without WordApi 1.3 (no 1.3 member is called)', async () => {
    setup(WORD_2016, ['x']);
    const host = new WordHost();
    await host.insertBlocks(
      [
        {
          kind: 'list',
          ordered: true,
          items: [
            { runs: [{ text: '하나' }], level: 0 },
            { runs: [{ text: '둘' }], level: 0 },
          ],
        },
      ],
      'below',
    );
    expect(fake.doc.texts()).toEqual(['x', '1. 하나', '2. 둘']);
    expect(fake.calls.filter((c) => c.set !== '1.1')).toEqual([]);
  });

  it('reads the selection on a 1.1 client, and refuses to guess when its paragraphs occur twice', async () => {
    setup(WORD_2016, ['같은 문단', '다른 문단', '같은 문단']);
    const d = fake.doc;
    d.selectSpan(d.wholePara(d.paragraphs[1]!.id));
    const host = new WordHost();
    expect(await host.getParagraphs('selection')).toEqual([{ index: 1, text: '다른 문단' }]);
    d.selectSpan(d.wholePara(d.paragraphs[2]!.id));
    await expect(host.getParagraphs('selection')).rejects.toMatchObject({ code: 'selection-ambiguous' });
  });
});

describe('defect 3: tracked deletions stay in Paragraph.text (Word on the web)', () => {
  it('a second suggestion in a paragraph with an accepted tracked change is placed on the current text', async () => {
    const text = '되요 그리고 되요.';
    setup(WEB_CURRENT, [text]);
    const host = new WordHost();
    const [p] = await host.getParagraphs('body');
    const r1 = await host.applyEdits([{ paragraph: p!, edits: [edit('s1', text, '되요', '돼요', 0)] }], 'tracked');
    expect(r1.applied).toEqual(['s1']);
    // Word on the web now reports the deleted text too; search does not see it
    expect(fake.doc.fullTexts()).toEqual(['되돼요 그리고 되요.']);
    const [q] = await host.getParagraphs('body');
    expect(q!.text).toBe('돼요 그리고 되요.');
    const r2 = await host.applyEdits([{ paragraph: q!, edits: [edit('s2', q!.text, '되요', '돼요', 0)] }], 'tracked');
    expect(r2).toMatchObject({ applied: ['s2'], stale: [], failed: [] });
    expect(fake.doc.texts()).toEqual(['돼요 그리고 돼요.']);
    expect(await host.getBodyText()).toBe('돼요 그리고 돼요.');
  });

  it('refuses (does not guess) an edit that touches a tracked deletion', async () => {
    setup(WEB_CURRENT, ['가나다라마']);
    fake.doc.changeTrackingMode = 'TrackAll';
    const id = fake.doc.paragraphs[0]!.id;
    fake.doc.replace({ start: { para: id, off: 2 }, end: { para: id, off: 3 } }, ''); // user deletes 다 (tracked)
    fake.doc.changeTrackingMode = 'Off';
    const host = new WordHost();
    const [p] = await host.getParagraphs('body');
    expect(p!.text).toBe('가나라마');
    const res = await host.applyEdits(
      [{ paragraph: p!, edits: [edit('across', p!.text, '나라', '너러'), edit('clear', p!.text, '마', '머')] }],
      'direct',
    );
    expect(res).toMatchObject({ applied: ['clear'], failed: ['across'], failedReasons: { across: 'tracked-changes' } });
    expect(fake.doc.texts()).toEqual(['가나라머']);
  });
});

describe('defect 5: partial failure', () => {
  const texts = ['첫째 되요', '둘째 되요', '셋째 되요'];
  const run = async (profile: WordProfile, configure: (f: FakeWord) => void, mode: 'tracked' | 'direct' = 'tracked') => {
    setup(profile, texts);
    const host = new WordHost();
    const paras = await host.getParagraphs('body');
    configure(fake);
    return host.applyEdits(
      paras.map((p, i) => ({ paragraph: p, edits: [edit(`s${i}`, p.text, '되요', '돼요')] })),
      mode,
    );
  };

  it.each([DESKTOP_CURRENT, WEB_CURRENT, WORD_2016])(
    'a write rejected once mid-batch: what ran is reported, the rest retried ($name)',
    async (profile) => {
      const res = await run(profile, (f) => (f.failWriteAt = f.writeCount + 2));
      expect(res.applied.sort()).toEqual(['s0', 's1', 's2']);
      expect(res.failed).toEqual([]);
      expect(fake.doc.texts()).toEqual(['첫째 돼요', '둘째 돼요', '셋째 돼요']);
      expect(fake.doc.changeTrackingMode).toBe('Off');
    },
  );

  it('a write that keeps failing is marked failed; the others are applied once; tracking restored', async () => {
    const res = await run(DESKTOP_CURRENT, (f) => (f.failWriteAt = [f.writeCount + 2, f.writeCount + 3]));
    expect(res.applied.sort()).toEqual(['s0', 's2']);
    expect(res).toMatchObject({ failed: ['s1'], failedReasons: { s1: 'write-failed' } });
    expect(fake.doc.texts()).toEqual(['첫째 돼요', '둘째 되요', '셋째 돼요']);
    expect(fake.doc.revisions.filter((r) => r.type === 'insert')).toHaveLength(2);
    expect(fake.doc.changeTrackingMode).toBe('Off');
  });

  it('a rejected search batch is retried job by job; a search that keeps failing fails only its suggestion', async () => {
    const res = await run(DESKTOP_CURRENT, (f) => (f.failSearchAt = [f.searchCount + 1, f.searchCount + 2]));
    expect(res).toMatchObject({ failed: ['s0'], failedReasons: { s0: 'search-failed' } });
    expect(res.applied.sort()).toEqual(['s1', 's2']);
    expect(fake.doc.texts()).toEqual(['첫째 되요', '둘째 돼요', '셋째 돼요']);
  });

  it('comments after a failed batch are counted, not written twice', async () => {
    setup(DESKTOP_CURRENT, texts);
    const host = new WordHost();
    const paras = await host.getParagraphs('body');
    fake.failWriteAt = fake.writeCount + 2;
    const res = await host.applyEdits(
      paras.map((p, i) => ({ paragraph: p, edits: [edit(`c${i}`, p.text, '되요', null)] })),
      'tracked',
    );
    expect(res.applied.sort()).toEqual(['c0', 'c1', 'c2']);
    expect(fake.doc.comments.map((c) => c.paraId)).toHaveLength(3);
    expect(new Set(fake.doc.comments.map((c) => c.paraId)).size).toBe(3);
  });

  it('searches a tab as ^t and a manual line break as ^l; other control characters are not searched', async () => {
    setup(DESKTOP_CURRENT, ['항목\t되요', '줄\u000b바꿈 되요', '필드\u0013값 되요']);
    const host = new WordHost();
    const paras = await host.getParagraphs('body');
    const res = await host.applyEdits(
      [
        { paragraph: paras[0]!, edits: [edit('tab', paras[0]!.text, '목\t되', '목 되')] },
        { paragraph: paras[1]!, edits: [edit('lb', paras[1]!.text, '줄\n바꿈', '줄바꿈')] },
        { paragraph: paras[2]!, edits: [edit('ctl', paras[2]!.text, '드\u0013값', '드값')] },
      ],
      'direct',
    );
    expect(res).toMatchObject({ failed: ['ctl'], failedReasons: { ctl: 'not-located' } });
    expect(res.applied.sort()).toEqual(['lb', 'tab']);
    expect(fake.doc.texts()).toEqual(['항목 되요', '줄바꿈 되요', '필드\u0013값 되요']);
    expect(fake.searches.some((s) => s.includes('^t'))).toBe(true);
    expect(fake.searches.some((s) => s.includes('^l'))).toBe(true);
    // eslint-disable-next-line no-control-regex -- looking for raw control characters is the point
    expect(fake.searches.some((s) => /[\u0000-\u001f]/.test(s))).toBe(false);
  });
});

describe('comment format (issue 15): one function owns it', () => {
  it('a Word comment reads "[AI 제안] reason (rule) → “fix”" exactly once', async () => {
    const text = '어제 비가 됬다.';
    setup(DESKTOP_CURRENT, [text]);
    const host = new WordHost();
    const [p] = await host.getParagraphs('body');
    const s: Suggestion = {
      id: 'sp1',
      paragraphId: paragraphId(0),
      start: 6,
      end: 8,
      original: '됬다',
      replacement: '됐다',
      category: 'spelling',
      message: "'되었다'의 준말은 '됐다'입니다.",
      messageEn: "Short for '되었다' is '됐다'.",
      rule: '한글 맞춤법 제35항',
      source: 'rule',
      confidence: 1,
    };
    const plan = buildEditSets([s], new Map([[paragraphId(0), p!]]), (x) => commentReason(x, 'ko'));
    const res = await host.applyEdits(plan.sets, 'comment');
    expect(res.applied).toEqual(['sp1']);
    expect(fake.doc.comments.map((c) => c.text)).toEqual(["[AI 제안] '되었다'의 준말은 '됐다'입니다. (한글 맞춤법 제35항) → “됐다”"]);
  });
});
