/**
 * The real 한글 files in ../shared/data/hwpx: every file opens, its text is kordoc's own
 * extraction, and fixing it (offline rules) in each mode re-opens with exactly the
 * expected text — only the section XML (and header.xml for tracked changes) differs, the
 * result passes kordoc's validateHwpx, and fixing the fixed file changes nothing.
 */
import { kordoc, type IRBlock } from '../../../../server/documents/kordoc';
import { openHwpx } from '../../../../server/documents/hwpx';
import { applyToText } from '../../../../server/documents/edits';
import type { ApplyMode, DocumentEdit, OpenedDocument } from '../../../../server/documents/types';
import { createChecker, type Checker } from '../../../../server/cli/checker';
import { changedEntries, hwpxFiles, readHwpx } from '../../../helpers/documents';

const DATE = '2026-11-30T12:00:00Z';
const squash = (s: string) => s.replace(/\s+/g, '');

/** kordoc's extraction flattened to text (paragraphs, headings, list items, table cells); its Markdown links [label](url) read as their label. */
function kordocText(blocks: IRBlock[]): string {
  return flatten(blocks).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}
function flatten(blocks: IRBlock[]): string {
  return blocks
    .map((b) => {
      if (b.table)
        return b.table.cells
          .flat()
          .map((c) => (c.blocks?.length ? flatten(c.blocks) : c.text))
          .join('\n');
      return [b.text ?? '', b.children ? flatten(b.children) : ''].join('\n');
    })
    .join('\n');
}

let checker: Checker;
beforeAll(async () => {
  checker = await createChecker({ engine: 'rules', pack: 'official', minConfidence: 0 });
});

async function ruleEdits(doc: OpenedDocument): Promise<DocumentEdit[]> {
  const { suggestions: found } = await checker.check(doc.paragraphs.map((p) => ({ id: p.id, text: p.text })));
  const edits = found
    .filter((s) => s.replacement !== null)
    .map((s) => ({ paragraphId: s.paragraphId, start: s.start, end: s.end, replacement: s.replacement! }));
  // Overlapping findings: keep the first per region (the writer would skip the rest).
  return edits
    .sort((a, b) => (a.paragraphId < b.paragraphId ? -1 : a.paragraphId > b.paragraphId ? 1 : a.start - b.start))
    .filter((e, i, all) => {
      const prev = all[i - 1];
      return !prev || prev.paragraphId !== e.paragraphId || prev.end <= e.start;
    });
}

function expectedTexts(doc: OpenedDocument, edits: DocumentEdit[]): string[] {
  return doc.paragraphs.map((p) =>
    applyToText(
      p.text,
      edits.filter((e) => e.paragraphId === p.id).sort((a, b) => a.start - b.start),
    ),
  );
}

describe.each(hwpxFiles())('%s', (name) => {
  const original = readHwpx(name);

  it('opens, and its text is kordoc’s own extraction (same characters, same order)', async () => {
    const doc = await openHwpx(original);
    expect(doc.paragraphs.length).toBeGreaterThan(0);
    expect(new Set(doc.paragraphs.map((p) => p.id)).size).toBe(doc.paragraphs.length);
    const parsed = await kordoc.parse(Buffer.from(original));
    expect(parsed.success).toBe(true);
    const theirs = squash(kordocText((parsed as { blocks: IRBlock[] }).blocks));
    let cursor = 0;
    for (const p of doc.paragraphs) {
      const ours = squash(p.text);
      if (!ours) continue;
      const at = theirs.indexOf(ours, cursor);
      expect({ paragraph: p.id, text: p.text, foundInOrder: at >= 0 }).toEqual({ paragraph: p.id, text: p.text, foundInOrder: true });
      cursor = at + ours.length;
    }
    // Nothing kordoc reads is missing from ours beyond what it adds itself (outline numbers "1.", list marks "-").
    const ourTotal = doc.paragraphs.reduce((n, p) => n + squash(p.text).length, 0);
    expect(theirs.length - ourTotal).toBeLessThanOrEqual(Math.max(12, theirs.length * 0.02));
  });

  it.each<ApplyMode>(['tracked', 'direct', 'comment'])(
    'fix in %s mode: re-opens with the expected text, only the changed parts differ',
    async (mode) => {
      const doc = await openHwpx(original);
      const edits = await ruleEdits(doc);
      const result = await doc.apply(edits, [], { mode, author: '쓰기', date: DATE });
      const again = await openHwpx(result.bytes);
      const validation = await kordoc.validateHwpx(result.bytes);
      expect(validation.issues).toEqual([]);
      expect(validation.ok).toBe(true);
      if (mode === 'comment') {
        // 한글 메모 are not written: the file is returned as it was, the findings as 교정 내역.
        expect(Buffer.from(result.bytes).equals(Buffer.from(original))).toBe(true);
        expect(result.notesReport).toHaveLength(edits.length);
        return;
      }
      expect(result.skipped).toEqual([]);
      expect(result.applied).toBe(edits.length);
      expect(again.paragraphs.map((p) => p.text)).toEqual(expectedTexts(doc, edits));
      expect(again.paragraphs.map((p) => p.id)).toEqual(doc.paragraphs.map((p) => p.id));
      const touchedSections = [
        ...new Set(edits.map((e) => `Contents/section${doc.paragraphs.find((p) => p.id === e.paragraphId)!.location.section}.xml`)),
      ];
      const expectChanged = edits.length ? [...touchedSections, ...(mode === 'tracked' ? ['Contents/header.xml'] : [])].sort() : [];
      expect(changedEntries(original, result.bytes)).toEqual(expectChanged);
      if (mode === 'tracked') {
        const before = (doc as Awaited<ReturnType<typeof openHwpx>>).trackedChanges().length;
        const mine = again
          .trackedChanges()
          .slice()
          .filter((c) => c.author === '쓰기');
        expect(again.trackedChanges().length - before).toBe(mine.length);
        const wanted = edits.flatMap((e) => {
          const old = doc.paragraphs.find((p) => p.id === e.paragraphId)!.text.slice(e.start, e.end);
          return [
            ...(old ? [{ type: 'Delete', text: old, paragraphId: e.paragraphId }] : []),
            ...(e.replacement ? [{ type: 'Insert', text: e.replacement, paragraphId: e.paragraphId }] : []),
          ];
        });
        const sortKey = (c: { paragraphId: string; type: string; text: string }) => `${c.paragraphId}|${c.type}|${c.text}`;
        expect(
          mine
            .map((c) => ({ type: c.type, text: c.text, paragraphId: c.paragraphId }))
            .sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
        ).toEqual(wanted.sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
      }
      // Fixing the fixed file changes nothing.
      const second = await again.apply(await ruleEdits(again), [], { mode, author: '쓰기', date: DATE });
      expect(second.applied).toBe(0);
      expect(Buffer.from(second.bytes).equals(Buffer.from(result.bytes))).toBe(true);
    },
  );
});

it('the real files give the rules something to fix (so the tests above are not vacuous)', async () => {
  const doc = await openHwpx(readHwpx('public-data-standard.hwpx'));
  expect((await ruleEdits(doc)).length).toBeGreaterThan(0);
});
