/** This session's drafts (memory only; nothing is stored). */
import type { Findings } from '../useTaskStream';

export interface DraftHistoryEntry {
  id: number;
  /** Template id, '' for none. */
  template: string;
  instruction: string;
  text: string;
  truncated: boolean;
  findings?: Findings[];
  /** The request that made it (for Retry / Continue after bringing it back). */
  request: DraftRequest;
}

/** Body of POST /api/draft. */
export interface DraftRequest {
  instruction: string;
  template?: string;
  text?: string;
  /** The answer so far, when continuing a cut-off draft. */
  continueFrom?: string;
}

export const HISTORY_LIMIT = 8;

/** Newest first, at most HISTORY_LIMIT; an entry with the same id is replaced in place. */
export function pushHistory(list: DraftHistoryEntry[], entry: DraftHistoryEntry): DraftHistoryEntry[] {
  const i = list.findIndex((e) => e.id === entry.id);
  if (i >= 0) return list.map((e) => (e.id === entry.id ? entry : e));
  return [entry, ...list].slice(0, HISTORY_LIMIT);
}

/**
 * The session's history lives outside the panel so it survives switching tabs
 * (the panel unmounts); it is gone when the pane closes.
 */
type Listener = () => void;
let sessionEntries: DraftHistoryEntry[] = [];
let sessionNextId = 1;
const listeners = new Set<Listener>();

export const draftHistoryStore = {
  get: (): DraftHistoryEntry[] => sessionEntries,
  nextId: (): number => sessionNextId++,
  push(entry: DraftHistoryEntry): void {
    sessionEntries = pushHistory(sessionEntries, entry);
    for (const l of listeners) l();
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  /** Tests only. */
  clear(): void {
    sessionEntries = [];
    for (const l of listeners) l();
  },
};
