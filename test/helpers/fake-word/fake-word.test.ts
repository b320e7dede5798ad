import { FakeWord } from '.';

describe('fake Word object model', () => {
  it('throws when a property is read before load()+sync(), and snapshots at sync', async () => {
    const w = new FakeWord({ paragraphs: ['가나다'] });
    await w.run(async (ctx) => {
      const paras = ctx.document.body.paragraphs;
      expect(() => paras.items).toThrow(/not available/);
      paras.load('items/text');
      expect(() => paras.items).toThrow(/not available/);
      await ctx.sync();
      const p = paras.items[0]!;
      expect(p.text).toBe('가나다');
      expect(() => p.style).toThrow(/not available/);
    });
    expect(w.totalSyncs).toBe(1);
  });

  it('applies queued writes only at sync', async () => {
    const w = new FakeWord({ paragraphs: ['abc'] });
    await w.run(async (ctx) => {
      ctx.document.body.paragraphs.getFirst().insertText('X', 'End');
      expect(w.doc.texts()).toEqual(['abc']);
      await ctx.sync();
      expect(w.doc.texts()).toEqual(['abcX']);
    });
  });

  it('search enforces the 255-char limit with a Word-like error code', async () => {
    const w = new FakeWord({ paragraphs: ['a'.repeat(300)] });
    await expect(
      w.run(async (ctx) => {
        ctx.document.body.paragraphs.getFirst().search('a'.repeat(256)).load('text');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'SearchStringInvalidOrTooLong' });
  });

  it('treats ^ specially: ^p is a paragraph mark, ^^ a literal caret, bare ^x invalid', async () => {
    const w = new FakeWord({ paragraphs: ['x^py 2^3 a?b a*b'] });
    await w.run(async (ctx) => {
      const p = ctx.document.body.paragraphs.getFirst();
      const raw = p.search('x^py', { matchCase: true });
      const esc = p.search('x^^py', { matchCase: true });
      const caret = p.search('2^^3', { matchCase: true });
      const q = p.search('a?b', { matchCase: true });
      const wild = p.search('a?b', { matchCase: true, matchWildcards: true });
      for (const c of [raw, esc, caret, q, wild]) c.load('text');
      await ctx.sync();
      expect(raw.items).toHaveLength(0);
      expect(esc.items.map((r) => r.text)).toEqual(['x^py']);
      expect(caret.items).toHaveLength(1);
      expect(q.items.map((r) => r.text)).toEqual(['a?b']);
      expect(wild.items.map((r) => r.text)).toEqual(['a?b', 'a*b']);
    });
    await expect(
      w.run(async (ctx) => {
        ctx.document.body.search('2^3').load('text');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('gates WordApi 1.4 / 1.6 features and counts syncs per context', async () => {
    const w = new FakeWord({ paragraphs: ['a'], wordApi: '1.3' });
    expect(w.isSetSupported('WordApi', '1.3')).toBe(true);
    expect(w.isSetSupported('WordApi', '1.4')).toBe(false);
    await expect(
      w.run(async (ctx) => {
        ctx.document.load('changeTrackingMode');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      w.run(async (ctx) => {
        ctx.document.body.paragraphs.load('items/uniqueLocalId');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('records tracked changes and keeps formatting runs', async () => {
    const w = new FakeWord({ paragraphs: ['hello world'] });
    w.doc.changeTrackingMode = 'TrackAll';
    await w.run(async (ctx) => {
      const found = ctx.document.body.search('world', { matchCase: true });
      found.load('text');
      await ctx.sync();
      const r = found.items[0]!.insertText('there', 'Replace');
      r.font.bold = true;
      await ctx.sync();
    });
    expect(w.doc.texts()).toEqual(['hello there']);
    expect(w.doc.revisions.map((r) => [r.type, r.text])).toEqual([
      ['delete', 'world'],
      ['insert', 'there'],
    ]);
    expect(w.doc.paragraphs[0]!.runs).toEqual([
      { text: 'hello ', bold: false, italic: false },
      { text: 'there', bold: true, italic: false },
    ]);
  });
});
