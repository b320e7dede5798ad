/**
 * WordHost — the Office.js implementation of DocumentHost and the ONLY module
 * in the add-in that touches the `Word` / `Office` globals. Pure logic lives in
 * ./word/*.ts (locate, blockPlan, suppress).
 *
 * Office.js behaviour relied on (learn.microsoft.com/javascript/api/word and
 * learn.microsoft.com/office/dev/add-ins/word, and @types/office-js 1.0.x):
 *  - Word.run + RequestContext.sync: calls are queued and run in order at
 *    sync(); properties are readable only after load() + sync(). [WordApi 1.1]
 *  - Range/Paragraph.search(text, SearchOptions) returns a RangeCollection in
 *    document order; search text is limited to 255 characters
 *    (ErrorCodes.searchStringInvalidOrTooLong); special characters use '^'
 *    notation (^p paragraph mark, ^t tab, ^? any character, ^^ caret) — see
 *    "Use search options in your Word add-in to find text"
 *    (office/dev/add-ins/word/search-option-guidance). '?' and '*' are
 *    wildcards only with matchWildcards, which we never enable.
 *    SearchOptions.matchCase defaults to false, so we always pass true.
 *  - Range.insertText(text, InsertLocation 'Replace'|'Start'|'End'|'Before'|'After')
 *    returns the inserted Range; Range.font.bold/italic. [WordApi 1.1]
 *  - Range.expandTo(range), Range.getRange('Start'|'After'), Paragraph.startNewList(),
 *    List.insertParagraph(text,'End'), List.setLevelNumbering/setLevelBullet,
 *    Paragraph.listItem.level. [WordApi 1.3] (word.list sample "insert-list")
 *  - Paragraph.insertParagraph(text, 'Before'|'After'); Paragraph.styleBuiltIn
 *    with Word.BuiltInStyleName (Normal, Heading1..3, ListParagraph) — note
 *    BuiltInStyleName has no ListBullet/ListNumber, so lists use startNewList.
 *  - Document.changeTrackingMode ('Off'|'TrackAll'|'TrackMineOnly') and
 *    Range.insertComment(text). [WordApi 1.4] (word.changetrackingmode)
 *  - Paragraph.uniqueLocalId, Document.onParagraphChanged/Added/Deleted
 *    (ParagraphChangedEventArgs). [WordApi 1.6]
 *  - Office.context.requirements.isSetSupported('WordApi', '1.x').
 *  - Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged)
 *    as the change signal on clients without WordApi 1.6.
 *  - Range.select(). [WordApi 1.1]
 *  - Office.auth.getAccessToken(AuthOptions) [IdentityAPI 1.3] and
 *    Office.context.ui.displayDialogAsync + Dialog DialogMessageReceived/DialogEventReceived
 *    [DialogApi 1.1] for sign-in (error codes in ./word/sso.ts).
 *
 * Sync budget for applyEdits: (1) paragraphs text/ids + changeTrackingMode,
 * (2) all searches, (3) all writes (tracking on → edits → tracking restored),
 * i.e. at most 3 context.sync() calls for any number of suggestions.
 */
import type { Block } from '../core/blocks';
import { blocksToPlainText } from '../core/blocks';
import type {
  ApplyMode,
  ApplyResult,
  DocumentHost,
  HostCapabilities,
  HostParagraph,
  InsertMode,
  ParagraphEdit,
  ParagraphEditSet,
} from './DocumentHost';
import { listFallbackPrefix, planBlocks, type PlannedParagraph } from './word/blockPlan';
import {
  commentText,
  narrowEdit,
  nfc,
  planLocate,
  type LocatePlan,
  type SearchStep,
} from './word/locate';
import { OwnEditSuppressor } from './word/suppress';
import { AUTH_DIALOG_SIZE, AuthDialogError, classifySsoError, parseDialogMessage, SSO_OPTIONS } from './word/sso';

export interface WordHostOptions {
  /** How long (ms) change events are still ignored after an own edit settles. Default 500. */
  graceMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** What insertBlocks actually did (DocumentHost declares Promise<void>; this is a compatible widening). */
export interface InsertResult {
  modeUsed: InsertMode;
  fallbackReason?: string;
}

export const FALLBACK_NO_WORDAPI_14 = 'no-wordapi-1.4';

const SEARCH_OPTIONS = { matchCase: true, matchWildcards: false } as const;

/** Word's paragraph/line separators inside Range.text → '\n'. */
function plainText(s: string): string {
  return nfc(s).replace(/\r\n?|\u000b/g, '\n');
}

interface Job {
  edit: ParagraphEdit;
  para: Word.Paragraph;
  asComment: boolean;
  replacement: string;
  plan: Exclude<LocatePlan, { kind: 'fail' }>;
  start: number;
  end: number;
}

export class WordHost implements DocumentHost {
  readonly kind = 'word' as const;
  private readonly suppressor: OwnEditSuppressor;
  private readonly listeners = new Set<() => void>();
  private registration: Promise<void> | null = null;

  constructor(options: WordHostOptions = {}) {
    this.suppressor = new OwnEditSuppressor(options.graceMs ?? 500, options.now ?? (() => Date.now()));
  }

  private supports(version: string): boolean {
    try {
      return !!Office.context.requirements.isSetSupported('WordApi', version);
    } catch {
      return false;
    }
  }

  capabilities(): HostCapabilities {
    const has14 = this.supports('1.4');
    return { trackedChanges: has14, comments: has14 };
  }

  async getSelectionText(): Promise<string> {
    return Word.run(async (context) => {
      const sel = context.document.getSelection();
      sel.load('text');
      await context.sync();
      return plainText(sel.text ?? '').replace(/\n$/, '');
    });
  }

  async getBodyText(): Promise<string> {
    return Word.run(async (context) => {
      const paras = context.document.body.paragraphs;
      paras.load('items/text');
      await context.sync();
      return paras.items.map((p) => plainText(p.text)).join('\n');
    });
  }

  async getParagraphs(scope: 'selection' | 'body'): Promise<HostParagraph[]> {
    const has16 = this.supports('1.6');
    const props = has16 ? 'items/text,items/uniqueLocalId' : 'items/text';
    return Word.run(async (context) => {
      const body = context.document.body;
      let paras: Word.ParagraphCollection;
      let before: Word.ParagraphCollection | null = null;
      if (scope === 'body') {
        paras = body.paragraphs;
      } else {
        const sel = context.document.getSelection();
        paras = sel.paragraphs;
        // paragraphs from the body start to the selection start: their count - 1
        // is the body index of the first selected paragraph.
        before = body.getRange('Start').expandTo(sel.getRange('Start')).paragraphs;
        before.load('$none');
      }
      paras.load(props);
      await context.sync();
      const offset = before ? Math.max(0, before.items.length - 1) : 0;
      return paras.items.map((p, i) => {
        const out: HostParagraph = { index: offset + i, text: plainText(p.text) };
        if (has16 && p.uniqueLocalId) out.uniqueLocalId = p.uniqueLocalId;
        return out;
      });
    });
  }

  // ---------------------------------------------------------------- insert

  /** The outcome of the last insertBlocks call (mode actually used, fallback reason). */
  lastInsert: InsertResult | null = null;

  async insertBlocks(blocks: Block[], mode: InsertMode): Promise<void> {
    await this.insertBlocksDetailed(blocks, mode);
  }

  /** insertBlocks that also reports the mode used, e.g. comment → below without WordApi 1.4. */
  async insertBlocksDetailed(blocks: Block[], mode: InsertMode): Promise<InsertResult> {
    const res = await this.suppressor.run(() => this.insertBlocksInner(blocks, mode));
    this.lastInsert = res;
    return res;
  }

  private async insertBlocksInner(blocks: Block[], mode: InsertMode): Promise<InsertResult> {
    const planned = planBlocks(blocks).filter((p) => p.runs.length > 0 || p.list === undefined);
    if (planned.length === 0) return { modeUsed: mode };
    const has13 = this.supports('1.3');
    if (mode === 'comment') {
      if (this.supports('1.4')) {
        await Word.run(async (context) => {
          context.document.getSelection().insertComment(blocksToPlainText(blocks));
          await context.sync();
        });
        return { modeUsed: 'comment' };
      }
      await this.insertParagraphs(planned, 'below', has13);
      return { modeUsed: 'below', fallbackReason: FALLBACK_NO_WORDAPI_14 };
    }
    await this.insertParagraphs(planned, mode, has13);
    return { modeUsed: mode };
  }

  private async insertParagraphs(
    planned: PlannedParagraph[],
    mode: Exclude<InsertMode, 'comment'>,
    has13: boolean,
  ): Promise<void> {
    await Word.run(async (context) => {
      const sel = context.document.getSelection();
      const single = planned.length === 1 && !planned[0]!.list && planned[0]!.style === 'Normal';
      if (mode !== 'below' && single) {
        // one plain paragraph: inline runs at the point, no paragraph formatting touched
        const runs = planned[0]!.runs;
        let r: Word.Range =
          mode === 'replace'
            ? sel.insertText(runs[0]!.text, 'Replace')
            : sel.getRange('Start').insertText(runs[0]!.text, 'After');
        setFont(r, runs[0]!);
        for (const run of runs.slice(1)) {
          r = r.insertText(run.text, 'After');
          setFont(r, run);
        }
        await context.sync();
        return;
      }
      if (mode === 'below') {
        this.writeParagraphs(planned, has13, { after: sel.paragraphs.getLast() });
        await context.sync();
        return;
      }
      // cursor / replace with structured content: whole paragraphs before the point's paragraph
      const point = mode === 'replace' ? sel.insertText('', 'Replace') : sel.getRange('Start');
      const host = point.paragraphs.getFirst();
      if (mode === 'replace') {
        host.load('text');
        await context.sync();
      }
      this.writeParagraphs(planned, has13, { before: host });
      if (mode === 'replace' && host.text === '') host.delete();
      await context.sync();
    });
  }

  /**
   * Queues the planned paragraphs (no sync). Each new paragraph goes after the
   * previous one; the first goes after / before the given paragraph.
   */
  private writeParagraphs(
    planned: PlannedParagraph[],
    has13: boolean,
    first: { after: Word.Paragraph } | { before: Word.Paragraph },
  ): void {
    let list: Word.List | null = null;
    let levelsSet = new Set<number>();
    let prev: Word.Paragraph | null = null;
    planned.forEach((pp) => {
      let p: Word.Paragraph;
      if (pp.list && has13 && !pp.list.first && list) {
        p = list.insertParagraph('', 'End');
      } else if (prev) {
        p = prev.insertParagraph('', 'After');
      } else if ('before' in first) {
        p = first.before.insertParagraph('', 'Before');
      } else {
        p = first.after.insertParagraph('', 'After');
      }
      // explicit style: a paragraph inserted after a heading/list item would inherit it.
      // Items added through List.insertParagraph are already list paragraphs: leave them.
      const viaList = !!pp.list && has13 && !pp.list.first && !!list;
      if (!viaList) p.styleBuiltIn = pp.list && !has13 ? 'ListParagraph' : pp.style;
      if (pp.list && has13) {
        if (pp.list.first) {
          list = p.startNewList();
          levelsSet = new Set<number>();
        }
        if (list && !levelsSet.has(pp.list.level)) {
          levelsSet.add(pp.list.level);
          if (pp.list.ordered) list.setLevelNumbering(pp.list.level, 'Arabic');
          else list.setLevelBullet(pp.list.level, 'Solid');
        }
        p.listItem.level = pp.list.level;
      } else {
        list = null;
      }
      pp.runs.forEach((run, j) => {
        const text = j === 0 && pp.list && !has13 ? listFallbackPrefix(pp.list) + run.text : run.text;
        setFont(p.insertText(text, 'End'), run);
      });
      prev = p;
    });
  }

  // ---------------------------------------------------------------- edits

  applyEdits(sets: ParagraphEditSet[], mode: ApplyMode = 'tracked'): Promise<ApplyResult> {
    return this.suppressor.run(() => this.applyEditsInner(sets, mode));
  }

  private async applyEditsInner(sets: ParagraphEditSet[], mode: ApplyMode): Promise<ApplyResult> {
    const has14 = this.supports('1.4');
    const has16 = this.supports('1.6');
    const result: ApplyResult = { applied: [], stale: [], failed: [], modeUsed: mode };
    if (!has14 && mode !== 'direct') {
      result.modeUsed = 'direct';
      result.fallbackReason = FALLBACK_NO_WORDAPI_14;
    }
    const modeUsed = result.modeUsed;
    if (sets.every((s) => s.edits.length === 0)) return result;

    await Word.run(async (context) => {
      const doc = context.document;
      // ---- sync 1: current paragraph texts (+ ids) and the user's tracking mode
      const paras = doc.body.paragraphs;
      paras.load(has16 ? 'items/text,items/uniqueLocalId' : 'items/text');
      if (modeUsed === 'tracked') doc.load('changeTrackingMode');
      await context.sync();

      const byId = new Map<string, Word.Paragraph>();
      if (has16) for (const p of paras.items) if (p.uniqueLocalId) byId.set(p.uniqueLocalId, p);

      const jobs: Job[] = [];
      const searches = new Map<string, Word.RangeCollection>();
      const search = (paraKey: number, para: Word.Paragraph, step: SearchStep) => {
        const key = `${paraKey}\u0000${step.search}`;
        if (!searches.has(key)) {
          const found = para.search(step.search, SEARCH_OPTIONS);
          found.load('text');
          searches.set(key, found);
        }
      };
      const paraKeys = new Map<Word.Paragraph, number>();
      paras.items.forEach((p, i) => paraKeys.set(p, i));

      for (const set of sets) {
        const id = set.paragraph.uniqueLocalId;
        const para = has16 && id ? byId.get(id) : paras.items[set.paragraph.index];
        const ids = set.edits.map((e) => e.suggestionId);
        // Compared as the pane read it (line breaks \u000b as \n, one for one).
        if (!para || plainText(para.text) !== set.paragraph.text) {
          result.stale.push(...ids);
          continue;
        }
        if (nfc(para.text) !== para.text || para.text.includes('\r')) {
          // document text is not NFC (or not one-for-one): NFC offsets do not map onto it
          result.failed.push(...ids);
          continue;
        }
        const key = paraKeys.get(para)!;
        // drop overlapping edits (keep the earlier one), then apply from the end backwards
        const sorted = [...set.edits].sort((a, b) => a.start - b.start || a.end - b.end);
        let lastEnd = -1;
        const accepted: Job[] = [];
        for (const edit of sorted) {
          const asComment = edit.replacement === null || modeUsed === 'comment';
          if (asComment && !has14) {
            result.failed.push(edit.suggestionId);
            continue;
          }
          if (edit.start < lastEnd || (edit.start === lastEnd && edit.start === edit.end)) {
            result.failed.push(edit.suggestionId);
            continue;
          }
          const span =
            asComment || edit.replacement === null
              ? { start: edit.start, end: edit.end, original: edit.original, replacement: edit.replacement ?? '' }
              : narrowEdit(edit.start, edit.original, edit.replacement);
          if (edit.original !== para.text.slice(edit.start, edit.end)) {
            result.failed.push(edit.suggestionId);
            continue;
          }
          if (!asComment && span.original === span.replacement) {
            result.applied.push(edit.suggestionId);
            lastEnd = edit.end;
            continue;
          }
          const plan = planLocate(para.text, span.start, span.end, span.original);
          if (plan.kind === 'fail') {
            result.failed.push(edit.suggestionId);
            continue;
          }
          lastEnd = edit.end;
          accepted.push({ edit, para, asComment, replacement: span.replacement, plan, start: span.start, end: span.end });
        }
        for (const job of accepted) {
          const steps = stepsOf(job.plan);
          for (const s of steps) search(key, para, s);
        }
        jobs.push(...accepted.reverse());
      }
      if (jobs.length === 0) return;

      // ---- sync 2: all searches
      await context.sync();

      const resolved: Array<{ job: Job; range: Word.Range | null; anchor?: Word.Range | null }> = [];
      for (const job of jobs) {
        const key = paraKeys.get(job.para)!;
        const pick = (step: SearchStep): Word.Range | null => {
          const found = searches.get(`${key}\u0000${step.search}`)!;
          if (found.items.length !== step.expectedCount) return null;
          const r = found.items[step.occurrence];
          if (!r || nfc(r.text) !== step.literal) return null;
          return r;
        };
        const plan = job.plan;
        if (plan.kind === 'single') {
          const r = pick(plan.step);
          if (r) resolved.push({ job, range: r });
          else result.failed.push(job.edit.suggestionId);
        } else if (plan.kind === 'span') {
          const head = pick(plan.head);
          const tail = pick(plan.tail);
          if (head && tail) resolved.push({ job, range: head.expandTo(tail) });
          else result.failed.push(job.edit.suggestionId);
        } else {
          const anchor = plan.anchor ? pick(plan.anchor) : null;
          if (plan.anchor && !anchor) result.failed.push(job.edit.suggestionId);
          else resolved.push({ job, range: null, anchor });
        }
      }
      if (resolved.length === 0) return;

      // ---- sync 3: all writes, tracking mode switched on and restored in the same batch
      const userMode = modeUsed === 'tracked' ? doc.changeTrackingMode : undefined;
      const switchTracking = modeUsed === 'tracked' && userMode !== 'TrackAll';
      if (switchTracking) doc.changeTrackingMode = 'TrackAll';
      for (const { job, range, anchor } of resolved) {
        const text = commentText(job.edit.comment, job.asComment ? job.edit.replacement : null);
        if (range) {
          if (job.asComment) range.insertComment(text);
          else range.insertText(job.replacement, 'Replace');
        } else {
          // empty span: an insertion point after the anchor (or at paragraph start)
          const point = anchor ? anchor.getRange('After') : job.para.getRange('Start');
          if (job.asComment) point.insertComment(text);
          else if (anchor) anchor.insertText(job.replacement, 'After');
          else job.para.insertText(job.replacement, 'Start');
        }
        result.applied.push(job.edit.suggestionId);
      }
      if (switchTracking && userMode) doc.changeTrackingMode = userMode;
      try {
        await context.sync();
      } catch (err) {
        if (switchTracking && userMode) {
          // the batch stopped part-way: make sure the user's tracking mode comes back
          doc.changeTrackingMode = userMode;
          await context.sync().catch(() => undefined);
        }
        throw err;
      }
    });
    return result;
  }

  // ---------------------------------------------------------------- select

  async select(paragraph: HostParagraph, start: number, end: number): Promise<boolean> {
    const has16 = this.supports('1.6');
    return Word.run(async (context) => {
      const paras = context.document.body.paragraphs;
      paras.load(has16 ? 'items/text,items/uniqueLocalId' : 'items/text');
      await context.sync();
      const id = paragraph.uniqueLocalId;
      const para =
        has16 && id ? paras.items.find((p) => p.uniqueLocalId === id) : paras.items[paragraph.index];
      if (!para || plainText(para.text) !== paragraph.text) return false;
      if (start === end) {
        if (start !== 0) return false;
        para.getRange('Start').select();
        await context.sync();
        return true;
      }
      const plan = planLocate(para.text, start, end, para.text.slice(start, end));
      if (plan.kind !== 'single' && plan.kind !== 'span') return false;
      const steps = stepsOf(plan);
      const found = steps.map((s) => {
        const c = para.search(s.search, SEARCH_OPTIONS);
        c.load('text');
        return c;
      });
      await context.sync();
      const picks = steps.map((s, i) =>
        found[i]!.items.length === s.expectedCount ? found[i]!.items[s.occurrence] : undefined,
      );
      if (picks.some((r) => !r)) return false;
      const range = picks.length === 2 ? picks[0]!.expandTo(picks[1]!) : picks[0]!;
      range.select();
      await context.sync();
      return true;
    });
  }

  // ---------------------------------------------------------------- sign-in

  /**
   * An Office SSO access token for the relay (Office.auth.getAccessToken, IdentityAPI 1.3),
   * or null when SSO is not available or not configured here (see word/sso.ts for the
   * codes), so the caller falls back to the sign-in dialog. Other failures throw SsoError.
   */
  async getSsoToken(): Promise<string | null> {
    const auth = (Office as unknown as { auth?: { getAccessToken?: unknown } }).auth;
    if (!auth || typeof auth.getAccessToken !== 'function') return null;
    try {
      const token = await Office.auth.getAccessToken({ ...SSO_OPTIONS });
      return token || null;
    } catch (err) {
      const outcome = classifySsoError(err);
      if (outcome.fallback) return null;
      throw outcome.error;
    }
  }

  /**
   * Opens `url` (the relay's /auth/dialog.html, absolute https) in an Office dialog and
   * resolves with the access token the page sends with messageParent. Rejects with
   * AuthDialogError when the dialog cannot open (12004/12005/12007/12009/12011), is
   * closed or fails to load (12006/12002/12003), or the page reports a sign-in error.
   */
  openAuthDialog(url: string): Promise<string> {
    let expectedOrigin: string | undefined;
    try {
      expectedOrigin = new URL(url).origin;
    } catch {
      expectedOrigin = undefined;
    }
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const finish = (dialog: Office.Dialog | undefined, f: () => void) => {
        if (settled) return;
        settled = true;
        try {
          dialog?.close();
        } catch {
          /* already closed */
        }
        f();
      };
      try {
        Office.context.ui.displayDialogAsync(url, { ...AUTH_DIALOG_SIZE }, (result) => {
          if (result.status === Office.AsyncResultStatus.Failed) {
            finish(undefined, () => reject(new AuthDialogError(result.error?.code ?? 0)));
            return;
          }
          const dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
            if (!('message' in arg)) return;
            const msg = parseDialogMessage(arg.message, arg.origin, expectedOrigin);
            if (!msg) return;
            if (msg.ok) finish(dialog, () => resolve(msg.token));
            else finish(dialog, () => reject(new AuthDialogError(0, msg.error, 'signin-failed')));
          });
          dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
            const code = 'error' in arg ? arg.error : 0;
            finish(undefined, () => reject(new AuthDialogError(code)));
          });
        });
      } catch (err) {
        finish(undefined, () => reject(new AuthDialogError(0, (err as Error)?.message || undefined, 'unreachable')));
      }
    });
  }

  // ---------------------------------------------------------------- events

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.registration) {
      this.registration = this.register().catch(() => {
        this.registration = null;
      });
    }
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves once the underlying Word/Office handler is registered (for tests and callers that care). */
  whenListening(): Promise<void> {
    return this.registration ?? Promise.resolve();
  }

  private readonly dispatch = (): void => {
    if (this.suppressor.suppressed) return;
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch {
        // a failing listener must not break the others
      }
    }
  };

  private async register(): Promise<void> {
    if (this.supports('1.6')) {
      await Word.run(async (context) => {
        const handler = async () => this.dispatch();
        context.document.onParagraphChanged.add(handler);
        context.document.onParagraphAdded.add(handler);
        context.document.onParagraphDeleted.add(handler);
        await context.sync();
      });
      return;
    }
    await new Promise<void>((resolve, reject) => {
      Office.context.document.addHandlerAsync(
        Office.EventType.DocumentSelectionChanged,
        () => this.dispatch(),
        (res: Office.AsyncResult<void>) =>
          res.status === Office.AsyncResultStatus.Failed ? reject(res.error) : resolve(),
      );
    });
  }
}

function stepsOf(plan: Exclude<LocatePlan, { kind: 'fail' }>): SearchStep[] {
  if (plan.kind === 'single') return [plan.step];
  if (plan.kind === 'span') return [plan.head, plan.tail];
  return plan.anchor ? [plan.anchor] : [];
}

function setFont(range: Word.Range, run: { bold?: boolean; italic?: boolean }): void {
  range.font.bold = !!run.bold;
  range.font.italic = !!run.italic;
}

// ---------------------------------------------------------------- settings storage

/**
 * The pane's settings in this document's settings (Office.context.document.settings),
 * saved with saveAsync. Only non-secret settings are stored here.
 */
export function officeSettingsStore(): { get(name: string): unknown; set(name: string, value: unknown): void; flush(): void } {
  const settings = Office.context.document.settings;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    get: (name) => {
      try {
        return settings.get(name) as unknown;
      } catch {
        return undefined;
      }
    },
    set: (name, value) => settings.set(name, value),
    flush: () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        settings.saveAsync(() => undefined);
      }, 300);
    },
  };
}
