/**
 * The proofread pane's state and how each event of a check's stream changes it. Pure: the
 * hook (useProofread.ts) owns the stream, the host and the refs.
 */
import type { Suggestion } from '../../core/suggestions';
import type { EventOf, proofreadEvents } from '../../../../kernel/contract/events';
import type { HostParagraph } from '../../host/DocumentHost';
import type { PaneSettings } from '../../settings/store';
import { mergeIncoming, paragraphId } from '../../core/suggestions';

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

export const INITIAL_PROOF_STATE: ProofState = { status: 'idle', items: [], phase: 'rules', checkedCount: 0 };

/** The state when a check of `paras` starts; `replace` lists the paragraph ids being re-checked (their old cards go). */
export function startedState(
  s: ProofState,
  paras: readonly HostParagraph[],
  scope: ProofState['scope'],
  replace: ReadonlySet<string> | null,
  useModel: boolean,
): ProofState {
  return {
    status: 'running',
    phase: 'rules',
    items: replace ? s.items.filter((i) => !replace.has(i.paragraphId)) : [],
    scope: scope ?? s.scope,
    checkedCount: replace ? s.checkedCount : paras.length,
    modelOff: !useModel,
    foundCount: replace ? s.foundCount : 0,
  };
}

/** The body of POST /api/proofread for `paras` with the pane's settings. */
export function proofreadRequest(
  paras: readonly HostParagraph[],
  settings: Pick<PaneSettings, 'docType' | 'categories' | 'register' | 'useModel' | 'recommendations'>,
) {
  return {
    paragraphs: paras.map((p) => ({ id: paragraphId(p.index), text: p.text })),
    options: {
      pack: settings.docType,
      ...(settings.categories.length ? { categories: settings.categories } : {}),
      register: settings.register,
      model: settings.useModel,
      recommendations: settings.recommendations,
    },
  };
}

/** One event of /api/proofread, already parsed with the kernel's schema by the client. */
export type ProofreadEvent = EventOf<typeof proofreadEvents>;

/** The suggestions an event carries (none unless it is a `suggestions` event). */
export function suggestionsOf(e: ProofreadEvent): Suggestion[] {
  return e.event === 'suggestions' ? e.data.suggestions : [];
}

/** Whether an event ends the check (done, or an error of the whole check rather than of the model layer). */
export function endsCheck(e: ProofreadEvent): boolean {
  return e.event === 'done' || (e.event === 'error' && e.data.layer !== 'model');
}

/**
 * The state after one stream event. `incoming` are the event's suggestions already filtered
 * and caught up by the hook (for 'suggestions'); `order` gives a paragraph's position.
 */
export function withEvent(s: ProofState, e: ProofreadEvent, incoming: ProofItem[], order: (pid: string) => number): ProofState {
  switch (e.event) {
    case 'suggestions':
      return { ...s, phase: 'model', items: mergeIncoming(s.items, incoming, order), foundCount: (s.foundCount ?? 0) + incoming.length };
    case 'unchecked':
      return { ...s, unchecked: (s.unchecked ?? 0) + e.data.paragraphIds.length };
    case 'progress':
      return { ...s, progress: { done: e.data.done, total: e.data.total } };
    case 'error': {
      const code = e.data.code;
      if (e.data.layer === 'model') return { ...s, modelErrorCode: code };
      return { ...s, status: s.items.length ? 'done' : 'error', errorCode: code, ...(s.items.length ? { modelErrorCode: code } : {}) };
    }
    case 'done':
      return s.status === 'running' ? { ...s, status: 'done', phase: 'model' } : s;
    default:
      return s;
  }
}
