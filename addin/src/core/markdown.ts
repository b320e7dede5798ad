/**
 * The model's Markdown-ish output → Blocks (headings, lists, paragraphs with bold/italic runs).
 * Forgiving by design: unclosed or stray markers are dropped, their text kept, and no literal
 * `**`, `__` or heading `#` reaches the document. `blocksToHtml` renders Blocks as safe HTML.
 */
import type { Block, InlineRun } from './blocks';

type ListBlock = Extract<Block, { kind: 'list' }>;

const HEADING_RE = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/;
const LIST_RE = /^([ \t]*)(?:([-*+•·▪◦‣])|(\d{1,3})[.)])[ \t]+(.*)$/;
const HR_RE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE_RE = /^ {0,3}(```|~~~)/;

function indentWidth(ws: string): number {
  let w = 0;
  for (const c of ws) w += c === '\t' ? 4 : 1;
  return w;
}

/** Blocks as they are built line by line: the open paragraph and the open list. */
class BlockBuilder {
  readonly blocks: Block[] = [];
  private para: string[] = [];
  private list: ListBlock | null = null;
  /** Indent width per nesting level of the open list. */
  private indents: number[] = [];

  /** Closes the open paragraph and list (a blank line, a rule, a heading, a fence). */
  breakBlock(): void {
    this.flushPara();
    this.closeList();
  }

  flushPara(): void {
    if (this.para.length) {
      const runs = parseInline(this.para.join(' '));
      if (runs.length) this.blocks.push({ kind: 'paragraph', runs });
    }
    this.para = [];
  }

  closeList(): void {
    if (this.list && this.list.items.length) this.blocks.push(this.list);
    this.list = null;
    this.indents = [];
  }

  heading(h: RegExpExecArray): void {
    this.breakBlock();
    let runs = parseInline((h[2] ?? '').replace(/^(?:#+[ \t]*)+/, ''));
    if (runs.length) runs[0]!.text = runs[0]!.text.replace(/^(?:#+[ \t]*)+/, '');
    runs = runs.filter((r) => r.text);
    if (runs.length) this.blocks.push({ kind: 'heading', level: Math.min(3, h[1]!.length) as 1 | 2 | 3, runs });
  }

  listItem(li: RegExpExecArray): void {
    this.flushPara();
    const ordered = li[3] !== undefined;
    const indent = indentWidth(li[1]!);
    const level = this.levelFor(indent, ordered);
    this.list!.items.push({ runs: parseInline(li[4]!), level });
  }

  /** The nesting level of an item at `indent`, opening a new list where needed. */
  private levelFor(indent: number, ordered: boolean): number {
    if (!this.list) {
      this.list = { kind: 'list', ordered, items: [] };
      this.indents = [indent];
      return 0;
    }
    // Find the level: deeper than the last → one level down; else the matching or closest shallower one.
    const indents = this.indents;
    if (indent > indents[indents.length - 1]! && indents.length < 9) {
      indents.push(indent);
    } else {
      while (indents.length > 1 && indent < indents[indents.length - 1]!) indents.pop();
      if (indent < indents[0]!) indents[0] = indent;
    }
    const level = indents.length - 1;
    if (level === 0 && ordered !== this.list.ordered) {
      this.closeList();
      this.list = { kind: 'list', ordered, items: [] };
      this.indents = [indent];
    }
    return level;
  }

  /** A plain line: continues the open list's last item when indented, else goes into the paragraph. */
  text(line: string): void {
    const last = this.list?.items[this.list.items.length - 1];
    if (this.list && /^[ \t]+/.test(line) && last) {
      const extra = parseInline(line.trim());
      last.runs = mergeRuns([...last.runs, ...(last.runs.length ? [{ text: ' ' }] : []), ...extra]);
      return;
    }
    if (this.list) this.closeList();
    this.para.push(line.trim());
  }
}

export function parseMarkdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out = new BlockBuilder();
  let inFence = false;
  for (const raw of lines) {
    if (FENCE_RE.test(raw)) {
      out.breakBlock();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      // Code: keep the text as its own paragraph, no inline parsing.
      if (raw.trim()) out.blocks.push({ kind: 'paragraph', runs: [{ text: raw }] });
      continue;
    }
    const line = raw.replace(/^ {0,3}>[ \t]?/, ''); // blockquote marker
    if (!line.trim() || HR_RE.test(line)) {
      out.breakBlock();
      continue;
    }
    const h = HEADING_RE.exec(line);
    const li = h ? null : LIST_RE.exec(line);
    if (h) out.heading(h);
    else if (li) out.listItem(li);
    else out.text(line);
  }
  out.breakBlock();
  return out.blocks;
}

// ---------------------------------------------------------------------------------------------
// Inline: **bold**, __bold__, *italic*, _italic_, `code`, [text](url), \escapes.

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Can a delimiter run at i..i+len open / close emphasis? (simplified CommonMark flanking) */
function canOpen(s: string, i: number, len: number, ch: string): boolean {
  const after = s[i + len];
  if (isSpace(after)) return false;
  if (ch === '_' && isWordChar(s[i - 1])) return false; // snake_case stays literal
  return true;
}
function canClose(s: string, i: number, len: number, ch: string): boolean {
  const before = s[i - 1];
  if (isSpace(before)) return false;
  if (ch === '_' && isWordChar(s[i + len])) return false;
  return true;
}

function findClose(s: string, from: number, marker: string): number {
  const ch = marker[0]!;
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s.startsWith(marker, j)) {
      // For single markers, skip over double runs (they belong to bold).
      if (marker.length === 1 && s[j + 1] === ch) {
        j++;
        continue;
      }
      if (j > from && canClose(s, j, marker.length, ch)) return j;
    }
  }
  return -1;
}

function parseInto(s: string, bold: boolean, italic: boolean, out: InlineRun[]): void {
  let buf = '';
  const flush = () => {
    if (buf) out.push({ text: buf, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
    buf = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && /[\\`*_#[\]()~>-]/.test(s[i + 1]!)) {
      buf += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      // Backticks are dropped (no code styling in documents); the content is plain text.
      i++;
      continue;
    }
    if (c === '[') {
      const m = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(s.slice(i));
      if (m) {
        flush();
        parseInto(m[1]!, bold, italic, out);
        i += m[0].length;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      const dbl = s[i + 1] === c;
      const marker = dbl ? c + c : c;
      // Runs of 3+ (***x***): treat as bold, then the inner single marker as italic.
      if (dbl && canOpen(s, i, 2, c)) {
        const close = findClose(s, i + 2, marker);
        if (close > 0) {
          flush();
          parseInto(s.slice(i + 2, close), true, italic, out);
          i = close + 2;
          continue;
        }
      } else if (!dbl && canOpen(s, i, 1, c)) {
        const close = findClose(s, i + 1, marker);
        if (close > 0) {
          flush();
          parseInto(s.slice(i + 1, close), bold, true, out);
          i = close + 1;
          continue;
        }
      }
      // Unmatched. Double markers are always dropped; a single `*`/`_` is dropped when it
      // touches text on one side (a broken marker), kept when free-standing ("2 * 3") or
      // inside a word (snake_case).
      if (dbl) {
        i += 2;
        continue;
      }
      const before = s[i - 1];
      const after = s[i + 1];
      const freeStanding = isSpace(before) && isSpace(after);
      const intraWord = c === '_' && isWordChar(before) && isWordChar(after);
      if (freeStanding || intraWord) buf += c;
      i++;
      continue;
    }
    buf += c;
    i++;
  }
  flush();
}

function mergeRuns(runs: InlineRun[]): InlineRun[] {
  const out: InlineRun[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const prev = out[out.length - 1];
    if (prev && !!prev.bold === !!r.bold && !!prev.italic === !!r.italic) prev.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/** Inline Markdown → runs (markers removed, text kept). */
export function parseInline(text: string): InlineRun[] {
  const out: InlineRun[] = [];
  parseInto(text, false, false, out);
  // Whatever survived as a literal double marker (escapes, odd runs) is removed: the
  // document must never show `**` or `__` (longer underscore runs, form blanks, stay).
  for (const r of out) r.text = r.text.replace(/\*{2,}/g, '').replace(/(?<!_)__(?!_)/g, '');
  const runs = mergeRuns(out);
  // Trim the outer whitespace of the line.
  if (runs.length) {
    runs[0]!.text = runs[0]!.text.replace(/^\s+/, '');
    const last = runs[runs.length - 1]!;
    last.text = last.text.replace(/\s+$/, '');
  }
  return runs.filter((r) => r.text);
}

// ---------------------------------------------------------------------------------------------
// HTML (standalone editor)

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function runsToHtml(runs: InlineRun[]): string {
  return runs
    .map((r) => {
      let h = escapeHtml(r.text);
      if (r.italic) h = `<em>${h}</em>`;
      if (r.bold) h = `<strong>${h}</strong>`;
      return h;
    })
    .join('');
}

function listToHtml(b: ListBlock): string {
  const tag = b.ordered ? 'ol' : 'ul';
  let html = '';
  let depth = -1; // currently open list depth
  const open: boolean[] = []; // per depth: an <li> is open
  for (const item of b.items) {
    const level = Math.max(0, Math.min(item.level, depth + 1));
    if (level > depth) {
      html += `<${tag}>`;
      depth = level;
      open[depth] = false;
    } else {
      while (depth > level) {
        if (open[depth]) html += '</li>';
        html += `</${tag}>`;
        depth--;
      }
    }
    if (open[depth]) html += '</li>';
    html += `<li>${runsToHtml(item.runs)}`;
    open[depth] = true;
  }
  while (depth >= 0) {
    if (open[depth]) html += '</li>';
    html += `</${tag}>`;
    depth--;
  }
  return html;
}

export function blocksToHtml(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<h${b.level}>${runsToHtml(b.runs)}</h${b.level}>`;
        case 'paragraph':
          return `<p>${runsToHtml(b.runs)}</p>`;
        case 'list':
          return listToHtml(b);
      }
    })
    .join('\n');
}
