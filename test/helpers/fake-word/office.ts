/**
 * A faithful-enough fake of the Word JavaScript API (Office.js) for unit tests.
 *
 *  - Calls are QUEUED on a FakeRequestContext and applied to the in-memory
 *    model in order at `context.sync()` (counted per context and globally).
 *  - Scalar properties throw PropertyNotLoaded unless `load()` + `sync()` ran;
 *    values are snapshots taken at sync time.
 *  - API-set gating (./requirements.ts): a member outside the configured
 *    WordApi sets throws ApiNotFound AT THE CALL (not at sync). Each call of a
 *    member above the manifest's minimum that was not preceded by a successful
 *    isSetSupported for its set (or a later one) is recorded in `ungatedCalls`.
 *  - search(): 255-char limit, '^' specials, wildcards (see ./search.ts); it
 *    does not see tracked deletions (office-js #1267, #5286, #2314).
 *  - `deletedTextInParagraphText`: Word on the web (and desktop in some markup
 *    views) keeps tracked-deleted text in Paragraph.text / Range.text (office-js
 *    #1267, #5286, #2314); getReviewedText('Current') leaves it out [WordApi 1.4].
 *  - Lists: a paragraph inserted next to a list item stays in the list; only
 *    detachFromList() takes it out (styleBuiltIn does not: the docs say nothing
 *    of it, and office-js #2307 shows the new paragraph still a list item);
 *    startNewList() on a list item throws GeneralException (#2307).
 *  - `failSearchAt` / `failWriteAt`: the k-th search / write (1-based, counted
 *    over the fake's lifetime) rejects its sync with GeneralException.
 *  - Errors in a batch reject sync() with a RichApi-like error that has `code`;
 *    operations after the failing one are dropped (earlier ones stay applied —
 *    "Error handling with the application-specific JavaScript APIs": a failed
 *    sync does not roll back what ran before the failing operation).
 */
import { FakeDocumentModel, FakeWordError, STYLE_NAMES, type ListData, type Span } from './model';
import { MANIFEST_MIN_WORDAPI, versionNumber, WORD_MEMBER_SETS } from './requirements';
import { compileWordSearch, findAll, type FakeSearchOptions } from './search';

type Op = () => void;

function notLoaded(name: string): FakeWordError {
  return new FakeWordError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function parseLoad(arg?: string | string[] | { select?: string }): { all: boolean; props: string[] } {
  if (arg === undefined) return { all: true, props: [] };
  const raw = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join(',') : (arg.select ?? '');
  const props = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (props.length === 1 && props[0] === '$none') return { all: false, props: [] };
  return { all: props.length === 0, props };
}

export interface FakeWordOptions {
  /** Supported WordApi versions, e.g. ['1.1','1.2','1.3','1.4','1.6'] or a max like '1.6'. */
  wordApi?: string[] | string;
  paragraphs?: string[];
  /** Tracked deletions stay in the document (marked deleted) instead of disappearing. */
  keepTrackedDeletions?: boolean;
  /** Paragraph.text / Range.text include tracked-deleted text (Word on the web). */
  deletedTextInParagraphText?: boolean;
}

export class FakeWord {
  readonly doc: FakeDocumentModel;
  supported: Set<string>;
  totalSyncs = 0;
  /** Word.run batches that ended with queued but never-synced operations. */
  unsyncedBatches = 0;
  contexts: FakeRequestContext[] = [];
  paragraphHandlers: Array<{ type: string; handler: (e: unknown) => unknown }> = [];
  selectionHandlers: Array<(e: unknown) => unknown> = [];
  /** Every search string passed to search(), for assertions. */
  searches: string[] = [];
  /** Every gated member called, with its set. */
  calls: Array<{ member: string; set: string }> = [];
  /** Calls of members above the manifest minimum that no isSetSupported check covered. */
  ungatedCalls: string[] = [];
  /** Highest WordApi version an isSetSupported call returned true for. */
  private checkedUpTo = versionNumber(MANIFEST_MIN_WORDAPI);
  /** Reject the k-th executed search / write (1-based); undefined = never. */
  failSearchAt: number | number[] | undefined;
  failWriteAt: number | number[] | undefined;
  searchCount = 0;
  writeCount = 0;
  deletedTextInParagraphText = false;
  /**
   * Office.auth.getAccessToken: resolves with this token, or rejects with this Office
   * error ({code, message}); null means Office.auth is absent (an office.js without SSO).
   */
  sso: string | { code: number; message?: string } | null = null;
  /** Options of each getAccessToken call. */
  ssoCalls: unknown[] = [];
  /** Office.context.ui.displayDialogAsync: fail the open with this code (e.g. 12007), else open a FakeDialog. */
  dialogOpenError: number | undefined;
  dialogs: FakeDialog[] = [];

  constructor(options: FakeWordOptions = {}) {
    this.doc = new FakeDocumentModel(options.paragraphs ?? ['']);
    this.supported = FakeWord.versions(options.wordApi ?? '1.6');
    this.doc.keepTrackedDeletions = !!options.keepTrackedDeletions;
    this.deletedTextInParagraphText = !!options.deletedTextInParagraphText;
  }

  static versions(v: string[] | string): Set<string> {
    if (Array.isArray(v)) return new Set(v);
    const max = Number(v.split('.')[1]);
    return new Set(Array.from({ length: max }, (_, i) => `1.${i + 1}`));
  }

  setWordApi(v: string[] | string): void {
    this.supported = FakeWord.versions(v);
  }

  isSetSupported(name: string, version?: string | number): boolean {
    if (name !== 'WordApi') return false;
    const v = version === undefined ? '1.1' : String(version);
    const ok = this.supported.has(v.includes('.') ? v : `${v}.0`);
    if (ok) this.checkedUpTo = Math.max(this.checkedUpTo, versionNumber(v));
    return ok;
  }

  /** Called by every modelled member AT THE CALL: throws ApiNotFound outside the client's sets. */
  gate(member: string): void {
    const set = WORD_MEMBER_SETS[member];
    if (!set) throw new Error(`fake-word: ${member} has no requirement set in requirements.ts`);
    this.calls.push({ member, set });
    if (!this.supported.has(set)) {
      throw new FakeWordError('ApiNotFound', `${member} requires WordApi ${set}, which this client does not support.`);
    }
    if (versionNumber(set) > this.checkedUpTo) this.ungatedCalls.push(member);
  }

  /** Counts an executed search / write; rejects the configured k-th one. */
  countSearch(): void {
    this.searchCount++;
    if ([this.failSearchAt].flat().includes(this.searchCount))
      throw new FakeWordError('GeneralException', `fake: search #${this.searchCount} rejected`);
  }
  countWrite(what: string): void {
    this.writeCount++;
    if ([this.failWriteAt].flat().includes(this.writeCount))
      throw new FakeWordError('GeneralException', `fake: write #${this.writeCount} (${what}) rejected`);
  }

  /** Fires change events for model changes (asynchronously, like Word). */
  flushEvents(): void {
    const ids = [...this.doc.changed];
    const moved = this.doc.selectionMoved;
    this.doc.changed.clear();
    this.doc.selectionMoved = false;
    if (ids.length === 0 && !moved) return;
    setTimeout(() => {
      if (ids.length) {
        for (const h of this.paragraphHandlers) {
          if (h.type === 'ParagraphChanged') void h.handler({ type: 'ParagraphChanged', uniqueLocalIds: ids, source: 'Local' });
        }
      }
      for (const h of this.selectionHandlers) void h({ type: 'documentSelectionChanged' });
    }, 0);
  }

  /** A user edit made in Word (outside any batch): paragraph i gets `text`, events fire. */
  userEdit(i: number, text: string): void {
    this.doc.userSetText(i, text);
    this.doc.selectionMoved = true;
    this.flushEvents();
  }

  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeRequestContext(this);
    this.contexts.push(ctx);
    return (async () => {
      const out = await batch(ctx);
      if (ctx.pending > 0) this.unsyncedBatches++;
      return out;
    })();
  }

  /** The `Word` global. */
  wordGlobal(): Record<string, unknown> {
    return {
      run: (a: unknown, b?: unknown) => this.run((typeof a === 'function' ? a : b) as never),
      InsertLocation: { before: 'Before', after: 'After', start: 'Start', end: 'End', replace: 'Replace' },
      ChangeTrackingMode: { off: 'Off', trackAll: 'TrackAll', trackMineOnly: 'TrackMineOnly' },
      BuiltInStyleName: {
        normal: 'Normal',
        heading1: 'Heading1',
        heading2: 'Heading2',
        heading3: 'Heading3',
        listParagraph: 'ListParagraph',
      },
      RangeLocation: { whole: 'Whole', start: 'Start', end: 'End', before: 'Before', after: 'After', content: 'Content' },
      ErrorCodes: {
        searchStringInvalidOrTooLong: 'SearchStringInvalidOrTooLong',
        itemNotFound: 'ItemNotFound',
        generalException: 'GeneralException',
      },
      RequestContext: FakeRequestContext,
    };
  }

  /** The `Office` global. */
  officeGlobal(): Record<string, unknown> {
    // The returned object's getters read the fake's current settings; inside them `this` is the object itself.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    return {
      get auth() {
        if (fake.sso === null) return undefined;
        return {
          getAccessToken: (options?: unknown) => {
            fake.ssoCalls.push(options);
            const v = fake.sso;
            if (typeof v === 'string') return Promise.resolve(v);
            const err = Object.assign(new Error(v?.message ?? `SSO error ${v?.code}`), { code: v?.code, name: 'Error' });
            return Promise.reject(err);
          },
        };
      },
      context: {
        ui: {
          displayDialogAsync: (url: string, options: unknown, cb?: (r: unknown) => void) => {
            setTimeout(() => {
              if (fake.dialogOpenError !== undefined) {
                cb?.({ status: 'failed', error: { code: fake.dialogOpenError, message: `dialog error ${fake.dialogOpenError}` } });
                return;
              }
              const d = new FakeDialog(url, options);
              fake.dialogs.push(d);
              cb?.({ status: 'succeeded', value: d });
            }, 0);
          },
        },
        requirements: { isSetSupported: (n: string, v?: string) => this.isSetSupported(n, v) },
        document: {
          addHandlerAsync: (type: string, handler: (e: unknown) => unknown, cb?: (r: unknown) => void) => {
            if (type === 'documentSelectionChanged') this.selectionHandlers.push(handler);
            setTimeout(() => cb?.({ status: 'succeeded', value: undefined }), 0);
          },
        },
      },
      EventType: {
        DocumentSelectionChanged: 'documentSelectionChanged',
        DialogMessageReceived: 'dialogMessageReceived',
        DialogEventReceived: 'dialogEventReceived',
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    };
  }

  /** Installs `Word` and `Office` on globalThis; returns an uninstall function. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const prev = { Word: g.Word, Office: g.Office };
    g.Word = this.wordGlobal();
    g.Office = this.officeGlobal();
    return () => {
      g.Word = prev.Word;
      g.Office = prev.Office;
    };
  }
}

/** An Office.Dialog opened by displayDialogAsync; tests drive it with message()/event(). */
export class FakeDialog {
  closed = false;
  private handlers: Array<{ type: string; handler: (arg: unknown) => void }> = [];
  constructor(
    readonly url: string,
    readonly options: unknown,
  ) {}
  addEventHandler(type: string, handler: (arg: unknown) => void): void {
    this.handlers.push({ type, handler });
  }
  close(): void {
    this.closed = true;
  }
  /** The page called Office.context.ui.messageParent(message). */
  message(message: string, origin?: string): void {
    for (const h of this.handlers) if (h.type === 'dialogMessageReceived') h.handler({ message, origin });
  }
  /** Office raised DialogEventReceived (12006 = closed by the user, 12002 = page not loadable). */
  event(code: number): void {
    this.closed = true;
    for (const h of this.handlers) if (h.type === 'dialogEventReceived') h.handler({ error: code });
  }
}

export class FakeRequestContext {
  private queue: Op[] = [];
  syncCount = 0;
  readonly document: FakeDocument;
  constructor(readonly word: FakeWord) {
    this.document = new FakeDocument(this);
  }
  get model(): FakeDocumentModel {
    return this.word.doc;
  }
  get pending(): number {
    return this.queue.length;
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  async sync(): Promise<void> {
    this.syncCount++;
    this.word.totalSyncs++;
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    try {
      for (const op of ops) op();
    } finally {
      this.word.flushEvents();
    }
  }
}

/** Base for proxies: loadable scalar properties snapshotted at sync. */
abstract class ClientObject {
  protected values = new Map<string, unknown>();
  constructor(readonly context: FakeRequestContext) {}
  protected abstract readonly scalarProps: string[];
  /** The Word class name, for requirement-set lookups ('Paragraph', 'Range', ...). */
  protected abstract readonly className: string;
  protected abstract read(prop: string): unknown;
  /** Gates the member if the requirements table knows it (scalars like Font.bold are 1.1). */
  protected gateMember(member: string): void {
    const key = `${this.className}.${member}`;
    if (WORD_MEMBER_SETS[key]) this.context.word.gate(key);
  }
  protected get<T>(prop: string): T {
    if (!this.values.has(prop)) throw notLoaded(prop);
    return this.values.get(prop) as T;
  }
  protected setLater(prop: string, apply: () => void): void {
    this.context.enqueue(() => {
      apply();
      this.values.delete(prop);
    });
  }
  snapshot(props: string[] | 'all'): void {
    const list = props === 'all' ? this.scalarProps : props;
    for (const p of list) {
      if (!this.scalarProps.includes(p)) throw new FakeWordError('InvalidArgument', `unknown property '${p}'`);
      this.values.set(p, this.read(p));
    }
  }
  load(arg?: string | string[] | { select?: string }): this {
    const { all, props } = parseLoad(arg);
    for (const p of props) this.gateMember(p);
    this.context.enqueue(() => this.snapshot(all ? 'all' : props));
    return this;
  }
  get model(): FakeDocumentModel {
    return this.context.model;
  }
}

export class FakeFont extends ClientObject {
  protected scalarProps = ['bold', 'italic'];
  protected className = 'Font';
  constructor(
    ctx: FakeRequestContext,
    private readonly span: () => Span,
  ) {
    super(ctx);
  }
  protected read(prop: string): unknown {
    return this.model.fontOf(this.span(), prop as 'bold' | 'italic');
  }
  get bold(): boolean | null {
    return this.get('bold');
  }
  set bold(v: boolean | null) {
    this.setLater('bold', () => this.model.setFont(this.span(), 'bold', !!v));
  }
  get italic(): boolean | null {
    return this.get('italic');
  }
  set italic(v: boolean | null) {
    this.setLater('italic', () => this.model.setFont(this.span(), 'italic', !!v));
  }
}

export class FakeRange extends ClientObject {
  protected scalarProps = ['text', 'isEmpty', 'style', 'styleBuiltIn'];
  protected className = 'Range';
  /** Set when the queued operation that produces this range runs. */
  target: Span | null = null;
  constructor(ctx: FakeRequestContext, target?: Span) {
    super(ctx);
    if (target) this.target = target;
  }
  span(): Span {
    if (!this.target) throw new FakeWordError('GeneralException', 'range not resolved');
    this.model.index(this.target.start.para);
    return this.target;
  }
  protected read(prop: string): unknown {
    const s = this.span();
    if (prop === 'text') return this.model.spanText(s, this.context.word.deletedTextInParagraphText);
    if (prop === 'isEmpty') return this.model.spanText(s).length === 0;
    const p = this.model.para(s.start.para);
    return prop === 'style' ? (STYLE_NAMES[p.styleBuiltIn] ?? p.styleBuiltIn) : p.styleBuiltIn;
  }
  get text(): string {
    return this.get('text');
  }
  get isEmpty(): boolean {
    return this.get('isEmpty');
  }
  get font(): FakeFont {
    return new FakeFont(this.context, () => this.span());
  }
  get paragraphs(): FakeParagraphCollection {
    return new FakeParagraphCollection(this.context, () => this.model.spanParas(this.span()));
  }
  getReviewedText(version: 'Current' | 'Original' = 'Current'): { value: string } {
    this.context.word.gate('Range.getReviewedText');
    return reviewed(this.context, () => this.span(), version);
  }
  insertText(text: string, location: string): FakeRange {
    const out = new FakeRange(this.context);
    this.context.enqueue(() => {
      this.context.word.countWrite('Range.insertText');
      const s = this.span();
      const m = this.model;
      if (location === 'Replace') out.target = m.replace(s, text);
      else if (location === 'Start' || location === 'Before') {
        out.target = m.replace(m.track({ start: { ...s.start }, end: { ...s.start } }), text);
      } else if (location === 'End' || location === 'After') {
        out.target = m.replace(m.track({ start: { ...s.end }, end: { ...s.end } }), text);
      } else throw new FakeWordError('InvalidArgument', `insertText location ${location}`);
    });
    return out;
  }
  insertComment(text: string): FakeComment {
    this.context.word.gate('Range.insertComment');
    const c = new FakeComment(this.context);
    this.context.enqueue(() => {
      this.context.word.countWrite('Range.insertComment');
      const s = this.span();
      if (s.start.para !== s.end.para) throw new FakeWordError('GeneralException', 'fake: multi-paragraph comments not modelled');
      this.model.comments.push({
        text,
        paraId: s.start.para,
        start: s.start.off,
        end: s.end.off,
        anchoredText: this.model.spanText(s),
      });
      c.data = this.model.comments[this.model.comments.length - 1]!;
    });
    return c;
  }
  insertParagraph(text: string, location: 'Before' | 'After'): FakeParagraph {
    const p = new FakeParagraph(this.context);
    this.context.enqueue(() => {
      const ids = this.model.spanParas(this.span());
      if (location !== 'Before' && location !== 'After') throw new FakeWordError('InvalidArgument', location);
      p.id = this.model.insertParagraph(location === 'Before' ? ids[0]! : ids[ids.length - 1]!, location, text);
    });
    return p;
  }
  search(searchText: string, options?: FakeSearchOptions): FakeRangeCollection {
    return searchIn(this.context, () => this.span(), searchText, options);
  }
  getRange(location: string = 'Whole'): FakeRange {
    this.context.word.gate('Range.getRange');
    const out = new FakeRange(this.context);
    this.context.enqueue(() => {
      const s = this.span();
      const m = this.model;
      if (location === 'Whole' || location === 'Content') out.target = m.track({ start: { ...s.start }, end: { ...s.end } });
      else if (location === 'Start' || location === 'Before') out.target = m.track({ start: { ...s.start }, end: { ...s.start } });
      else if (location === 'End' || location === 'After') out.target = m.track({ start: { ...s.end }, end: { ...s.end } });
      else throw new FakeWordError('InvalidArgument', location);
    });
    return out;
  }
  expandTo(other: FakeRange): FakeRange {
    this.context.word.gate('Range.expandTo');
    const out = new FakeRange(this.context);
    this.context.enqueue(() => {
      const a = this.span();
      const b = other.span();
      const m = this.model;
      const before = (x: { para: string; off: number }, y: { para: string; off: number }) =>
        m.index(x.para) < m.index(y.para) || (x.para === y.para && x.off <= y.off);
      out.target = m.track({
        start: { ...(before(a.start, b.start) ? a.start : b.start) },
        end: { ...(before(a.end, b.end) ? b.end : a.end) },
      });
    });
    return out;
  }
  /** Range.select(selectionMode 'Select'|'Start'|'End') [WordApi 1.1]. */
  select(mode: string = 'Select'): void {
    this.context.enqueue(() => this.model.selectSpan(collapse(this.span(), mode)));
  }
  delete(): void {
    this.context.enqueue(() => {
      this.model.replace(this.span(), '');
    });
  }
}

export class FakeComment extends ClientObject {
  protected scalarProps = ['content'];
  protected className = 'Comment';
  data: { text: string } | null = null;
  protected read(): unknown {
    return this.data?.text;
  }
  get content(): string {
    return this.get('content');
  }
}

function searchIn(ctx: FakeRequestContext, span: () => Span, searchText: string, options?: FakeSearchOptions): FakeRangeCollection {
  const coll = new FakeRangeCollection(ctx);
  ctx.word.searches.push(searchText);
  ctx.enqueue(() => {
    ctx.word.countSearch();
    const re = compileWordSearch(searchText, options);
    const s = span();
    const m = ctx.model;
    const ids = m.spanParas(s);
    const found: Span[] = [];
    ids.forEach((id, i) => {
      const t = m.text(id);
      const from = i === 0 ? s.start.off : 0;
      const to = i === ids.length - 1 ? s.end.off : t.length;
      // search sees the current text only: tracked deletions are skipped
      const { visible, toFull } = m.visibleMap(id);
      const vFrom = toFull.findIndex((f) => f >= from);
      let vTo = toFull.findIndex((f) => f >= to);
      if (vTo < 0) vTo = visible.length;
      for (const [a, b] of findAll(re, visible, vFrom < 0 ? visible.length : vFrom, vTo)) {
        found.push(m.track({ start: { para: id, off: toFull[a]! }, end: { para: id, off: toFull[b - 1]! + 1 } }));
      }
    });
    coll.spans = found;
  });
  return coll;
}

function collapse(span: Span, mode: string): Span {
  if (mode === 'Start') return { start: { ...span.start }, end: { ...span.start } };
  if (mode === 'End') return { start: { ...span.end }, end: { ...span.end } };
  return span;
}

/** Body.getComments(): only the count is modelled (items.length after load). */
export class FakeCommentCollection {
  private count: number | null = null;
  constructor(readonly context: FakeRequestContext) {}
  load(_arg?: string): this {
    this.context.enqueue(() => {
      this.count = this.context.model.comments.length;
    });
    return this;
  }
  get items(): unknown[] {
    if (this.count === null) throw notLoaded('items');
    return new Array(this.count).fill(null);
  }
}

/** getReviewedText: a ClientResult whose value is set at sync. */
function reviewed(ctx: FakeRequestContext, span: () => Span, version: 'Current' | 'Original'): { value: string } {
  let value: string | undefined;
  const result = {
    get value(): string {
      if (value === undefined) throw notLoaded('value');
      return value;
    },
  };
  ctx.enqueue(() => {
    value = ctx.model.reviewedText(span(), version);
  });
  return result;
}

export class FakeRangeCollection {
  spans: Span[] | null = null;
  private loadedItems: FakeRange[] | null = null;
  constructor(readonly context: FakeRequestContext) {}
  load(arg?: string | string[]): this {
    const { all, props } = parseLoad(arg);
    const itemProps = props.map((p) => p.replace(/^items\//, ''));
    for (const p of itemProps) if (WORD_MEMBER_SETS[`Range.${p}`]) this.context.word.gate(`Range.${p}`);
    this.context.enqueue(() => {
      this.loadedItems = (this.spans ?? []).map((s) => {
        const r = new FakeRange(this.context, s);
        r.snapshot(all ? 'all' : itemProps);
        return r;
      });
    });
    return this;
  }
  get items(): FakeRange[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
}

export class FakeListItem {
  constructor(
    readonly context: FakeRequestContext,
    private readonly para: () => string,
  ) {}
  set level(v: number) {
    this.context.word.gate('ListItem.level');
    this.context.enqueue(() => {
      const p = this.context.model.para(this.para());
      if (!p.list) throw new FakeWordError('GeneralException', 'The paragraph is not a list item.');
      p.list.level = v;
      this.context.model.changed.add(p.id);
    });
  }
  get level(): number {
    throw notLoaded('level');
  }
}

export class FakeList extends ClientObject {
  protected scalarProps = ['id'];
  protected className = 'List';
  data: ListData | null = null;
  protected read(): unknown {
    return this.data?.id;
  }
  get id(): number {
    return this.get('id');
  }
  private list(): ListData {
    if (!this.data) throw new FakeWordError('GeneralException', 'list not resolved');
    return this.data;
  }
  insertParagraph(text: string, location: 'Start' | 'End' | 'Before' | 'After'): FakeParagraph {
    this.context.word.gate('List.insertParagraph');
    const p = new FakeParagraph(this.context);
    this.context.enqueue(() => {
      const l = this.list();
      const ids = this.model.listParas(l.id);
      const ref = location === 'Start' || location === 'Before' ? ids[0]! : ids[ids.length - 1]!;
      const id = this.model.insertParagraph(ref, location === 'Start' || location === 'Before' ? 'Before' : 'After', text);
      const para = this.model.para(id);
      para.list = location === 'Start' || location === 'End' ? { listId: l.id, level: 0 } : null;
      para.styleBuiltIn = para.list ? 'ListParagraph' : 'Normal';
      p.id = id;
    });
    return p;
  }
  setLevelNumbering(level: number, numbering: string): void {
    this.context.word.gate('List.setLevelNumbering');
    this.context.enqueue(() => {
      this.list().levelTypes.set(level, numbering === 'None' ? 'Bullet' : 'Number');
    });
  }
  setLevelBullet(level: number): void {
    this.context.word.gate('List.setLevelBullet');
    this.context.enqueue(() => {
      this.list().levelTypes.set(level, 'Bullet');
    });
  }
}

export class FakeParagraph extends ClientObject {
  protected scalarProps = ['text', 'style', 'styleBuiltIn', 'uniqueLocalId', 'isListItem'];
  protected className = 'Paragraph';
  id: string | null = null;
  constructor(ctx: FakeRequestContext, id?: string) {
    super(ctx);
    if (id) this.id = id;
  }
  pid(): string {
    if (!this.id) throw new FakeWordError('GeneralException', 'paragraph not resolved');
    this.model.index(this.id);
    return this.id;
  }
  protected read(prop: string): unknown {
    const p = this.model.para(this.pid());
    switch (prop) {
      case 'text':
        return this.context.word.deletedTextInParagraphText ? this.model.text(p.id) : this.model.visibleText(p.id);
      case 'style':
        return STYLE_NAMES[p.styleBuiltIn] ?? p.styleBuiltIn;
      case 'styleBuiltIn':
        return p.styleBuiltIn;
      case 'isListItem':
        return p.list !== null;
      case 'uniqueLocalId':
        return p.id;
      default:
        return undefined;
    }
  }
  get text(): string {
    return this.get('text');
  }
  get style(): string {
    return this.get('style');
  }
  get styleBuiltIn(): string {
    return this.get('styleBuiltIn');
  }
  set styleBuiltIn(v: string) {
    this.context.word.gate('Paragraph.styleBuiltIn');
    this.setLater('styleBuiltIn', () => {
      const p = this.model.para(this.pid());
      if (!(v in STYLE_NAMES)) throw new FakeWordError('InvalidArgument', `style ${v} not modelled`);
      // a paragraph style does NOT take the paragraph out of its list (office-js #2307)
      p.styleBuiltIn = v;
      this.model.changed.add(p.id);
    });
  }
  set style(v: string) {
    this.context.word.gate('Paragraph.style');
    // Paragraph.style takes a (localized) style name; the fake knows the English built-in names only
    this.setLater('style', () => {
      const p = this.model.para(this.pid());
      const builtIn = Object.entries(STYLE_NAMES).find(([, name]) => name === v)?.[0];
      if (!builtIn) throw new FakeWordError('InvalidArgument', `style ${v} not modelled`);
      p.styleBuiltIn = builtIn;
      this.model.changed.add(p.id);
    });
  }
  /** Moves the paragraph out of its list, if it is a list item [WordApi 1.3]. */
  detachFromList(): void {
    this.context.word.gate('Paragraph.detachFromList');
    this.context.enqueue(() => {
      const p = this.model.para(this.pid());
      p.list = null;
      if (p.styleBuiltIn === 'ListParagraph') p.styleBuiltIn = 'Normal';
      this.model.changed.add(p.id);
    });
  }
  getReviewedText(version: 'Current' | 'Original' = 'Current'): { value: string } {
    this.context.word.gate('Paragraph.getReviewedText');
    return reviewed(this.context, () => this.whole(), version);
  }
  get uniqueLocalId(): string {
    return this.get('uniqueLocalId');
  }
  get isListItem(): boolean {
    return this.get('isListItem');
  }
  private whole(): Span {
    return this.model.track(this.model.wholePara(this.pid()));
  }
  get font(): FakeFont {
    return new FakeFont(this.context, () => this.whole());
  }
  get listItem(): FakeListItem {
    this.context.word.gate('Paragraph.listItem');
    return new FakeListItem(this.context, () => this.pid());
  }
  getRange(location: string = 'Whole'): FakeRange {
    this.context.word.gate('Paragraph.getRange');
    const out = new FakeRange(this.context);
    this.context.enqueue(() => {
      const w = this.whole();
      if (location === 'Whole' || location === 'Content') out.target = w;
      else if (location === 'Start') out.target = this.model.track({ start: { ...w.start }, end: { ...w.start } });
      else if (location === 'End' || location === 'After') out.target = this.model.track({ start: { ...w.end }, end: { ...w.end } });
      else throw new FakeWordError('InvalidArgument', location);
    });
    return out;
  }
  insertText(text: string, location: 'Start' | 'End' | 'Replace'): FakeRange {
    const out = new FakeRange(this.context);
    this.context.enqueue(() => {
      this.context.word.countWrite('Paragraph.insertText');
      const w = this.whole();
      const m = this.model;
      if (location === 'Replace') out.target = m.replace(w, text);
      else if (location === 'Start') out.target = m.replace(m.track({ start: { ...w.start }, end: { ...w.start } }), text);
      else if (location === 'End') out.target = m.replace(m.track({ start: { ...w.end }, end: { ...w.end } }), text);
      else throw new FakeWordError('InvalidArgument', `Paragraph.insertText location ${location}`);
    });
    return out;
  }
  insertParagraph(text: string, location: 'Before' | 'After'): FakeParagraph {
    const p = new FakeParagraph(this.context);
    this.context.enqueue(() => {
      if (location !== 'Before' && location !== 'After') throw new FakeWordError('InvalidArgument', location);
      p.id = this.model.insertParagraph(this.pid(), location, text);
    });
    return p;
  }
  search(searchText: string, options?: FakeSearchOptions): FakeRangeCollection {
    return searchIn(this.context, () => this.whole(), searchText, options);
  }
  startNewList(): FakeList {
    this.context.word.gate('Paragraph.startNewList');
    const l = new FakeList(this.context);
    this.context.enqueue(() => {
      const p = this.model.para(this.pid());
      if (p.list) throw new FakeWordError('GeneralException', 'startNewList: the paragraph is already a list item.');
      const data = this.model.newList();
      p.list = { listId: data.id, level: 0 };
      p.styleBuiltIn = 'ListParagraph';
      l.data = data;
      this.model.changed.add(p.id);
    });
    return l;
  }
  /** Paragraph.select(selectionMode) [WordApi 1.1]. */
  select(mode: string = 'Select'): void {
    this.context.enqueue(() => this.model.selectSpan(collapse(this.whole(), mode)));
  }
  delete(): void {
    this.context.enqueue(() => this.model.deleteParagraph(this.pid()));
  }
}

export class FakeParagraphCollection {
  private loadedItems: FakeParagraph[] | null = null;
  constructor(
    readonly context: FakeRequestContext,
    private readonly ids: () => string[],
  ) {}
  load(arg?: string | string[]): this {
    const { all, props } = parseLoad(arg);
    const itemProps = props.map((p) => p.replace(/^items\//, ''));
    for (const p of itemProps) if (WORD_MEMBER_SETS[`Paragraph.${p}`]) this.context.word.gate(`Paragraph.${p}`);
    this.context.enqueue(() => {
      this.loadedItems = this.ids().map((id) => {
        const p = new FakeParagraph(this.context, id);
        p.snapshot(all ? ['text', 'style', 'styleBuiltIn', 'isListItem'] : itemProps);
        return p;
      });
    });
    return this;
  }
  get items(): FakeParagraph[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  private pick(which: 'first' | 'last'): FakeParagraph {
    const p = new FakeParagraph(this.context);
    this.context.enqueue(() => {
      const ids = this.ids();
      if (ids.length === 0) throw new FakeWordError('ItemNotFound', 'The collection is empty.');
      p.id = which === 'first' ? ids[0]! : ids[ids.length - 1]!;
    });
    return p;
  }
  getFirst(): FakeParagraph {
    this.context.word.gate('ParagraphCollection.getFirst');
    return this.pick('first');
  }
  getLast(): FakeParagraph {
    this.context.word.gate('ParagraphCollection.getLast');
    return this.pick('last');
  }
}

export class FakeBody extends ClientObject {
  protected scalarProps = ['text'];
  protected className = 'Body';
  protected read(): unknown {
    const m = this.context.model;
    return m.paragraphs.map((p) => (this.context.word.deletedTextInParagraphText ? m.text(p.id) : m.visibleText(p.id))).join('\r');
  }
  private whole(): Span {
    const m = this.context.model;
    const last = m.paragraphs[m.paragraphs.length - 1]!.id;
    return { start: { para: m.paragraphs[0]!.id, off: 0 }, end: { para: last, off: m.text(last).length } };
  }
  getReviewedText(version: 'Current' | 'Original' = 'Current'): { value: string } {
    this.context.word.gate('Body.getReviewedText');
    return reviewed(this.context, () => this.whole(), version);
  }
  get text(): string {
    return this.get('text');
  }
  getComments(): FakeCommentCollection {
    this.context.word.gate('Body.getComments');
    return new FakeCommentCollection(this.context);
  }
  get paragraphs(): FakeParagraphCollection {
    return new FakeParagraphCollection(this.context, () => this.context.model.paragraphs.map((p) => p.id));
  }
  getRange(location: string = 'Whole'): FakeRange {
    this.context.word.gate('Body.getRange');
    const out = new FakeRange(this.context);
    this.context.enqueue(() => {
      const m = this.context.model;
      const first = m.paragraphs[0]!.id;
      const last = m.paragraphs[m.paragraphs.length - 1]!.id;
      const start = { para: first, off: 0 };
      const end = { para: last, off: m.text(last).length };
      if (location === 'Start') out.target = m.track({ start, end: { ...start } });
      else if (location === 'End') out.target = m.track({ start: { ...end }, end });
      else out.target = m.track({ start, end });
    });
    return out;
  }
  search(searchText: string, options?: FakeSearchOptions): FakeRangeCollection {
    return searchIn(
      this.context,
      () => {
        const m = this.context.model;
        const last = m.paragraphs[m.paragraphs.length - 1]!.id;
        return { start: { para: m.paragraphs[0]!.id, off: 0 }, end: { para: last, off: m.text(last).length } };
      },
      searchText,
      options,
    );
  }
}

class FakeEventHandlers {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly type: string,
  ) {}
  add(handler: (e: unknown) => unknown): { remove(): void } {
    const word = this.context.word;
    const entry = { type: this.type, handler };
    word.gate(`Document.on${this.type}`);
    this.context.enqueue(() => {
      word.paragraphHandlers.push(entry);
    });
    return {
      remove: () =>
        this.context.enqueue(() => {
          word.paragraphHandlers = word.paragraphHandlers.filter((h) => h !== entry);
        }),
    };
  }
}

export class FakeDocument extends ClientObject {
  protected scalarProps = ['changeTrackingMode'];
  protected className = 'Document';
  readonly body: FakeBody;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.body = new FakeBody(ctx);
  }
  protected read(prop: string): unknown {
    if (prop === 'changeTrackingMode') {
      return this.model.changeTrackingMode;
    }
    return undefined;
  }
  override load(arg?: string | string[] | { select?: string }): this {
    const { all, props } = parseLoad(arg);
    for (const p of props) this.gateMember(p);
    // loading a document without arguments must not trip API-set gates
    this.context.enqueue(() => this.snapshot(all ? [] : props));
    return this;
  }
  get changeTrackingMode(): string {
    return this.get('changeTrackingMode');
  }
  set changeTrackingMode(v: string) {
    this.context.word.gate('Document.changeTrackingMode');
    this.setLater('changeTrackingMode', () => {
      if (v !== 'Off' && v !== 'TrackAll' && v !== 'TrackMineOnly') throw new FakeWordError('InvalidArgument', v);
      this.model.changeTrackingMode = v;
    });
  }
  getSelection(): FakeRange {
    const r = new FakeRange(this.context);
    this.context.enqueue(() => {
      r.target = this.model.selection;
    });
    return r;
  }
  getParagraphByUniqueLocalId(id: string): FakeParagraph {
    this.context.word.gate('Document.getParagraphByUniqueLocalId');
    const p = new FakeParagraph(this.context);
    this.context.enqueue(() => {
      this.model.index(id);
      p.id = id;
    });
    return p;
  }
  get onParagraphChanged(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, 'ParagraphChanged');
  }
  get onParagraphAdded(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, 'ParagraphAdded');
  }
  get onParagraphDeleted(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, 'ParagraphDeleted');
  }
}
