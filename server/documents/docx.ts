/**
 * DOCX (WordprocessingML): paragraphs of word/document.xml — body, headings (pStyle Heading…,
 * Title, 제목…), table cells — with their runs; edits written back by rewriting only the runs
 * they touch, every other byte of document.xml and every other ZIP entry left as it was.
 *
 * Why our own code: kordoc's parseDocx gives text without source positions, and no library
 * on npm writes tracked changes into an existing .docx while keeping the untouched XML
 * byte-identical (docx/officegen build new files; DOM round-trips re-serialise everything).
 *
 * Tracked mode: Word's own <w:del>/<w:ins> (ECMA-376 Part 1 §17.13.5.14 and §17.13.5.18) with
 * w:author and w:date, deleted text in <w:delText>. Notes (and, in comment mode, the edits
 * as suggestions) become Word comments (§17.13.4): word/comments.xml, its relationship and
 * content type, and commentRangeStart/End + commentReference around the runs holding the
 * finding (a comment covers whole runs: we do not split runs just to anchor a comment).
 * Paragraphs inside text boxes, headers and footers are not listed. Runs holding fields,
 * drawings or existing tracked changes are never rewritten (the edit is skipped).
 */
import { DocumentError } from './errors';
import { planEdits, skip } from './edits';
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
import { entryText, findEntry, patchZip, readZip } from './zip';

const DOC = 'word/document.xml';
const COMMENTS = 'word/comments.xml';
const RELS = 'word/_rels/document.xml.rels';
const TYPES = '[Content_Types].xml';
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Run {
  start: number;
  end: number;
  openTag: string;
  rPr: string;
  /** Holds something other than text, tabs and breaks (fields, drawings…): never rewritten. */
  complex: boolean;
  /** Inside an existing <w:ins> or <w:del>. */
  tracked: boolean;
}
interface Atom {
  ch: string;
  /** The character's own XML: an escaped character, or a <w:tab/>/<w:br/> tag. */
  xml: string;
  isTag: boolean;
  run: Run;
}
interface OpenParagraph {
  start: number;
  atoms: Atom[];
  runs: Run[];
  style: string;
  /** Inside a text box (or another paragraph): not listed. */
  skip: boolean;
}
interface MappedParagraph {
  para: DocumentParagraph;
  atoms: Atom[];
  runs: Run[];
  readOnly: boolean;
}

/** For text nodes: quotes stay as they are. */
function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** For attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, b: string) =>
    b[0] === '#' ? String.fromCodePoint(b[1] === 'x' ? parseInt(b.slice(2), 16) : parseInt(b.slice(1), 10)) : (ENTITIES[b] ?? all),
  );
}

const TAG_RE = /<(\/?)([\w.-]+:)?([\w.-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Walks document.xml once and maps every listed paragraph's visible characters to their runs. */
// Over 80 lines on purpose: one pass over the tags as a state machine (open paragraph, run, table
// cells, text mode); the states are shared, and finishParagraph is its own step.
function mapDocument(xml: string): MappedParagraph[] {
  const out: MappedParagraph[] = [];
  const stack: string[] = [];
  let tableCount = 0;
  const tables: { index: number; row: number; col: number; cellParas: number }[] = [];
  let bodyCount = 0;
  let para: OpenParagraph | null = null;
  const paraStack: (OpenParagraph | null)[] = [];
  let run: Run | null = null;
  let textStart = -1;
  let inDelText = false;
  let inInstr = false;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(xml); m; m = TAG_RE.exec(xml)) {
    const [all, closing, , name, attrs, selfClose] = m;
    const at = m.index;
    if (textStart >= 0) {
      if (!(closing && name === 't')) continue;
      // Text of <w:t>: one atom per character with its own XML (entities kept whole).
      const raw = xml.slice(textStart, at);
      for (const piece of raw.match(/&[^;]+;|[\s\S]/gu) ?? []) {
        const ch = piece[0] === '&' ? decode(piece) : piece;
        para?.atoms.push({ ch, xml: piece, isTag: false, run: run! });
      }
      textStart = -1;
      continue;
    }
    if (inDelText || inInstr) {
      if (closing && (name === 'delText' || name === 'instrText')) inDelText = inInstr = false;
      continue;
    }
    if (closing) {
      stack.pop();
      if (name === 'p' && para) {
        if (!para.skip) finishParagraph(para);
        para = paraStack.pop() ?? null;
      } else if (name === 'r') run = null;
      else if (name === 'tbl') tables.pop();
      else if (name === 'tr' && tables.length) {
        tables[tables.length - 1]!.row++;
        tables[tables.length - 1]!.col = 0;
      } else if (name === 'tc' && tables.length) {
        tables[tables.length - 1]!.col++;
        tables[tables.length - 1]!.cellParas = 0;
      }
      continue;
    }
    if (name === 'p' && !selfClose) {
      paraStack.push(para);
      para = { start: at, atoms: [], runs: [], style: '', skip: stack.includes('txbxContent') || paraStack.some((p) => p !== null) };
    } else if (name === 'p' && selfClose) {
      if (!stack.includes('txbxContent')) finishParagraph({ start: at, atoms: [], runs: [], style: '', skip: false });
    } else if (name === 'pStyle' && para) para.style = /w:val="([^"]*)"/.exec(attrs ?? '')?.[1] ?? '';
    else if (name === 'tbl') tables.push({ index: tableCount++, row: 0, col: 0, cellParas: 0 });
    else if (name === 'r' && !selfClose && para) {
      const end = xml.indexOf('</w:r>', at);
      run = {
        start: at,
        end: end + '</w:r>'.length,
        openTag: all,
        rPr: '',
        complex: false,
        tracked: stack.includes('ins') || stack.includes('del') || stack.includes('moveFrom') || stack.includes('moveTo'),
      };
      para.runs.push(run);
    } else if (run && name === 'rPr' && !selfClose) {
      const end = xml.indexOf('</w:rPr>', at);
      run.rPr = xml.slice(at, end + '</w:rPr>'.length);
      TAG_RE.lastIndex = end + '</w:rPr>'.length;
      continue;
    } else if (run && name === 't') {
      if (!selfClose) textStart = at + all.length;
    } else if (run && (name === 'tab' || name === 'br' || name === 'cr' || name === 'noBreakHyphen')) {
      const ch = name === 'tab' ? '\t' : name === 'noBreakHyphen' ? '-' : '\n';
      para?.atoms.push({ ch, xml: all, isTag: true, run });
    } else if (run && name === 'delText') {
      if (!selfClose) inDelText = true;
    } else if (run && name === 'instrText') {
      run.complex = true;
      if (!selfClose) inInstr = true;
    } else if (run && name !== 'lastRenderedPageBreak' && name !== 'softHyphen') run.complex = true;
    if (!selfClose) stack.push(name!);
  }
  return out;

  function finishParagraph(p: OpenParagraph): void {
    const raw = p.atoms.map((a) => a.ch).join('');
    const text = raw.normalize('NFC');
    const table = tables[tables.length - 1];
    let kind: ParagraphKind = 'body';
    let id: string;
    let location: DocumentParagraph['location'];
    if (table) {
      kind = 'cell';
      id = `t${table.index}.r${table.row}.c${table.col}.p${table.cellParas}`;
      location = { table: table.index, row: table.row, col: table.col, paragraph: table.cellParas };
      table.cellParas++;
    } else {
      if (/^(heading|title|제목)/i.test(p.style)) kind = 'heading';
      id = `p${bodyCount}`;
      location = { paragraph: bodyCount };
      bodyCount++;
    }
    out.push({ para: { id, text, kind, location }, atoms: p.atoms, runs: p.runs, readOnly: raw !== text });
  }
}

interface Splice {
  start: number;
  end: number;
  replacement: string;
  order: number;
}

function applyOrdered(xml: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || a.order - b.order);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error('overlapping DOCX splices');
    out += xml.slice(at, s.start) + s.replacement;
    at = s.end;
  }
  return out + xml.slice(at);
}

type Op = { kind: 'keep' | 'del'; atom: Atom } | { kind: 'ins'; text: string };

/** Ops per touched run, in order: kept characters, deleted ones, inserted text. */
function runOps(m: MappedParagraph, usable: readonly DocumentEdit[]): Map<Run, Op[]> {
  const opsByRun = new Map<Run, Op[]>();
  const ops = (r: Run) => opsByRun.get(r) ?? (opsByRun.set(r, []), opsByRun.get(r)!);
  const touched = new Set<Run>();
  for (const e of usable) {
    for (let i = e.start; i < e.end; i++) touched.add(m.atoms[i]!.run);
    touched.add(anchorAtom(m, e).run);
  }
  const delAt = new Set<number>();
  const insAfter = new Map<number, string>();
  let insBefore0 = '';
  for (const e of usable) {
    for (let i = e.start; i < e.end; i++) delAt.add(i);
    if (!e.replacement) continue;
    if (e.end > e.start) insAfter.set(e.end - 1, e.replacement);
    else if (e.start > 0) insAfter.set(e.start - 1, e.replacement);
    else insBefore0 = e.replacement;
  }
  m.atoms.forEach((a, i) => {
    if (!touched.has(a.run)) return;
    if (i === 0 && insBefore0) ops(a.run).push({ kind: 'ins', text: insBefore0 });
    ops(a.run).push({ kind: delAt.has(i) ? 'del' : 'keep', atom: a });
    const ins = insAfter.get(i);
    if (ins) ops(a.run).push({ kind: 'ins', text: ins });
  });
  return opsByRun;
}

/** How runs are written back: the apply mode, the revision stamp and the next free w:id. */
interface RunWriter {
  mode: ApplyOptions['mode'];
  stamp: string;
  ids: { next: number };
}

/** A touched run rewritten: kept text as is, deletions and insertions as revisions (tracked) or done (direct). */
function serialiseRun(r: Run, list: Op[], w: RunWriter): string {
  let out = '';
  let i = 0;
  while (i < list.length) {
    const kind = list[i]!.kind;
    const group: Op[] = [];
    while (i < list.length && (list[i]!.kind === kind || (w.mode === 'direct' && kind !== 'del' && list[i]!.kind !== 'del')))
      group.push(list[i++]!);
    if (kind === 'del' && w.mode === 'direct') continue;
    const body = group.map((op) => (op.kind === 'ins' ? { ch: op.text, xml: escapeText(op.text), isTag: false } : op.atom));
    const content = runContent(body, kind === 'del' ? 'w:delText' : 'w:t');
    const runXml = `${r.openTag}${r.rPr}${content}</w:r>`;
    if (w.mode === 'tracked' && kind === 'del') out += `<w:del w:id="${w.ids.next++}" ${w.stamp}>${runXml}</w:del>`;
    else if (w.mode === 'tracked' && kind === 'ins') out += `<w:ins w:id="${w.ids.next++}" ${w.stamp}>${runXml}</w:ins>`;
    else out += runXml;
  }
  return out;
}

/** The comments part with the new comments (added, with its relationship and content type, when the file has none). */
function commentParts(
  zip: ReturnType<typeof readZip>,
  comments: readonly { id: number; text: string }[],
  stamp: string,
  author: string,
): { replacements: Map<string, Uint8Array>; additions: Map<string, Uint8Array> } {
  const replacements = new Map<string, Uint8Array>();
  const additions = new Map<string, Uint8Array>();
  const enc = new TextEncoder();
  const items = comments
    .map(
      (c) =>
        `<w:comment w:id="${c.id}" ${stamp} w:initials="${escapeXml(author.slice(0, 2))}"><w:p><w:r><w:t xml:space="preserve">${escapeText(c.text)}</w:t></w:r></w:p></w:comment>`,
    )
    .join('');
  const existing = entryText(zip, COMMENTS);
  if (existing !== undefined) {
    replacements.set(COMMENTS, enc.encode(existing.replace(/<\/w:comments>\s*$/, `${items}</w:comments>`)));
    return { replacements, additions };
  }
  additions.set(
    COMMENTS,
    enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${items}</w:comments>`),
  );
  const rels = entryText(zip, RELS);
  const types = entryText(zip, TYPES);
  if (rels === undefined || types === undefined) throw new DocumentError('FILE_CORRUPT');
  const rIds = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const rId = `rId${Math.max(0, ...rIds) + 1}`;
  replacements.set(
    RELS,
    enc.encode(
      rels.replace(
        '</Relationships>',
        `<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`,
      ),
    ),
  );
  if (!types.includes('/word/comments.xml'))
    replacements.set(
      TYPES,
      enc.encode(
        types.replace(
          '</Types>',
          '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
        ),
      ),
    );
  return { replacements, additions };
}

interface ParsedDocx {
  bytes: Uint8Array;
  zip: ReturnType<typeof readZip>;
  xml: string;
  mapped: MappedParagraph[];
}

async function applyDocx(
  d: ParsedDocx,
  edits: readonly DocumentEdit[],
  notes: readonly DocumentNote[],
  options: ApplyOptions,
): Promise<ApplyResult> {
  const { zip, xml, mapped } = d;
  const paragraphs = mapped.map((m) => m.para);
  const byId = new Map(mapped.map((m) => [m.para.id, m]));
  const splices: Splice[] = [];
  let order = 0;
  const skipped: SkippedEdit[] = [];
  let applied = 0;
  const ids = { next: Math.max(0, ...[...xml.matchAll(/w:id="(\d+)"/g)].map((m) => Number(m[1]))) + 1 };
  const stamp = `w:author="${escapeXml(options.author)}" w:date="${options.date.replace(/\.\d+Z$/, 'Z')}"`;

  const comments: { id: number; text: string }[] = [];
  const notesReport: string[] = [];
  const anchorComment = (m: MappedParagraph | undefined, n: { start: number; end: number }, text: string) => {
    if (!m || !m.atoms.length) {
      notesReport.push(text);
      return;
    }
    const first = m.atoms[Math.min(n.start, m.atoms.length - 1)]!.run;
    const last = m.atoms[Math.max(0, Math.min(n.end, m.atoms.length) - 1)]!.run;
    // A run holding a drawing or text box may nest other runs: no anchor inside it, the note goes to the list.
    if (first.complex || last.complex) {
      notesReport.push(text);
      return;
    }
    const id = ids.next++;
    comments.push({ id, text });
    splices.push({ start: first.start, end: first.start, replacement: `<w:commentRangeStart w:id="${id}"/>`, order: order++ });
    splices.push({
      start: last.end,
      end: last.end,
      replacement: `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`,
      order: order++,
    });
  };

  const plan = planEdits(paragraphs, edits);
  skipped.push(...plan.skipped);
  if (options.mode === 'comment') {
    for (const list of plan.byParagraph.values())
      for (const e of list) {
        const m = byId.get(e.paragraphId)!;
        anchorComment(m, e, `"${m.para.text.slice(e.start, e.end)}" → "${e.replacement}"${e.message ? ` — ${e.message}` : ''}`);
      }
  } else {
    for (const [id, list] of plan.byParagraph) {
      const m = byId.get(id)!;
      const usable: DocumentEdit[] = [];
      for (const e of list) {
        const reason = blocker(m, e);
        if (reason) skipped.push(skip(e, reason));
        else usable.push(e);
      }
      if (!usable.length) continue;
      applied += usable.length;
      for (const [r, ops] of runOps(m, usable))
        splices.push({ start: r.start, end: r.end, replacement: serialiseRun(r, ops, { mode: options.mode, stamp, ids }), order: order++ });
    }
  }
  for (const n of notes) anchorComment(byId.get(n.paragraphId), n, n.message);

  const { replacements, additions } = comments.length
    ? commentParts(zip, comments, stamp, options.author)
    : { replacements: new Map<string, Uint8Array>(), additions: new Map<string, Uint8Array>() };
  if (splices.length) replacements.set(DOC, new TextEncoder().encode(applyOrdered(xml, splices)));
  const out = replacements.size || additions.size ? patchZip(zip, replacements, additions) : new Uint8Array(d.bytes);
  return { bytes: out, applied, skipped, notesWritten: comments.length, notesReport };
}

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocument> {
  const zip = readZip(bytes);
  const xml = entryText(zip, DOC);
  if (xml === undefined || !xml.includes(W_NS)) throw new DocumentError('FILE_CORRUPT');
  let mapped: MappedParagraph[];
  try {
    mapped = mapDocument(xml);
  } catch {
    throw new DocumentError('FILE_CORRUPT');
  }
  const paragraphs = mapped.map((m) => m.para);
  if (!findEntry(zip, TYPES)) throw new DocumentError('FILE_CORRUPT');
  return { format: 'docx', paragraphs, apply: (edits, notes, options) => applyDocx({ bytes, zip, xml, mapped }, edits, notes, options) };
}

/** Text characters grouped into one <w:t>/<w:delText>, tabs and breaks as their own tags. */
function runContent(atoms: { xml: string; isTag: boolean }[], textTag: 'w:t' | 'w:delText'): string {
  let out = '';
  let text = '';
  const flush = () => {
    if (text) out += `<${textTag} xml:space="preserve">${text}</${textTag}>`;
    text = '';
  };
  for (const a of atoms) {
    if (a.isTag) {
      flush();
      out += a.xml;
    } else text += a.xml;
  }
  flush();
  return out;
}

function anchorAtom(m: MappedParagraph, e: DocumentEdit): Atom {
  if (e.end > e.start) return m.atoms[e.end - 1]!;
  return e.start > 0 ? m.atoms[e.start - 1]! : m.atoms[0]!;
}

function blocker(m: MappedParagraph, e: DocumentEdit): string | null {
  if (m.readOnly) return 'paragraph text is not NFC in the file';
  if (!m.atoms.length) return 'paragraph has no text to anchor the edit';
  const runs = new Set(m.atoms.slice(e.start, e.end).map((a) => a.run));
  runs.add(anchorAtom(m, e).run);
  for (const r of runs) {
    if (r.tracked) return 'touches an existing tracked change';
    if (r.complex) return 'touches a field, drawing or other object';
  }
  return null;
}
