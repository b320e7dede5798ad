/**
 * The proofread pane's state: checks through POST /api/proofread (rules first, model
 * batches later), accepting through the host's applyEdits, ignoring (remembered per
 * document), Go to, stale tracking (own edits, user edits seen through host.onChange)
 * and re-checking only the stale paragraphs. How events change the state is in
 * proof-state.ts, what an accept did to the list in accept-outcome.ts.
 */
import { useCallback, useEffect, useRef, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import { RelayError, postStream } from '../../api/client';
import { buildEditSets, catchUpSuggestion, contextAround, ignoreKey, paragraphId, type Suggestion } from '../../core/suggestions';
import type { ApplyResult, DocumentHost, HostParagraph } from '../../host/DocumentHost';
import type { Lang } from '../../i18n/strings';
import type { PaneSettings } from '../../settings/store';
import { editedSince } from '../../../../kernel/edits';
import { acceptOutcome, type AcceptedEdit } from './accept-outcome';
import {
  endsCheck,
  INITIAL_PROOF_STATE,
  proofreadRequest,
  startedState,
  suggestionsOf,
  withEvent,
  type ProofItem,
  type ProofState,
} from './proof-state';

export type { ProofItem, ProofState, ProofStatus } from './proof-state';

export interface ApplyNotice {
  applied: number;
  stale: number;
  failed: number;
  fallbackReason?: string;
  error?: boolean;
}

/**
 * The reason a comment gives for a finding: its message in the pane's language and its
 * rule. Only the reason: the one commentText (kernel/edits/comment.ts) owns the comment
 * format — the `[AI 제안]` prefix and the proposed fix.
 */
export function commentReason(s: Suggestion, lang: Lang): string {
  const msg = lang === 'en' ? s.messageEn || s.message : s.message;
  return `${msg}${s.rule ? ` (${s.rule})` : ''}`;
}

/** Paragraph ids (of `checked`, or only of `only`) whose text in `body` differs from the text checked, or that are gone. */
export function changedParagraphs(
  checked: ReadonlyMap<string, HostParagraph>,
  body: readonly HostParagraph[],
  only?: ReadonlySet<string>,
): Set<string> {
  const now = new Map(body.map((p) => [paragraphId(p.index), p.text]));
  const changed = new Set<string>();
  for (const [pid, p] of checked) {
    if (only && !only.has(pid)) continue;
    const text = now.get(pid);
    if (text === undefined || editedSince(p.text, text)) changed.add(pid);
  }
  return changed;
}

/** What the proofread session remembers between renders, shared by its parts. */
interface ProofSession {
  /** Paragraphs as checked (and as updated by our own edits), by paragraph id. */
  paragraphs: MutableRefObject<Map<string, HostParagraph>>;
  /**
   * Text edits the user accepted per paragraph since its check was sent: suggestions that
   * arrive later (model batches) were computed on the older text and are moved through
   * these edits — or marked stale when an accepted edit touched their span.
   */
  acceptedSinceCheck: MutableRefObject<Map<string, AcceptedEdit[][]>>;
  /** The cards as last rendered (or as just changed by an action). */
  items: MutableRefObject<ProofItem[]>;
  ignored: MutableRefObject<ReadonlySet<string>>;
  setState: Dispatch<SetStateAction<ProofState>>;
  setNotice: Dispatch<SetStateAction<ApplyNotice | null>>;
}

export function useProofread(opts: {
  host: DocumentHost;
  settings: PaneSettings;
  lang: Lang;
  ignored: ReadonlySet<string>;
  addIgnored: (keys: string[]) => void;
}) {
  const { host, settings, lang, ignored, addIgnored } = opts;
  const [state, setState] = useState<ProofState>(INITIAL_PROOF_STATE);
  const [notice, setNotice] = useState<ApplyNotice | null>(null);
  const session: ProofSession = {
    paragraphs: useRef(new Map<string, HostParagraph>()),
    acceptedSinceCheck: useRef(new Map<string, AcceptedEdit[][]>()),
    items: useRef<ProofItem[]>([]),
    ignored: useRef(ignored),
    setState,
    setNotice,
  };
  session.ignored.current = ignored;
  session.items.current = state.items;
  const { paragraphs, items: itemsRef } = session;

  const { stream, stop } = useCheckStream(settings, session);
  const markChanged = useMarkChanged(host, session);
  const accept = useAccept(host, lang, settings.applyMode, session, markChanged);

  const check = useCallback(
    async (scope: 'selection' | 'document') => {
      let paras = await host.getParagraphs(scope === 'selection' ? 'selection' : 'body');
      paras = paras.filter((p) => p.text.trim().length > 0);
      if (paras.length === 0) {
        setState({ ...INITIAL_PROOF_STATE, noText: true });
        return;
      }
      paragraphs.current = new Map();
      await stream(paras, scope, null);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [host, stream],
  );

  const { ignore, goTo } = useCardActions(host, session, addIgnored);

  return { state, notice, check, recheck, stop, accept, ignore, goTo, clearNotice: () => setNotice(null) };
}

/** Ignoring a card (remembered for this document) and going to its span in the document. */
function useCardActions(host: DocumentHost, session: ProofSession, addIgnored: (keys: string[]) => void) {
  const { paragraphs, items, setState } = session;
  const ignore = useCallback(
    (id: string) => {
      const item = items.current.find((i) => i.id === id);
      if (!item) return;
      const p = paragraphs.current.get(item.paragraphId);
      if (p) addIgnored([ignoreKey(p.text, item)]);
      const rest = items.current.filter((i) => i.id !== id);
      items.current = rest;
      setState((s) => ({ ...s, items: rest }));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [addIgnored],
  );

  const goTo = useCallback(
    async (id: string): Promise<boolean> => {
      const item = items.current.find((i) => i.id === id);
      const p = item && paragraphs.current.get(item.paragraphId);
      if (!item || !p) return false;
      const ok = await host.select(p, item.start, item.end).catch(() => false);
      if (!ok) setState((s) => ({ ...s, items: s.items.map((i) => (i.id === id ? { ...i, stale: true } : i)) }));
      return ok;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [host],
  );

  return { ignore, goTo };
}

/** Streaming a check: one at a time (a new one aborts the last), aborted when the pane goes. */
function useCheckStream(settings: PaneSettings, session: ProofSession) {
  const { paragraphs, acceptedSinceCheck, ignored, setState, setNotice } = session;
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  /** A streamed batch as cards: ignored ones left out, caught up with accepted edits, with context. */
  const toCards = (suggestions: Suggestion[]): ProofItem[] =>
    suggestions
      .filter((s) => {
        const p = paragraphs.current.get(s.paragraphId);
        return !(p && ignored.current.has(ignoreKey(p.text, s)));
      })
      .map((s): ProofItem => {
        const item: ProofItem = catchUpSuggestion(s, acceptedSinceCheck.current.get(s.paragraphId) ?? []);
        const p = paragraphs.current.get(item.paragraphId);
        return p && !item.stale ? { ...item, context: contextAround(p.text, item.start, item.end) } : item;
      });
  const order = (pid: string) => paragraphs.current.get(pid)?.index ?? 0;

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
      setState((s) => startedState(s, paras, scope, replace, settings.useModel));
      let sawEnd = false;
      try {
        await postStream(
          '/api/proofread',
          proofreadRequest(paras, settings),
          (e) => {
            const incoming = toCards(suggestionsOf(e));
            if (endsCheck(e)) sawEnd = true;
            setState((s) => withEvent(s, e, incoming, order));
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
  const stop = useCallback(() => controller.current?.abort(), []);
  return { stream, stop };
}

/**
 * Marking the cards of paragraphs whose current text differs from the text checked: on
 * request (after an accept) and after the user edits the document.
 */
function useMarkChanged(host: DocumentHost, session: ProofSession) {
  const { paragraphs, items, setState } = session;
  const markChanged = useCallback(
    async (only?: Set<string>) => {
      let body: HostParagraph[];
      try {
        body = await host.getParagraphs('body');
      } catch {
        return;
      }
      const changed = changedParagraphs(paragraphs.current, body, only);
      if (changed.size === 0) return;
      setState((s) => ({ ...s, items: s.items.map((i) => (changed.has(i.paragraphId) && !i.stale ? { ...i, stale: true } : i)) }));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [host],
  );
  useUserEdits(host, () => {
    if (items.current.length) void markChanged();
  });
  return markChanged;
}

/** Accepting cards through the host's applyEdits, then updating the list (accept-outcome.ts) and the notice. */
function useAccept(
  host: DocumentHost,
  lang: Lang,
  applyMode: PaneSettings['applyMode'],
  session: ProofSession,
  markChanged: (only?: Set<string>) => Promise<void>,
) {
  const { paragraphs, acceptedSinceCheck, items, setState, setNotice } = session;
  const fallbackShown = useRef(false);
  return useCallback(
    async (ids: string[]): Promise<ApplyResult | null> => {
      const want = new Set(ids);
      const chosen = items.current.filter((i) => want.has(i.id) && !i.stale);
      if (chosen.length === 0) return null;
      const plan = buildEditSets(chosen, paragraphs.current, (s) => commentReason(s, lang));
      let result: ApplyResult;
      try {
        result = await host.applyEdits(plan.sets, applyMode);
      } catch {
        setNotice({ applied: 0, stale: 0, failed: 0, error: true });
        return null;
      }
      // Update the texts of the paragraphs we changed and move their other cards.
      const outcome = acceptOutcome(items.current, plan, result, paragraphs.current);
      for (const [pid, { paragraph, edits }] of outcome.changed) {
        paragraphs.current.set(pid, paragraph);
        acceptedSinceCheck.current.set(pid, [...(acceptedSinceCheck.current.get(pid) ?? []), edits]);
      }
      items.current = outcome.items;
      setState((s) => ({ ...s, items: outcome.items }));
      const showFallback = !!result.fallbackReason && !fallbackShown.current;
      if (showFallback) fallbackShown.current = true;
      setNotice({
        applied: result.applied.length,
        stale: result.stale.length,
        failed: result.failed.length,
        ...(showFallback ? { fallbackReason: result.fallbackReason } : {}),
      });
      // The host's own view of the changed paragraphs must match ours; otherwise their cards are stale.
      if (outcome.touched.size) await markChanged(outcome.touched);
      return result;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [host, lang, applyMode, markChanged],
  );
}

/** Calls `onEdit` 250 ms after the user stops editing the document (the hosts do not report the pane's own edits). */
function useUserEdits(host: DocumentHost, onEdit: () => void): void {
  const latest = useRef(onEdit);
  latest.current = onEdit;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = host.onChange(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        latest.current();
      }, 250);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [host]);
}
