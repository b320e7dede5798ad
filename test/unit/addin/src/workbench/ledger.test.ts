/**
 * The workbench's edit ledger: edits accepted on a paragraph's current text are kept in
 * offsets of the text the relay parsed (what POST /api/document/apply wants).
 */
import fc from 'fast-check';
import { EditLedger } from '../../../../../addin/src/workbench/ledger';

const PARSED = '할수있는 일이 됬다. 그 컨셉은 좋다.';

function accept(ledger: EditLedger, index: number, original: string, replacement: string, id = original) {
  const current = ledger.currentText(index);
  const start = current.indexOf(original);
  const span = ledger.toParsed(index, start, start + original.length);
  if (!span) return false;
  ledger.addEdit(index, { suggestionId: id, ...span, replacement, message: 'm', shownAs: 'tracked' });
  return true;
}

describe('EditLedger', () => {
  it('maps a span after an earlier edit back to parsed offsets', () => {
    const ledger = new EditLedger([{ id: 's0p0', text: PARSED }]);
    expect(accept(ledger, 0, '할수', '할 수')).toBe(true); // +1 character before what follows
    expect(ledger.currentText(0)).toBe('할 수있는 일이 됬다. 그 컨셉은 좋다.');
    expect(accept(ledger, 0, '컨셉', '콘셉트')).toBe(true);
    expect(accept(ledger, 0, '됬다', '됐다')).toBe(true);
    expect(ledger.currentText(0)).toBe('할 수있는 일이 됐다. 그 콘셉트은 좋다.');
    const { edits } = ledger.toRequest();
    // Offsets are into the parsed text, sorted, whatever order they were accepted in.
    expect(edits.map((e) => [e.start, e.end, PARSED.slice(e.start, e.end), e.replacement])).toEqual([
      [0, 2, '할수', '할 수'],
      [8, 10, '됬다', '됐다'],
      [14, 16, '컨셉', '콘셉트'],
    ]);
    expect(edits.every((e) => e.paragraphId === 's0p0')).toBe(true);
  });

  it('refuses a span that touches text an accepted edit inserted', () => {
    const ledger = new EditLedger([{ id: 'a', text: '그 컨셉은 좋다.' }]);
    expect(accept(ledger, 0, '컨셉', '콘셉트')).toBe(true);
    const cur = ledger.currentText(0); // '그 콘셉트은 좋다.'
    const s = cur.indexOf('콘셉트');
    expect(ledger.toParsed(0, s + 1, s + 4)).toBeNull(); // inside and past the insertion
    expect(ledger.toParsed(0, s + 3, s + 3)).toBeNull(); // an insertion right at its end
    expect(ledger.toParsed(0, s + 3, s + 4)).toEqual({ start: 4, end: 5 }); // '은' just after it
    expect(ledger.toParsed(0, 0, 2)).toEqual({ start: 0, end: 2 }); // before it
    expect(ledger.toParsed(0, 0, cur.length + 1)).toBeNull(); // past the end
  });

  it('gives display segments: tracked as deletion + insertion, direct as new text, notes marked', () => {
    const ledger = new EditLedger([{ id: 'a', text: '할수있는 일이 됬다.' }]);
    ledger.addEdit(0, { suggestionId: '1', start: 0, end: 2, replacement: '할 수', message: 'x', shownAs: 'tracked' });
    ledger.addEdit(0, { suggestionId: '2', start: 8, end: 10, replacement: '됐다', message: 'y', shownAs: 'direct' });
    ledger.addNote(0, { suggestionId: '3', start: 5, end: 7, message: 'z' });
    expect(ledger.segments(0).map((s) => [s.kind, s.text])).toEqual([
      ['del', '할수'],
      ['ins', '할 수'],
      ['same', '있는 '],
      ['note', '일이'],
      ['same', ' '],
      ['new', '됐다'],
      ['same', '.'],
    ]);
    expect(ledger.editCount).toBe(2);
    expect(ledger.noteCount).toBe(1);
    expect(ledger.toRequest().notes).toEqual([{ paragraphId: 'a', start: 5, end: 7, message: 'z' }]);
  });

  it('property: applying the request edits to the parsed text gives the current text', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 4 })), { maxLength: 8 }),
        (text, ops) => {
          const ledger = new EditLedger([{ id: 'p', text }]);
          for (const [at, len, rep] of ops) {
            const cur = ledger.currentText(0);
            const start = at % (cur.length + 1);
            const end = Math.min(cur.length, start + len);
            const span = ledger.toParsed(0, start, end);
            if (!span) continue;
            ledger.addEdit(0, { suggestionId: String(at), ...span, replacement: rep, message: '', shownAs: 'direct' });
            expect(ledger.currentText(0)).toBe(cur.slice(0, start) + rep + cur.slice(end));
          }
          // The relay applies the request's edits (parsed offsets) from the end backwards.
          let out = text;
          for (const e of [...ledger.toRequest().edits].reverse()) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
          expect(out).toBe(ledger.currentText(0));
        },
      ),
    );
  });
});
