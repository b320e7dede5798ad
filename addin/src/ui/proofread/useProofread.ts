/**
 * The proofread pane's state: checks through POST /api/proofread (rules first, model
 * batches later), accepting through the host's applyEdits, ignoring (remembered per
 * document), Go to, stale tracking (own edits, user edits seen through host.onChange)
 * and re-checking only the stale paragraphs.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { RelayError, postStream } from '../../api/client';
import {
  applyToText,
  buildEditSets,
  ignoreKey,
  isSuggestion,
  mergeIncoming,
  paragraphId,
  rebase,
  type Suggestion,
  contextAround,
  catchUpSuggestion,
} from '../../core/suggestions';
import type { ApplyResult, DocumentHost, HostParagraph, ParagraphEdit } from '../../host/DocumentHost';
import type { Lang } from '../../i18n/strings';
import type { PaneSettings } from '../../settings/store';

export interface ProofItem extends Suggestion {
  /** The paragraph changed since the check (or the edit could not be placed). */
  stale?: boolean;
  /** A few characters of the paragraph around the span, so a short change is readable. */
  context?: { before: string; after: string };
}

export type ProofStatus = 'idle' | 'running' | 'done' | 'error';

export interface ProofState {
  status: ProofStatus;
  items: ProofItem[];
  /** 'rules' until the first suggestions event, then 'model'. */
  phase: 'rules' | 'model';
  progress?: { done: number; total: number };
  errorCode?: string;
  /** The model layer failed (error event with layer 'model'); rule results stay. */
  modelErrorCode?: string;
  /** The check ran without the model layer. */
  modelOff?: boolean;
  /** Paragraphs the model did not check (`unchecked` events): they have rule findings only. */
  unchecked?: number;
  scope?: 'selection' | 'document';
  checkedCount: number;
  noText?: boolean;
  /** Suggestions this check delivered (so an empty list after accepting them is not "nothing found"). */
  foundCount?: number;
}

export interface ApplyNotice {
  applied: number;
  stale: number;
  failed: number;
  fallbackReason?: string;
  error?: boolean;
}

const initial: ProofState = { status: 'idle', items: [], phase: 'rules', checkedCount: 0 };

/**
 * The reason a comment gives for a finding: its message in the pane's language and its
 * rule. Only the reason: the one commentText (core/comment.ts) owns the comment
 * format — the `[AI 제안]` prefix and the proposed fix.
 */
export function commentReason(s: Suggestion, lang: Lang): string {
  const msg = lang === 'en' ? s.messageEn || s.message : s.message;
  return `${msg}${s.rule ? ` (${s.rule})` : ''}`;
}

export function useProofread(opts: {
  host: DocumentHost;
  settings: PaneSettings;
  lang: Lang;
  ignored: ReadonlySet<string>;
  addIgnored: (keys: string[]) => void;
}) {
  const { host, settings, lang, ignored, addIgnored } = opts;
  const [state, setState] = useState<ProofState>(initial);
  const [notice, setNotice] = useState<ApplyNotice | null>(null);
  /** Paragraphs as checked (and as updated by our own edits), by paragraph id. */
  const paragraphs = useRef(new Map<string, HostParagraph>());
  const controller = useRef<AbortController | null>(null);
  const fallbackShown = useRef(false);
  const ignoredRef = useRef(ignored);
  ignoredRef.current = ignored;
  const itemsRef = useRef<ProofItem[]>([]);
  itemsRef.current = state.items;

  const isIgnored = (s: Suggestion) => {
    const p = paragraphs.current.get(s.paragraphId);
    return p ? ignoredRef.current.has(ignoreKey(p.text, s)) : false;
  };

  const order = (pid: string) => paragraphs.current.get(pid)?.index ?? 0;

  /**
   * Text edits the user accepted per paragraph since its check was sent: suggestions that
   * arrive later (model batches) were computed on the older text and are moved through
   * these edits — or marked stale when an accepted edit touched their span.
   */
  const acceptedSinceCheck = useRef(new Map<string, Array<Array<Pick<ParagraphEdit, 'start' | 'end' | 'replacement'>>>>());
  const catchUp = (s: ProofItem): ProofItem => catchUpSuggestion(s, acceptedSinceCheck.current.get(s.paragraphId) ?? []);

  /** Streams a check of `paras`; `replace` lists paragraph ids whose old cards go (re-check). */
  const stream = useCallback(
    async (paras: HostParagraph[], scope: 'selection' | 'document' | undefined, replace: Set<string> | null) => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      for (const p of paras) {
        paragraphs.current.set(paragraphId(p.index), p);
        acceptedSinceCheck.current.delete(paragraphId(p.index));
      }
      setNotice(null);
      setState((s) => ({
        status: 'running',
        phase: 'rules',
        items: replace ? s.items.filter((i) => !replace.has(i.paragraphId)) : [],
        scope: scope ?? s.scope,
        checkedCount: replace ? s.checkedCount : paras.length,
        modelOff: !settings.useModel,
        foundCount: replace ? s.foundCount : 0,
      }));
      const body = {
        paragraphs: paras.map((p) => ({ id: paragraphId(p.index), text: p.text })),
        options: {
          pack: settings.docType,
          ...(settings.categories.length ? { categories: settings.categories } : {}),
          register: settings.register,
          model: settings.useModel,
          recommendations: settings.recommendations,
        },
      };
      let sawEnd = false;
      try {
        await postStream(
          '/api/proofread',
          body,
          (e) => {
            const data = (e.data ?? {}) as Record<string, unknown>;
            if (e.event === 'suggestions') {
              const incoming = (Array.isArray(data.suggestions) ? data.suggestions : [])
                .filter(isSuggestion)
                .filter((s) => !isIgnored(s))
                .map((s): ProofItem => {
                  const item = catchUp(s);
                  const p = paragraphs.current.get(item.paragraphId);
                  return p && !item.stale ? { ...item, context: contextAround(p.text, item.start, item.end) } : item;
                });
              setState((s) => ({ ...s, phase: 'model', items: mergeIncoming(s.items, incoming, order), foundCount: (s.foundCount ?? 0) + incoming.length }));
            } else if (e.event === 'unchecked') {
              const n = Array.isArray(data.paragraphIds) ? data.paragraphIds.length : 0;
              setState((s) => ({ ...s, unchecked: (s.unchecked ?? 0) + n }));
            } else if (e.event === 'progress') {
              setState((s) => ({ ...s, progress: { done: Number(data.done) || 0, total: Number(data.total) || 0 } }));
            } else if (e.event === 'error') {
              const code = String(data.code ?? 'INTERNAL');
              if (data.layer === 'model') setState((s) => ({ ...s, modelErrorCode: code }));
              else {
                sawEnd = true;
                setState((s) => ({ ...s, status: s.items.length ? 'done' : 'error', errorCode: code, ...(s.items.length ? { modelErrorCode: code } : {}) }));
              }
            } else if (e.event === 'done') {
              sawEnd = true;
              setState((s) => (s.status === 'running' ? { ...s, status: 'done', phase: 'model' } : s));
            }
          },
          c.signal,
        );
        if (!sawEnd) setState((s) => ({ ...s, status: 'error', errorCode: 'NETWORK' }));
      } catch (err) {
        if (c.signal.aborted) setState((s) => (s.status === 'running' ? { ...s, status: 'done' } : s));
        else setState((s) => ({ ...s, status: 'error', errorCode: err instanceof RelayError ? err.code : 'NETWORK' }));
      } finally {
        if (controller.current === c) controller.current = null;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [settings.docType, settings.categories, settings.register, settings.useModel, settings.recommendations],
  );

  const check = useCallback(
    async (scope: 'selection' | 'document') => {
      let paras = await host.getParagraphs(scope === 'selection' ? 'selection' : 'body');
      paras = paras.filter((p) => p.text.trim().length > 0);
      if (paras.length === 0) {
        setState({ ...initial, noText: true });
        return;
      }
      paragraphs.current = new Map();
      await stream(paras, scope, null);
    },
    [host, stream],
  );

  /** Re-checks only the paragraphs of stale cards, with their current text. */
  const recheck = useCallback(
    async (ids?: string[]) => {
      const stale = itemsRef.current.filter((i) => i.stale && (!ids || ids.includes(i.id)));
      const pids = new Set(stale.map((i) => i.paragraphId));
      if (pids.size === 0) return;
      const body = await host.getParagraphs('body');
      const fresh = body.filter((p) => pids.has(paragraphId(p.index)));
      for (const pid of pids) if (!fresh.some((p) => paragraphId(p.index) === pid)) paragraphs.current.delete(pid);
      await stream(
        fresh.filter((p) => p.text.trim()),
        undefined,
        pids,
      );
    },
    [host, stream],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  /** Marks the cards of paragraphs whose current text differs from the text checked. */
  const markChanged = useCallback(async (only?: Set<string>) => {
    let body: HostParagraph[];
    try {
      body = await host.getParagraphs('body');
    } catch {
      return;
    }
    const now = new Map(body.map((p) => [paragraphId(p.index), p.text]));
    const changed = new Set<string>();
    for (const [pid, p] of paragraphs.current) {
      if (only && !only.has(pid)) continue;
      if (now.get(pid) !== p.text) changed.add(pid);
    }
    if (changed.size === 0) return;
    setState((s) => ({ ...s, items: s.items.map((i) => (changed.has(i.paragraphId) && !i.stale ? { ...i, stale: true } : i)) }));
  }, [host]);

  // User edits: the hosts do not report the pane's own edits.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = host.onChange(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        if (itemsRef.current.length) void markChanged();
      }, 250);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [host, markChanged]);

  useEffect(() => () => controller.current?.abort(), []);

  const accept = useCallback(
    async (ids: string[]): Promise<ApplyResult | null> => {
      const want = new Set(ids);
      const chosen = itemsRef.current.filter((i) => want.has(i.id) && !i.stale);
      if (chosen.length === 0) return null;
      const plan = buildEditSets(chosen, paragraphs.current, (s) => commentReason(s, lang));
      let result: ApplyResult;
      try {
        result = await host.applyEdits(plan.sets, settings.applyMode);
      } catch {
        setNotice({ applied: 0, stale: 0, failed: 0, error: true });
        return null;
      }
      const applied = new Set(result.applied);
      const bad = new Set([...result.stale, ...result.failed]);
      // Update the texts of the paragraphs we changed and move their other cards.
      const touched = new Set<string>();
      let items = itemsRef.current.filter((i) => !applied.has(i.id));
      for (const set of plan.sets) {
        const done = set.edits.filter((e) => applied.has(e.suggestionId));
        if (done.length === 0) continue;
        const pid = paragraphId(set.paragraph.index);
        touched.add(pid);
        if (result.modeUsed === 'comment') continue;
        const textEdits = done.filter((e) => e.replacement !== null);
        if (textEdits.length === 0) continue;
        paragraphs.current.set(pid, { ...set.paragraph, text: applyToText(set.paragraph.text, textEdits) });
        acceptedSinceCheck.current.set(pid, [...(acceptedSinceCheck.current.get(pid) ?? []), textEdits]);
        const { kept, invalid } = rebase(
          items.filter((i) => i.paragraphId === pid),
          textEdits,
        );
        const keptById = new Map(kept.map((k) => [k.id, k]));
        const invalidSet = new Set(invalid);
        items = items.map((i) => (i.paragraphId !== pid ? i : invalidSet.has(i.id) ? { ...i, stale: true } : (keptById.get(i.id) ?? i)));
      }
      const skipped = new Set(plan.skipped);
      const fits = (i: ProofItem) => paragraphs.current.get(i.paragraphId)?.text.slice(i.start, i.end) === i.original;
      items = items.map((i) => (bad.has(i.id) || (skipped.has(i.id) && !fits(i)) ? { ...i, stale: true } : i));
      itemsRef.current = items;
      setState((s) => ({ ...s, items }));
      let fallbackReason: string | undefined;
      if (result.fallbackReason && !fallbackShown.current) {
        fallbackShown.current = true;
        fallbackReason = result.fallbackReason;
      }
      setNotice({ applied: result.applied.length, stale: result.stale.length, failed: result.failed.length, ...(fallbackReason ? { fallbackReason } : {}) });
      // The host's own view of the changed paragraphs must match ours; otherwise their cards are stale.
      if (touched.size) await markChanged(touched);
      return result;
    },
    [host, lang, settings.applyMode, markChanged],
  );

  const ignore = useCallback(
    (id: string) => {
      const item = itemsRef.current.find((i) => i.id === id);
      if (!item) return;
      const p = paragraphs.current.get(item.paragraphId);
      if (p) addIgnored([ignoreKey(p.text, item)]);
      const items = itemsRef.current.filter((i) => i.id !== id);
      itemsRef.current = items;
      setState((s) => ({ ...s, items }));
    },
    [addIgnored],
  );

  const goTo = useCallback(
    async (id: string): Promise<boolean> => {
      const item = itemsRef.current.find((i) => i.id === id);
      const p = item && paragraphs.current.get(item.paragraphId);
      if (!item || !p) return false;
      const ok = await host.select(p, item.start, item.end).catch(() => false);
      if (!ok) setState((s) => ({ ...s, items: s.items.map((i) => (i.id === id ? { ...i, stale: true } : i)) }));
      return ok;
    },
    [host],
  );

  return { state, notice, check, recheck, stop, accept, ignore, goTo, clearNotice: () => setNotice(null) };
}
