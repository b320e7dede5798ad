/**
 * HWPX (OWPML, 한글 2014+): paragraphs from kordoc's section source map (scanSectionXml:
 * body paragraphs, top-level table cells and their <hp:t> ranges), edits written back as
 * string splices into the section XML (kordoc's applySplices), every other ZIP entry copied
 * byte for byte (zip.ts).
 *
 * The least code beside kordoc: kordoc's scanner gives a paragraph's <hp:t> ranges, but its
 * text blanks inner tags and buildRangeSplices refuses any <hp:t> holding tags — and in real
 * files <hp:t> holds tabs, line breaks and 한글's own tracked-change marks. `tokenizeT`
 * below maps every visible character (tab = \t, line break = \n, tracked deletions hidden)
 * to its place in the XML, so a fix lands next to a tab or inside a tracked paragraph.
 *
 * Tracked mode writes 한글's 변경 내용 추적 in the form ../shared/data/hwpx/change-track.hwpx
 * (saved by 한글) shows: <hp:deleteBegin Id TcId/>old<hp:deleteEnd Id TcId paraend="0"/>
 * <hp:insertBegin Id TcId/>new<hp:insertEnd Id TcId paraend="0"/> inside <hp:t>, and
 * <hh:trackChange type="Delete"|"Insert" date authorID hide="0" id/> plus
 * <hh:trackChangeAuthor name mark="1" id/> in Contents/header.xml with their itemCnt. In that
 * file the change's authorID is its author's id + 1 (authorID="1" → author id="0"); we
 * write and read it the same way. Changed paragraphs lose their <hp:linesegarray> (the
 * layout cache 한글 would otherwise trust) so 한글 lays them out again.
 * Comment mode: 한글 메모 are not written (no 한글-saved sample to copy the form from);
 * notes come back as a 교정 내역 list.
 */
import { kordoc, type ScanParagraph, type ScanTable, type SpliceEdit } from './kordoc';
import { DocumentError } from './errors';
import { planEdits, reportLine, skip } from './edits';
import type {
  ApplyOptions,
  ApplyResult,
  DocumentEdit,
  DocumentNote,
  DocumentParagraph,
  OpenedDocument,
  ParagraphKind,
  SkippedEdit,
} from './types';
import { entryText, findEntry, patchZip, readZip, type ZipArchive } from './zip';

const SECTION_RE = /^Contents\/section(\d+)\.xml$/;
const HEADER = 'Contents/header.xml';

/** A visible character of a paragraph and where it sits in the section XML. */
interface Atom {
  ch: string;
  xmlStart: number;
  xmlEnd: number;
  /** Inside an existing tracked insertion. */
  inInsert: boolean;
}
/** A tracked-change mark between visible characters: `pos` is the index of the next visible one. */
interface Mark {
  pos: number;
  kind: 'deleteBegin' | 'deleteEnd' | 'insertBegin' | 'insertEnd';
  id: string;
}
interface MappedParagraph {
  para: DocumentParagraph;
  scan: ScanParagraph;
  section: number;
  atoms: Atom[];
  marks: Mark[];
  /** Text in the file differs from its NFC form: offsets would not line up, so no edits. */
  readOnly: boolean;
  /** Tracked changes inside, as found (for tests and the re-open check). */
  changes: TrackedChange[];
}

export interface TrackedChange {
  type: 'Insert' | 'Delete';
  text: string;
  id: string;
}

/** Tags inside <hp:t> that stand for one character of the text. */
const CHAR_TAGS: Record<string, string> = { tab: '\t', lineBreak: '\n', nbSpace: '\u00a0', fwSpace: ' ', hyphen: '-' };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntity(body: string): string | null {
  if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
  return ENTITIES[body] ?? null;
}

export function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Visible characters and tracked-change marks of one paragraph's <hp:t> contents. */
function tokenizeParagraph(xml: string, scan: ScanParagraph): { atoms: Atom[]; marks: Mark[]; changes: TrackedChange[] } {
  const atoms: Atom[] = [];
  const marks: Mark[] = [];
  const changes: TrackedChange[] = [];
  let deleting: TrackedChange | null = null;
  let inserting: TrackedChange | null = null;
  for (const range of scan.tRanges) {
    if (range.selfClosing) continue;
    const tagRe = /<(\/?)([\w]+:)?(\w+)([^>]*?)(\/?)>|&(#?\w+);|[^<&]+/g;
    tagRe.lastIndex = range.contentStart;
    while (tagRe.lastIndex < range.contentEnd) {
      const m = tagRe.exec(xml);
      if (!m || m.index >= range.contentEnd) break;
      const at = m.index;
      const push = (ch: string, start: number, end: number) => {
        if (deleting) deleting.text += ch;
        else {
          if (inserting) inserting.text += ch;
          atoms.push({ ch, xmlStart: start, xmlEnd: end, inInsert: inserting !== null });
        }
      };
      if (m[6] !== undefined) {
        const ch = decodeEntity(m[6]);
        if (ch !== null) push(ch, at, at + m[0].length);
      } else if (m[3] === undefined) {
        let i = at;
        for (const ch of m[0]) {
          push(ch, i, i + ch.length);
          i += ch.length;
        }
      } else {
        const name = m[3];
        const closing = m[1] === '/';
        if (closing) continue;
        const id = /\bId="([^"]*)"/.exec(m[4] ?? '')?.[1] ?? '';
        const ch = CHAR_TAGS[name];
        if (ch !== undefined) {
          let end = at + m[0].length;
          // <hp:tab …></hp:tab>: the closing tag belongs to the character too.
          const close = `</${m[2] ?? ''}${name}>`;
          if (!m[5] && xml.startsWith(close, end)) end += close.length;
          push(ch, at, end);
          tagRe.lastIndex = end;
        } else if (name === 'deleteBegin' || name === 'deleteEnd' || name === 'insertBegin' || name === 'insertEnd') {
          marks.push({ pos: atoms.length, kind: name, id });
          if (name === 'deleteBegin') deleting = { type: 'Delete', text: '', id };
          else if (name === 'insertBegin') inserting = { type: 'Insert', text: '', id };
          else if (name === 'deleteEnd' && deleting) {
            changes.push(deleting);
            deleting = null;
          } else if (name === 'insertEnd' && inserting) {
            changes.push(inserting);
            inserting = null;
          }
        } else if (!m[5]) {
          // Another tag with content of its own inside <hp:t> (rare): skipped past as a whole.
          const close = `</${m[2] ?? ''}${name}>`;
          const at2 = xml.indexOf(close, tagRe.lastIndex);
          if (at2 >= 0 && at2 < range.contentEnd) tagRe.lastIndex = at2 + close.length;
        }
      }
    }
  }
  return { atoms, marks, changes };
}

/** paraPr ids whose <hh:heading type="OUTLINE">: 한글's 개요 paragraphs. */
function outlineParaPrs(header: string): Set<string> {
  const out = new Set<string>();
  const re = /<hh:paraPr\b[^>]*\bid="(\d+)"[^>]*>([\s\S]*?)<\/hh:paraPr>/g;
  for (let m = re.exec(header); m; m = re.exec(header)) if (/<hh:heading\b[^>]*type="OUTLINE"/.test(m[2]!)) out.add(m[1]!);
  return out;
}

function paraPrOf(xml: string, scan: ScanParagraph): string | undefined {
  return /^<(?:\w+:)?p\b[^>]*\bparaPrIDRef="(\d+)"/.exec(xml.slice(scan.start, scan.start + 400))?.[1];
}

interface Section {
  index: number;
  path: string;
  xml: string;
}

function sectionsOf(zip: ZipArchive): Section[] {
  return zip.entries
    .map((e) => ({ e, m: SECTION_RE.exec(e.name) }))
    .filter((x) => x.m)
    .map((x) => ({ index: Number(x.m![1]), path: x.e.name, xml: entryText(zip, x.e.name)! }))
    .sort((a, b) => a.index - b.index);
}

function mapParagraphs(sections: Section[], header: string): MappedParagraph[] {
  const outline = outlineParaPrs(header);
  const out: MappedParagraph[] = [];
  for (const section of sections) {
    const scan = kordoc.scanSectionXml(section.xml, section.index);
    const items: { start: number; make: () => void }[] = [];
    const add = (p: ScanParagraph, id: string, kind: ParagraphKind, location: DocumentParagraph['location']) => {
      const { atoms, marks, changes } = tokenizeParagraph(section.xml, p);
      const raw = atoms.map((a) => a.ch).join('');
      const text = raw.normalize('NFC');
      out.push({ para: { id, text, kind, location }, scan: p, section: section.index, atoms, marks, changes, readOnly: text !== raw });
    };
    scan.bodyParagraphs.forEach((p, i) => {
      const prId = paraPrOf(section.xml, p);
      const kind: ParagraphKind = prId !== undefined && outline.has(prId) ? 'heading' : 'body';
      items.push({ start: p.start, make: () => add(p, `s${section.index}.p${i}`, kind, { section: section.index, paragraph: i }) });
    });
    // Table cells, nested tables inside cells too: ids and locations name the path of tables.
    const addTables = (tables: ScanTable[], prefix: string, path: number[]) =>
      tables.forEach((table, t) =>
        table.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            const rowAt = cell.rowAddr ?? r;
            const colAt = cell.colAddr ?? c;
            const cellId = `${prefix}.t${t}.r${rowAt}.c${colAt}`;
            const tablePath = [...path, t];
            cell.paragraphs.forEach((p, k) => {
              // `table`: its index in the section, or "2.0" for table 0 inside a cell of table 2.
              const location = {
                section: section.index,
                table: tablePath.length === 1 ? tablePath[0]! : tablePath.join('.'),
                row: rowAt,
                col: colAt,
                paragraph: k,
              };
              items.push({ start: p.start, make: () => add(p, `${cellId}.p${k}`, 'cell', location) });
            });
            addTables(cell.tables, cellId, tablePath);
          }),
        ),
      );
    addTables(scan.tables, `s${section.index}`, []);
    items.sort((a, b) => a.start - b.start).forEach((it) => it.make());
  }
  return out;
}

/** Splice that removes the paragraph's own <hp:linesegarray> (or null when not found safely). */
function linesegRemoval(xml: string, scan: ScanParagraph): SpliceEdit | null {
  const last = scan.tRanges[scan.tRanges.length - 1];
  if (!last) return null;
  const from = last.contentEnd;
  const re = /<(\w+:)?linesegarray\b[^>]*?(?:\/>|>[\s\S]*?<\/\1linesegarray>)/g;
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const between = xml.slice(from, m.index);
  if (/<(\w+:)?p\b|<\/(\w+:)?p>|<(\w+:)?tbl\b/.test(between)) return null;
  return { start: m.index, end: m.index + m[0].length, replacement: '' };
}

interface TrackIds {
  next: number;
  changes: { type: 'Insert' | 'Delete'; id: number }[];
}

function maxTrackId(header: string, sections: Section[]): number {
  let max = 0;
  for (const m of header.matchAll(/<hh:trackChange\b[^>]*\bid="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  for (const s of sections)
    for (const m of s.xml.matchAll(/<\w+:(?:delete|insert)(?:Begin|End)\b[^>]*\bId="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** header.xml with our changes and author registered (itemCnt kept true). */
function registerTrackChanges(header: string, ids: TrackIds['changes'], author: string, date: string): string {
  // Without a refList there is nowhere 한글 would look for the changes: refuse rather than write marks without entries.
  if (!header.includes('</hh:refList>')) throw new DocumentError('FILE_CORRUPT');
  let out = header;
  const authorRe = /<hh:trackChangeAuthor\b[^>]*\bname="([^"]*)"[^>]*\bid="(\d+)"[^>]*\/>/g;
  let authorId: number | undefined;
  let maxAuthor = -1;
  for (const m of out.matchAll(authorRe)) {
    maxAuthor = Math.max(maxAuthor, Number(m[2]));
    if (unescapeAttr(m[1]!) === author) authorId = Number(m[2]);
  }
  if (authorId === undefined) {
    authorId = maxAuthor + 1;
    const entry = `<hh:trackChangeAuthor name="${escapeAttr(author)}" mark="1" id="${authorId}"/>`;
    if (/<hh:trackChangeAuthors\b/.test(out)) out = appendItems(out, 'trackChangeAuthors', entry, 1);
    else out = out.replace('</hh:refList>', `<hh:trackChangeAuthors itemCnt="1">${entry}</hh:trackChangeAuthors></hh:refList>`);
  }
  const entries = ids
    .map((c) => `<hh:trackChange type="${c.type}" date="${date}" authorID="${authorId! + 1}" hide="0" id="${c.id}"/>`)
    .join('');
  if (/<hh:trackChanges\b/.test(out)) out = appendItems(out, 'trackChanges', entries, ids.length);
  else if (/<hh:trackChangeAuthors\b/.test(out))
    out = out.replace(/<hh:trackChangeAuthors\b/, `<hh:trackChanges itemCnt="${ids.length}">${entries}</hh:trackChanges>$&`);
  else out = out.replace('</hh:refList>', `<hh:trackChanges itemCnt="${ids.length}">${entries}</hh:trackChanges></hh:refList>`);
  return out;
}

function appendItems(xml: string, list: string, entries: string, added: number): string {
  const open = new RegExp(`<hh:${list}\\b([^>]*?)itemCnt="(\\d+)"([^>]*?)(/?)>`);
  const m = open.exec(xml);
  if (!m) throw new DocumentError('FILE_CORRUPT');
  const count = Number(m[2]) + added;
  if (m[4] === '/') return xml.replace(open, `<hh:${list}$1itemCnt="${count}"$3>${entries}</hh:${list}>`);
  const withCount = xml.replace(open, `<hh:${list}$1itemCnt="${count}"$3>`);
  return withCount.replace(`</hh:${list}>`, `${entries}</hh:${list}>`);
}

function escapeAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;');
}
function unescapeAttr(s: string): string {
  return s.replace(/&(#?\w+);/g, (all, body: string) => decodeEntity(body) ?? all);
}

/** Authors of the file's tracked changes by change id (authorID = author id + 1, as 한글 writes it). */
export function trackChangeAuthors(header: string): Map<string, { type: string; author: string | undefined }> {
  const authors = new Map<number, string>();
  for (const m of header.matchAll(/<hh:trackChangeAuthor\b[^>]*\bname="([^"]*)"[^>]*\bid="(\d+)"/g))
    authors.set(Number(m[2]), unescapeAttr(m[1]!));
  const out = new Map<string, { type: string; author: string | undefined }>();
  for (const m of header.matchAll(/<hh:trackChange\b([^>]*)\/>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1]!)?.[1];
    out.set(attr('id') ?? '', { type: attr('type') ?? '', author: authors.get(Number(attr('authorID')) - 1) });
  }
  return out;
}

export interface HwpxTrackedChange extends TrackedChange {
  paragraphId: string;
  author: string | undefined;
}

export async function openHwpx(bytes: Uint8Array): Promise<OpenedDocument & { trackedChanges(): HwpxTrackedChange[] }> {
  const zip = readZip(bytes);
  const mimetype = entryText(zip, 'mimetype');
  if (mimetype !== undefined && mimetype.trim() !== 'application/hwp+zip') throw new DocumentError('UNSUPPORTED_FORMAT');
  if (findEntry(zip, 'META-INF/manifest.xml') && /encryption-data/.test(entryText(zip, 'META-INF/manifest.xml') ?? ''))
    throw new DocumentError('FILE_ENCRYPTED');
  const header = entryText(zip, HEADER);
  const sections = sectionsOf(zip);
  if (header === undefined || sections.length === 0) throw new DocumentError('FILE_CORRUPT');
  let mapped: MappedParagraph[];
  try {
    mapped = mapParagraphs(sections, header);
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    throw new DocumentError('FILE_CORRUPT');
  }
  const paragraphs = mapped.map((m) => m.para);

  const apply = async (edits: readonly DocumentEdit[], notes: readonly DocumentNote[], options: ApplyOptions): Promise<ApplyResult> => {
    const byId = new Map(mapped.map((m) => [m.para.id, m]));
    const notesReport = [
      ...notes.map((n) => reportLine(byId.get(n.paragraphId)?.para, n)),
      ...(options.mode === 'comment' ? edits.map((e) => reportLine(byId.get(e.paragraphId)?.para, e)) : []),
    ];
    if (options.mode === 'comment') {
      return { bytes: new Uint8Array(bytes), applied: 0, skipped: [], notesWritten: 0, notesReport };
    }
    const plan = planEdits(paragraphs, edits);
    const skipped: SkippedEdit[] = [...plan.skipped];
    const splicesBySection = new Map<number, SpliceEdit[]>();
    const track: TrackIds = { next: maxTrackId(header, sections) + 1, changes: [] };
    let applied = 0;
    for (const [id, list] of plan.byParagraph) {
      const m = byId.get(id)!;
      const section = sections.find((s) => s.index === m.section)!;
      const splices = splicesBySection.get(m.section) ?? [];
      let changed = false;
      for (const e of list) {
        const reason = editBlocker(m, e);
        if (reason) {
          skipped.push(skip(e, reason));
          continue;
        }
        splices.push(...(options.mode === 'tracked' ? trackedSplices(m, e, track) : directSplices(m, e)));
        applied++;
        changed = true;
      }
      if (changed) {
        const ls = linesegRemoval(section.xml, m.scan);
        if (ls) splices.push(ls);
      }
      splicesBySection.set(m.section, splices);
    }
    const replacements = new Map<string, Uint8Array>();
    const encoder = new TextEncoder();
    for (const [index, splices] of splicesBySection) {
      if (!splices.length) continue;
      const section = sections.find((s) => s.index === index)!;
      replacements.set(section.path, encoder.encode(kordoc.applySplices(section.xml, mergeSamePoint(splices))));
    }
    if (track.changes.length)
      replacements.set(
        HEADER,
        encoder.encode(registerTrackChanges(header, track.changes, options.author, options.date.replace(/\.\d+Z$/, 'Z'))),
      );
    const out = replacements.size ? patchZip(zip, replacements) : new Uint8Array(bytes);
    const check = await kordoc.validateHwpx(out);
    if (!check.ok) throw new Error(`patched HWPX failed validation: ${check.issues.map((i) => i.message).join('; ')}`);
    return { bytes: out, applied, skipped, notesWritten: 0, notesReport };
  };

  const trackedChanges = (): HwpxTrackedChange[] => {
    const authors = trackChangeAuthors(header);
    return mapped.flatMap((m) => m.changes.map((c) => ({ ...c, paragraphId: m.para.id, author: authors.get(c.id)?.author })));
  };

  return { format: 'hwpx', paragraphs, apply, trackedChanges };
}

/** Why an edit cannot be written into this paragraph safely, or null. */
function editBlocker(m: MappedParagraph, e: DocumentEdit): string | null {
  if (m.readOnly) return 'paragraph text is not NFC in the file';
  if (!m.atoms.length) return 'paragraph has no text to anchor the edit';
  if (m.atoms.slice(e.start, e.end).some((a) => a.inInsert)) return 'touches an existing tracked change';
  if (m.marks.some((k) => k.pos > e.start && k.pos < e.end)) return 'touches an existing tracked change';
  if (e.start === e.end && m.marks.some((k) => k.pos === e.start)) return 'touches an existing tracked change';
  return null;
}

/** Where an insertion at text offset `pos` goes in the XML (after the previous character, in its run). */
function insertionPoint(m: MappedParagraph, pos: number): number {
  return pos > 0 ? m.atoms[pos - 1]!.xmlEnd : m.atoms[0]!.xmlStart;
}

function directSplices(m: MappedParagraph, e: DocumentEdit): SpliceEdit[] {
  const text = escapeXmlText(e.replacement);
  if (e.start === e.end) {
    const at = insertionPoint(m, e.start);
    return [{ start: at, end: at, replacement: text }];
  }
  return m.atoms.slice(e.start, e.end).map((a, i) => ({ start: a.xmlStart, end: a.xmlEnd, replacement: i === 0 ? text : '' }));
}

function trackedSplices(m: MappedParagraph, e: DocumentEdit, track: TrackIds): SpliceEdit[] {
  const out: SpliceEdit[] = [];
  let after: number;
  if (e.start < e.end) {
    const id = track.next++;
    track.changes.push({ type: 'Delete', id });
    const first = m.atoms[e.start]!;
    const last = m.atoms[e.end - 1]!;
    out.push({ start: first.xmlStart, end: first.xmlStart, replacement: `<hp:deleteBegin Id="${id}" TcId="${id}"/>` });
    out.push({ start: last.xmlEnd, end: last.xmlEnd, replacement: `<hp:deleteEnd Id="${id}" TcId="${id}" paraend="0"/>` });
    after = last.xmlEnd;
  } else after = insertionPoint(m, e.start);
  if (e.replacement) {
    const id = track.next++;
    track.changes.push({ type: 'Insert', id });
    out.push({
      start: after,
      end: after,
      replacement: `<hp:insertBegin Id="${id}" TcId="${id}"/>${escapeXmlText(e.replacement)}<hp:insertEnd Id="${id}" TcId="${id}" paraend="0"/>`,
    });
  }
  return out;
}

/** Zero-width splices at one point become one, in the order they were made. */
function mergeSamePoint(splices: SpliceEdit[]): SpliceEdit[] {
  const out: SpliceEdit[] = [];
  const points = new Map<number, SpliceEdit>();
  for (const s of splices) {
    if (s.start !== s.end) {
      out.push(s);
      continue;
    }
    const p = points.get(s.start);
    if (p) p.replacement += s.replacement;
    else {
      const copy = { ...s };
      points.set(s.start, copy);
      out.push(copy);
    }
  }
  return out;
}
