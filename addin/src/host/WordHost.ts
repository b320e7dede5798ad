/**
 * WordHost — the Office.js implementation of DocumentHost and the ONLY module
 * in the add-in that touches the `Word` / `Office` globals. Pure logic lives in
 * ./word/*.ts (locate, blockPlan, revisions, suppress, sso) and, shared with the other
 * hosts, kernel/edits (the span rule, planning, narrowing, staleness, the comment format).
 *
 * Requirement sets. The manifest asks for WordApi 1.1 (so Word 2016 perpetual
 * still loads the pane); every member above 1.1 is called only after
 * `isSetSupported('WordApi', v)` said yes, with a fallback otherwise
 * (docs/ARCHITECTURE.md, "Word requirement sets"). Members and their sets, from
 * learn.microsoft.com/javascript/api/word (the "[Api set: WordApi 1.x]" remarks):
 *  - 1.1: Word.run/sync, Document.getSelection, Body.paragraphs/text,
 *    Range/Paragraph.text, search, insertText, insertParagraph, select(mode),
 *    delete, font.bold/italic, Range.paragraphs.
 *  - 1.3: Range/Paragraph/Body.getRange, Range.expandTo, Range.isEmpty,
 *    ParagraphCollection.getFirst/getLast, Paragraph.styleBuiltIn, isListItem,
 *    listItem.level, startNewList, detachFromList, List.insertParagraph,
 *    setLevelNumbering/setLevelBullet.
 *  - 1.4: Document.changeTrackingMode, Range.insertComment, getReviewedText,
 *    Body.getComments.
 *  - 1.6: Paragraph.uniqueLocalId, Document.onParagraphChanged/Added/Deleted.
 *
 * Other Office.js facts relied on:
 *  - search takes at most 255 characters; '^' specials (^t tab, ^l manual line
 *    break, ^^ caret); results in document order ("Use search options in your
 *    Word add-in"). SearchOptions.matchCase defaults to false: we pass true.
 *  - Tracked-deleted text stays in Paragraph.text in Word on the web (and on
 *    desktop in some markup views) but not in search results (office-js #1267,
 *    #5286, #2314): we read getReviewedText('Current') and work on that.
 *  - A paragraph inserted next to a list item is in that list; startNewList on
 *    a list item throws; detachFromList first (office-js #2307).
 *  - A failed sync() rejects; operations queued before the failing one have run
 *    and are not rolled back, later ones have not.
 *  - Office.context.document.addHandlerAsync(DocumentSelectionChanged) is the
 *    change signal where paragraph events are missing or fail to register.
 *  - Office.auth.getAccessToken [IdentityAPI 1.3], displayDialogAsync
 *    [DialogApi 1.1] for sign-in (error codes in ./sso.ts).
 *
 * Where the docs are silent we take the safe path (list in docs/ARCHITECTURE.md,
 * "To confirm in real Word"): the tracking-mode switch gets its own sync() before
 * the edits; a comment on a collapsed selection is anchored on its paragraph.
 *
 * Sync budget for applyEdits: (1) paragraph texts/ids, body text + current
 * text, tracking mode, comment count; (1b) only when the body has tracked
 * deletions: the current text of the paragraphs being edited; (2) all searches;
 * (3) tracking mode → TrackAll, only when it is not already; (4) all writes and
 * the tracking mode restored. So 3–5 syncs for any number of suggestions. A
 * failed search or write batch costs one more sync to learn what ran, then one
 * sync per remaining item.
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
import { commentText, editedSince, narrowEdit, planEdits, reading, spanHolds } from '../../../kernel/edits';
import { nfc, planLocate, type LocatePlan, type SearchStep } from './word/locate';
import { deletionPoints, touchesDeletion } from './word/revisions';
import { OwnEditSuppressor } from './word/suppress';
import { AUTH_DIALOG_SIZE, AuthDialogError, classifySsoError, parseDialogMessage, SSO_OPTIONS } from './sso';

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

/** Why a suggestion was not applied (ApplyResult.failedReasons). */
export type FailReason =
  'not-located' | 'overlap' | 'tracked-changes' | 'needs-wordapi-1.3' | 'needs-wordapi-1.4' | 'search-failed' | 'write-failed' | 'not-nfc';

/** ApplyResult plus why each failed suggestion failed. */
export interface WordApplyResult extends ApplyResult {
  failedReasons: Record<string, FailReason>;
}

/** Thrown by getParagraphs('selection') on WordApi 1.1 when the selection's paragraphs occur twice in the body. */
export class AmbiguousSelectionError extends Error {
  readonly code = 'selection-ambiguous';
  constructor() {
    super(
      '선택한 문단이 문서에 여러 번 나와 위치를 정할 수 없습니다. 문서 전체를 검사하세요. / The selected paragraphs occur more than once; check the whole document instead.',
    );
    this.name = 'AmbiguousSelectionError';
  }
}

const SEARCH_OPTIONS = { matchCase: true, matchWildcards: false } as const;

/** Word's paragraph/line separators inside Range.text → '\n'. */
function wordLines(s: string): string {
  // Word writes a manual line break (Shift+Enter) as U+000B.
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r\n?|\u000b/g, '\n');
}

/** Word's text as the pane reads it: NFC, line separators as '\n'. */
function plainText(s: string): string {
  return reading(wordLines(s));
}

/** The API sets WordHost branches on, read once per operation. */
interface Sets {
  has13: boolean;
  has14: boolean;
  has16: boolean;
}

/**
 * One paragraph as read: `text` is what Word reports, `current` the text without
 * tracked deletions (equal to `text` when the body has none or without WordApi 1.4).
 */
interface ReadParagraph {
  para: Word.Paragraph;
  text: string;
  current: string;
}

interface Job {
  edit: ParagraphEdit;
  read: ReadParagraph;
  asComment: boolean;
  replacement: string;
  plan: Exclude<LocatePlan, { kind: 'fail' }>;
  start: number;
  end: number;
}

interface Resolved {
  job: Job;
  range: Word.Range | null;
  anchor: Word.Range | null;
}

/**
 * Queues a read of `coll` (text, + uniqueLocalId with 1.6) and, with 1.4, of the
 * body's text and current text, to ride on the caller's next sync. After that
 * sync, `finish` returns the paragraphs with their current text — one more sync
 * only when the body has tracked deletions, and only for the paragraphs `want` picks.
 */
function queueRead(context: Word.RequestContext, coll: Word.ParagraphCollection, sets: Sets) {
  coll.load(sets.has16 ? 'items/text,items/uniqueLocalId' : 'items/text');
  let bodyText: Word.Body | null = null;
  let bodyCurrent: OfficeExtension.ClientResult<string> | null = null;
  if (sets.has14) {
    bodyText = context.document.body;
    bodyText.load('text');
    bodyCurrent = context.document.body.getReviewedText('Current');
  }
  return {
    async finish(want: (p: Word.Paragraph, i: number) => boolean = () => true): Promise<ReadParagraph[]> {
      const out: ReadParagraph[] = coll.items.map((para) => ({ para, text: para.text, current: para.text }));
      if (!bodyText || !bodyCurrent || bodyText.text === bodyCurrent.value) return out;
      const pending = out.map((r, i) => (want(r.para, i) ? r.para.getReviewedText('Current') : null));
      await context.sync();
      pending.forEach((res, i) => {
        if (res) out[i]!.current = res.value;
      });
      return out;
    },
  };
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

  private sets(): Sets {
    // sets are cumulative: 1.6 implies 1.4 implies 1.3
    const has13 = this.supports('1.3');
    const has14 = has13 && this.supports('1.4');
    const has16 = has14 && this.supports('1.6');
    return { has13, has14, has16 };
  }

  capabilities(): HostCapabilities {
    const { has14 } = this.sets();
    return { trackedChanges: has14, comments: has14 };
  }

  async getSelectionText(): Promise<string> {
    const { has14 } = this.sets();
    return Word.run(async (context) => {
      const sel = context.document.getSelection();
      const current = has14 ? sel.getReviewedText('Current') : null;
      if (!current) sel.load('text');
      await context.sync();
      return plainText(current ? current.value : (sel.text ?? '')).replace(/\n$/, '');
    });
  }

  async getBodyText(): Promise<string> {
    const sets = this.sets();
    return Word.run(async (context) => {
      const read = queueRead(context, context.document.body.paragraphs, sets);
      await context.sync();
      return (await read.finish()).map((r) => plainText(r.current)).join('\n');
    });
  }

  async getParagraphs(scope: 'selection' | 'body'): Promise<HostParagraph[]> {
    const sets = this.sets();
    return Word.run(async (context) => {
      const body = context.document.body;
      if (scope === 'body') {
        const read = queueRead(context, body.paragraphs, sets);
        await context.sync();
        return toHostParagraphs(await read.finish(), 0, sets.has16);
      }
      const sel = context.document.getSelection();
      // `paragraphs` is a navigation property (a proxy collection), not a loaded value: no load or sync needed to reach it.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const read = queueRead(context, sel.paragraphs, sets);
      if (sets.has13) {
        // paragraphs from the body start to the selection start: their count - 1
        // is the body index of the first selected paragraph.
        // eslint-disable-next-line office-addins/load-object-before-read -- navigation property, as above
        const before = body.getRange('Start').expandTo(sel.getRange('Start')).paragraphs;
        before.load('$none');
        await context.sync();
        return toHostParagraphs(await read.finish(), Math.max(0, before.items.length - 1), sets.has16);
      }
      // WordApi 1.1: no ranges between points. The selection's paragraphs are found
      // in the body by their text; where that sequence occurs twice, we do not guess.
      const all = body.paragraphs;
      all.load('items/text');
      await context.sync();
      const selected = await read.finish();
      const offset = uniqueRun(
        all.items.map((p) => p.text),
        selected.map((r) => r.text),
      );
      if (offset === null) throw new AmbiguousSelectionError();
      return toHostParagraphs(selected, offset, false);
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
    const sets = this.sets();
    if (mode === 'comment') {
      if (sets.has14) {
        await Word.run(async (context) => {
          const sel = context.document.getSelection();
          // eslint-disable-next-line office-addins/no-navigational-load -- isEmpty is a scalar property of Range, not a navigation
          sel.load('isEmpty');
          await context.sync();
          // Docs are silent on comments over a collapsed range: anchor on the paragraph instead.
          const anchor = sel.isEmpty ? sel.paragraphs.getFirst().getRange('Whole') : sel;
          anchor.insertComment(blocksToPlainText(blocks));
          await context.sync();
        });
        return { modeUsed: 'comment' };
      }
      await this.insertParagraphs(planned, 'below', sets.has13);
      return { modeUsed: 'below', fallbackReason: FALLBACK_NO_WORDAPI_14 };
    }
    await this.insertParagraphs(planned, mode, sets.has13);
    return { modeUsed: mode };
  }

  private async insertParagraphs(planned: PlannedParagraph[], mode: Exclude<InsertMode, 'comment'>, has13: boolean): Promise<void> {
    await Word.run(async (context) => {
      const sel = context.document.getSelection();
      const single = planned.length === 1 && !planned[0]!.list && planned[0]!.style === 'Normal';
      if (mode !== 'below' && single) {
        // one plain paragraph: inline runs at the point, no paragraph formatting touched
        const runs = planned[0]!.runs;
        let r: Word.Range =
          mode === 'replace'
            ? sel.insertText(runs[0]!.text, 'Replace')
            : has13
              ? sel.getRange('Start').insertText(runs[0]!.text, 'After')
              : sel.insertText(runs[0]!.text, 'Start');
        setFont(r, runs[0]!);
        for (const run of runs.slice(1)) {
          r = r.insertText(run.text, 'After');
          setFont(r, run);
        }
        await context.sync();
        return;
      }
      if (mode === 'below') {
        // eslint-disable-next-line office-addins/load-object-before-read -- `paragraphs` is a navigation property
        const last = await this.edgeParagraph(context, sel.paragraphs, 'last', has13);
        this.writeParagraphs(planned, has13, { after: last }, has13 && last.isListItem);
        await context.sync();
        return;
      }
      // cursor / replace with structured content: whole paragraphs before the point's paragraph
      const point = mode === 'replace' ? sel.insertText('', 'Replace') : sel;
      const host = await this.edgeParagraph(context, point.paragraphs, 'first', has13);
      this.writeParagraphs(planned, has13, { before: host }, has13 && host.isListItem);
      if (mode === 'replace' && host.text === '') host.delete();
      await context.sync();
    });
  }

  /** The first/last paragraph of a collection, loaded with text (+ isListItem with 1.3). One sync. */
  private async edgeParagraph(
    context: Word.RequestContext,
    coll: Word.ParagraphCollection,
    which: 'first' | 'last',
    has13: boolean,
  ): Promise<Word.Paragraph> {
    if (has13) {
      const p = which === 'first' ? coll.getFirst() : coll.getLast();
      p.load('text,isListItem');
      await context.sync();
      return p;
    }
    coll.load('items/text');
    await context.sync();
    return which === 'first' ? coll.items[0]! : coll.items[coll.items.length - 1]!;
  }

  /**
   * Queues the planned paragraphs (no sync). Each new paragraph goes after the
   * previous one; the first goes after / before the given paragraph. A new
   * paragraph next to a list item is in that list (office-js #2307), so with
   * WordApi 1.3 it is detached before it is styled; without 1.3 there is no list
   * or style API: lists get a text prefix, headings bold text.
   */
  private writeParagraphs(
    planned: PlannedParagraph[],
    has13: boolean,
    first: { after: Word.Paragraph } | { before: Word.Paragraph },
    anchorIsListItem: boolean,
  ): void {
    let list: Word.List | null = null;
    let levelsSet = new Set<number>();
    let prev: Word.Paragraph | null = null;
    let prevIsListItem = anchorIsListItem;
    planned.forEach((pp) => {
      const viaList = has13 && !!pp.list && !pp.list.first && !!list;
      let p: Word.Paragraph;
      if (viaList) {
        p = list!.insertParagraph('', 'End');
      } else if (prev) {
        p = prev.insertParagraph('', 'After');
      } else if ('before' in first) {
        p = first.before.insertParagraph('', 'Before');
      } else {
        p = first.after.insertParagraph('', 'After');
      }
      if (has13 && !viaList) {
        if (prevIsListItem) p.detachFromList();
        p.styleBuiltIn = pp.style;
      }
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
      prevIsListItem = has13 && !!pp.list;
      const headingAsBold = !has13 && pp.style !== 'Normal';
      pp.runs.forEach((run, j) => {
        const text = j === 0 && pp.list && !has13 ? listFallbackPrefix(pp.list) + run.text : run.text;
        setFont(p.insertText(text, 'End'), headingAsBold ? { ...run, bold: true } : run);
      });
      prev = p;
    });
  }

  // ---------------------------------------------------------------- edits

  applyEdits(sets: ParagraphEditSet[], mode: ApplyMode = 'tracked'): Promise<WordApplyResult> {
    return this.suppressor.run(() => this.applyEditsInner(sets, mode));
  }

  private async applyEditsInner(editSets: ParagraphEditSet[], mode: ApplyMode): Promise<WordApplyResult> {
    const sets = this.sets();
    const result = startResult(mode, sets.has14);
    if (editSets.every((s) => s.edits.length === 0)) return result;
    const fail = (id: string, reason: FailReason) => {
      result.failed.push(id);
      result.failedReasons[id] = reason;
    };
    await Word.run(async (context) => {
      // ---- sync 1 (+ 1b): the paragraphs being edited, tracking mode, comment count
      const { readFor, comments } = await readForEdits(context, editSets, sets, result.modeUsed);
      const jobs: Job[] = [];
      for (const set of editSets) {
        const r = readFor(set);
        const ids = set.edits.map((e) => e.suggestionId);
        // Compared as the pane read it (line breaks \u000b as \n, one for one).
        if (!r || editedSince(set.paragraph.text, wordLines(r.current))) result.stale.push(...ids);
        // document text is not NFC (or not one-for-one): NFC offsets do not map onto it
        else if (nfc(r.current) !== r.current || r.current.includes('\r')) for (const id of ids) fail(id, 'not-nfc');
        // from the end backwards, so earlier offsets stay valid in the expected texts
        else jobs.push(...planParagraphJobs(set, r, result.modeUsed, sets, result, fail).reverse());
      }
      if (jobs.length === 0) return;
      // ---- sync 2: all searches (one per distinct string per paragraph); one by one if the batch fails
      const resolved = await this.searchAll(
        context,
        jobs,
        sets.has13,
        (id) => fail(id, 'not-located'),
        (id) => fail(id, 'search-failed'),
      );
      if (resolved.length === 0) return;
      // ---- syncs 3 and 4: tracking on, all writes, tracking restored
      await this.writeAll(context, resolved, { modeUsed: result.modeUsed, comments, has14: sets.has14 }, result, fail);
    });
    return result;
  }

  /**
   * Sync 3: tracking on, on its own (docs silent on a switch's effect on later operations in
   * the same batch). Sync 4: all writes and the user's tracking mode back; if that batch
   * fails part-way, learn what ran and retry the rest one by one.
   */
  private async writeAll(
    context: Word.RequestContext,
    resolved: Resolved[],
    how: { modeUsed: ApplyMode; comments: Word.CommentCollection | null; has14: boolean },
    result: WordApplyResult,
    fail: (id: string, reason: FailReason) => void,
  ): Promise<void> {
    const doc = context.document;
    const userMode = how.modeUsed === 'tracked' ? doc.changeTrackingMode : undefined;
    const switchTracking = how.modeUsed === 'tracked' && userMode !== 'TrackAll';
    if (switchTracking) {
      doc.changeTrackingMode = 'TrackAll';
      await context.sync();
    }
    // text edits first, then comments: a failed batch ran a prefix of this order
    const ordered = [...resolved.filter((x) => !x.job.asComment), ...resolved.filter((x) => x.job.asComment)];
    try {
      for (const x of ordered) this.write(x);
      if (switchTracking && userMode) doc.changeTrackingMode = userMode;
      await context.sync();
      result.applied.push(...ordered.map((x) => x.job.edit.suggestionId));
    } catch {
      await this.retryAfterFailedWrite(context, ordered, how, result, fail);
      if (switchTracking && userMode) {
        doc.changeTrackingMode = userMode;
        await context.sync().catch(() => undefined);
      }
    }
  }

  /** The write batch stopped part-way: learn what ran, retry the rest one by one. */
  private async retryAfterFailedWrite(
    context: Word.RequestContext,
    ordered: Resolved[],
    how: { comments: Word.CommentCollection | null; has14: boolean },
    result: WordApplyResult,
    fail: (id: string, reason: FailReason) => void,
  ): Promise<void> {
    const done = await this.writtenPrefix(context, ordered, how.comments, how.has14);
    if (done < 0) {
      // the document matches no prefix: report all as failed rather than write twice
      for (const x of ordered) fail(x.job.edit.suggestionId, 'write-failed');
      return;
    }
    result.applied.push(...ordered.slice(0, done).map((x) => x.job.edit.suggestionId));
    for (const x of ordered.slice(done)) {
      this.write(x);
      try {
        // One sync per write on purpose: after a failed batch, each edit is retried alone so one bad edit cannot sink the rest.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        result.applied.push(x.job.edit.suggestionId);
      } catch {
        fail(x.job.edit.suggestionId, 'write-failed');
      }
    }
  }

  /** Runs the jobs' searches in one sync (one by one if it fails) and picks each job's range. */
  private async searchAll(
    context: Word.RequestContext,
    jobs: Job[],
    has13: boolean,
    notLocated: (id: string) => void,
    searchFailed: (id: string) => void,
  ): Promise<Resolved[]> {
    const queue = (job: Job, into: Map<string, Word.RangeCollection>) => {
      for (const step of stepsOf(job.plan)) {
        const key = searchKey(job, step);
        if (into.has(key)) continue;
        const found = job.read.para.search(step.search, SEARCH_OPTIONS);
        found.load('text');
        into.set(key, found);
      }
    };
    let searches = new Map<string, Word.RangeCollection>();
    const ok = new Set<Job>();
    for (const job of jobs) queue(job, searches);
    try {
      await context.sync();
      for (const job of jobs) ok.add(job);
    } catch {
      // which search failed is not reported: run each job's searches alone
      searches = new Map();
      for (const job of jobs) {
        const mine = new Map<string, Word.RangeCollection>();
        queue(job, mine);
        try {
          // One sync per search on purpose: after a failed batch, each search is retried alone (Word rejects the whole batch).
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          for (const [k, v] of mine) searches.set(k, v);
          ok.add(job);
        } catch {
          searchFailed(job.edit.suggestionId);
        }
      }
    }
    const resolved: Resolved[] = [];
    for (const job of jobs) {
      if (!ok.has(job)) continue;
      const pick = (step: SearchStep): Word.Range | null => {
        const found = searches.get(searchKey(job, step))!;
        if (found.items.length !== step.expectedCount) return null;
        const r = found.items[step.occurrence];
        if (!r || plainText(r.text) !== plainText(step.literal)) return null;
        return r;
      };
      const plan = job.plan;
      if (plan.kind === 'single') {
        const r = pick(plan.step);
        if (r) resolved.push({ job, range: r, anchor: null });
        else notLocated(job.edit.suggestionId);
      } else if (plan.kind === 'span') {
        const head = pick(plan.head);
        const tail = pick(plan.tail);
        if (head && tail && has13) resolved.push({ job, range: head.expandTo(tail), anchor: null });
        else notLocated(job.edit.suggestionId);
      } else {
        const anchor = plan.anchor ? pick(plan.anchor) : null;
        if (plan.anchor && !anchor) notLocated(job.edit.suggestionId);
        else resolved.push({ job, range: null, anchor });
      }
    }
    return resolved;
  }

  /** Queues one job's write (no sync). */
  private write({ job, range, anchor }: Resolved): void {
    const text = commentText(job.edit.comment, job.asComment ? job.edit.replacement : null);
    if (range) {
      if (job.asComment) range.insertComment(text);
      else range.insertText(job.replacement, 'Replace');
      return;
    }
    // empty span: an insertion point after the anchor (or at paragraph start).
    // Comments exist only with WordApi 1.4, so getRange (1.3) is there for them.
    if (job.asComment) (anchor ? anchor.getRange('After') : job.read.para.getRange('Start')).insertComment(text);
    else if (anchor) anchor.insertText(job.replacement, 'After');
    else job.read.para.insertText(job.replacement, 'Start');
  }

  /**
   * After a failed write batch: how many of `ordered` ran (a prefix, since Word
   * stops at the failing operation), learnt from the paragraphs' current text and
   * the comment count. -1 when the document matches no prefix (then nothing is retried).
   */
  private async writtenPrefix(
    context: Word.RequestContext,
    ordered: Resolved[],
    comments: Word.CommentCollection | null,
    has14: boolean,
  ): Promise<number> {
    const touched = [...new Set(ordered.filter((x) => !x.job.asComment).map((x) => x.job.read))];
    // each touched paragraph's text as it is now (current text with WordApi 1.4)
    const now = new Map<ReadParagraph, () => string>();
    for (const r of touched) {
      if (has14) {
        const current = r.para.getReviewedText('Current');
        now.set(r, () => current.value);
      } else {
        const p = r.para.load('text');
        now.set(r, () => p.text);
      }
    }
    const commentsNow = comments ? context.document.body.getComments() : null;
    commentsNow?.load('$none');
    try {
      await context.sync();
    } catch {
      return -1;
    }
    const observed = (r: ReadParagraph) => now.get(r)!();
    // expected text of each touched paragraph after each prefix of the text jobs
    const expected = new Map<ReadParagraph, string>(touched.map((r) => [r, r.current]));
    const textJobs = ordered.filter((x) => !x.job.asComment);
    const matches = () => touched.every((r) => observed(r) === expected.get(r));
    let k = 0;
    let found = matches() ? 0 : -1;
    for (const x of textJobs) {
      const j = x.job;
      const before = expected.get(j.read)!;
      expected.set(j.read, before.slice(0, j.start) + j.replacement + before.slice(j.end));
      k++;
      if (matches()) found = k;
    }
    if (found < 0) return -1;
    if (found < textJobs.length || !comments || !commentsNow) return found;
    return textJobs.length + Math.max(0, commentsNow.items.length - comments.items.length);
  }

  // ---------------------------------------------------------------- select

  async select(paragraph: HostParagraph, start: number, end: number): Promise<boolean> {
    const sets = this.sets();
    return Word.run(async (context) => {
      const paras = context.document.body.paragraphs;
      const read = queueRead(context, paras, sets);
      await context.sync();
      const id = paragraph.uniqueLocalId;
      const index = sets.has16 && id ? paras.items.findIndex((p) => p.uniqueLocalId === id) : paragraph.index;
      const reads = await read.finish((_p, i) => i === index);
      const r = reads[index];
      if (!r || plainText(r.current) !== paragraph.text) return false;
      if (start === end) {
        if (start !== 0) return false;
        r.para.select('Start');
        await context.sync();
        return true;
      }
      const deletions = deletionPoints(r.text, r.current);
      if (deletions === null || touchesDeletion(deletions, start, end)) return false;
      const plan = planLocate(r.current, start, end, r.current.slice(start, end));
      if (plan.kind !== 'single' && !(plan.kind === 'span' && sets.has13)) return false;
      const steps = stepsOf(plan);
      const found = steps.map((s) => {
        const c = r.para.search(s.search, SEARCH_OPTIONS);
        c.load('text');
        return c;
      });
      await context.sync();
      const picks = steps.map((s, i) => (found[i]!.items.length === s.expectedCount ? found[i]!.items[s.occurrence] : undefined));
      if (picks.some((p) => !p)) return false;
      const range = picks.length === 2 ? picks[0]!.expandTo(picks[1]!) : picks[0]!;
      range.select();
      await context.sync();
      return true;
    });
  }

  // ---------------------------------------------------------------- sign-in

  /**
   * An Office SSO access token for the relay (Office.auth.getAccessToken, IdentityAPI 1.3),
   * or null when SSO is not available or not configured here (see sso.ts for the
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
    if (this.sets().has16) {
      try {
        await Word.run(async (context) => {
          const handler = async () => this.dispatch();
          // an office.js older than the client may lack these members: the TypeError is caught below
          context.document.onParagraphChanged.add(handler);
          context.document.onParagraphAdded.add(handler);
          context.document.onParagraphDeleted.add(handler);
          await context.sync();
        });
        return;
      } catch {
        // any failure: fall back to the selection-changed signal
      }
    }
    await new Promise<void>((resolve, reject) => {
      Office.context.document.addHandlerAsync(
        Office.EventType.DocumentSelectionChanged,
        () => this.dispatch(),
        (res: Office.AsyncResult<void>) => (res.status === Office.AsyncResultStatus.Failed ? reject(res.error) : resolve()),
      );
    });
  }
}

function stepsOf(plan: Exclude<LocatePlan, { kind: 'fail' }>): SearchStep[] {
  if (plan.kind === 'single') return [plan.step];
  if (plan.kind === 'span') return [plan.head, plan.tail];
  return plan.anchor ? [plan.anchor] : [];
}

/** The result applyEdits starts from: the mode it can use with the API sets at hand. */
function startResult(mode: ApplyMode, has14: boolean): WordApplyResult {
  const result: WordApplyResult = { applied: [], stale: [], failed: [], modeUsed: mode, failedReasons: {} };
  if (!has14 && mode === 'tracked') {
    // accepting is the user's say-so; only the tracking is lost, and the result says so
    result.modeUsed = 'direct';
    result.fallbackReason = FALLBACK_NO_WORDAPI_14;
  }
  // comment mode without WordApi 1.4 stays comment mode: every edit fails 'needs-wordapi-1.4'
  // in planParagraphJobs, the text is never changed instead
  if (!has14 && mode === 'comment') result.fallbackReason = FALLBACK_NO_WORDAPI_14;
  return result;
}

/**
 * Sync 1: paragraph texts (+ ids), body text + current text, tracking mode, comment count;
 * sync 1b only when the body has tracked deletions: the current text of the paragraphs being
 * edited. Returns how to find each set's paragraph as read (undefined when it is gone).
 */
async function readForEdits(context: Word.RequestContext, editSets: ParagraphEditSet[], sets: Sets, modeUsed: ApplyMode) {
  const doc = context.document;
  const paras = doc.body.paragraphs;
  const read = queueRead(context, paras, sets);
  if (modeUsed === 'tracked') doc.load('changeTrackingMode');
  const mayComment = sets.has14 && (modeUsed === 'comment' || editSets.some((s) => s.edits.some((e) => e.replacement === null)));
  const comments = mayComment ? doc.body.getComments() : null;
  comments?.load('$none');
  await context.sync();

  const byId = new Map<string, number>();
  if (sets.has16) paras.items.forEach((p, i) => p.uniqueLocalId && byId.set(p.uniqueLocalId, i));
  const target = (s: ParagraphEditSet): number | undefined => {
    const id = s.paragraph.uniqueLocalId;
    return sets.has16 && id ? byId.get(id) : s.paragraph.index < paras.items.length ? s.paragraph.index : undefined;
  };
  const wanted = new Set(editSets.map(target).filter((i): i is number => i !== undefined));
  const reads = await read.finish((_p, i) => wanted.has(i));
  const readFor = (s: ParagraphEditSet): ReadParagraph | undefined => {
    const i = target(s);
    return i === undefined ? undefined : reads[i];
  };
  return { readFor, comments };
}

/**
 * The jobs for one paragraph that still reads as checked, in position order: edits that
 * clash with an earlier one fail 'overlap' (the span rule, kernel/edits/span.ts); the rest
 * fail when Word cannot place them, or become jobs on their narrowest span.
 */
function planParagraphJobs(
  set: ParagraphEditSet,
  r: ReadParagraph,
  modeUsed: ApplyMode,
  sets: Sets,
  result: WordApplyResult,
  fail: (id: string, reason: FailReason) => void,
): Job[] {
  const deletions = deletionPoints(r.text, r.current);
  const jobs: Job[] = [];
  const tryKeep = (edit: ParagraphEdit): boolean => {
    const placed = placeEdit(edit, r, deletions, modeUsed, sets);
    if (placed === 'unchanged') result.applied.push(edit.suggestionId);
    else if (typeof placed === 'string') fail(edit.suggestionId, placed);
    else jobs.push(placed);
    return placed === 'unchanged' || typeof placed !== 'string';
  };
  planEdits(set.edits, { tryKeep, onClash: (edit) => fail(edit.suggestionId, 'overlap') });
  return jobs;
}

/** One edit as a job on its narrowest span; 'unchanged' when it changes nothing; else why Word cannot place it. */
function placeEdit(
  edit: ParagraphEdit,
  r: ReadParagraph,
  deletions: ReturnType<typeof deletionPoints>,
  modeUsed: ApplyMode,
  { has13, has14 }: Sets,
): Job | FailReason | 'unchanged' {
  const asComment = edit.replacement === null || modeUsed === 'comment';
  if (asComment && !has14) return 'needs-wordapi-1.4';
  // the span as the pane reads it (a manual line break is \u000b in Word, \n in the pane)
  if (!spanHolds(wordLines(r.current), edit)) return 'not-located';
  // tracked deletions in this paragraph: only edits clear of them are placed
  if (deletions === null || touchesDeletion(deletions, edit.start, edit.end)) return 'tracked-changes';
  const wordOriginal = r.current.slice(edit.start, edit.end);
  const span =
    asComment || edit.replacement === null
      ? { start: edit.start, end: edit.end, original: wordOriginal, replacement: edit.replacement ?? '' }
      : narrowEdit(edit.start, wordOriginal, edit.replacement, { keepOneCharacter: true });
  if (!asComment && span.original === span.replacement) return 'unchanged';
  const plan = planLocate(r.current, span.start, span.end, span.original);
  if (plan.kind === 'fail') return 'not-located';
  // head.expandTo(tail) needs WordApi 1.3
  if (plan.kind === 'span' && !has13) return 'needs-wordapi-1.3';
  return { edit, read: r, asComment, replacement: span.replacement, plan, start: span.start, end: span.end };
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

function searchKey(job: Job, step: SearchStep): string {
  return `${paraKeyOf(job.read)}\u0000${step.search}`;
}

const paraKeys = new WeakMap<ReadParagraph, number>();
let nextParaKey = 0;
function paraKeyOf(r: ReadParagraph): number {
  let k = paraKeys.get(r);
  if (k === undefined) {
    k = nextParaKey++;
    paraKeys.set(r, k);
  }
  return k;
}

function toHostParagraphs(reads: ReadParagraph[], offset: number, has16: boolean): HostParagraph[] {
  return reads.map((r, i) => {
    const out: HostParagraph = { index: offset + i, text: plainText(r.current) };
    if (has16 && r.para.uniqueLocalId) out.uniqueLocalId = r.para.uniqueLocalId;
    return out;
  });
}

/** Start index of the only place `needle` occurs as a contiguous run in `hay`, or null. */
function uniqueRun(hay: string[], needle: string[]): number | null {
  let at: number | null = null;
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (needle.every((t, k) => hay[i + k] === t)) {
      if (at !== null) return null;
      at = i;
    }
  }
  return at;
}
