/**
 * The Draft panel's session: start a draft, retry it, continue a cut-off one, show or
 * insert one from this session's history; finished (or stopped) drafts go into the history.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { parseMarkdown } from '../../core/markdown';
import type { DocumentHost } from '../../host/DocumentHost';
import { useT } from '../i18n';
import { useTaskStream } from '../useTaskStream';
import { continueDraftRequest } from './continue';
import { draftHistoryStore, type DraftHistoryEntry, type DraftRequest } from './history';

interface Current {
  id: number;
  request: DraftRequest;
}

export function useDraft(host: DocumentHost) {
  const { t } = useT();
  const task = useTaskStream();
  const { state } = task;
  const history = useSyncExternalStore(draftHistoryStore.subscribe, draftHistoryStore.get);
  const current = useRef<Current | null>(null);
  const [historyNotice, setHistoryNotice] = useState('');
  /** The history entry shown now. */
  const [currentId, setCurrentId] = useState<number | undefined>(undefined);

  // A finished (or stopped) draft goes into the session's history.
  useEffect(() => {
    const c = current.current;
    if (!c || (state.status !== 'done' && state.status !== 'stopped') || !state.text.trim()) return;
    draftHistoryStore.push({
      id: c.id,
      template: c.request.template ?? '',
      instruction: c.request.instruction,
      text: state.text,
      truncated: state.truncated,
      ...(state.findings ? { findings: state.findings } : {}),
      request: c.request,
    });
  }, [state.status, state.text, state.truncated, state.findings]);

  function begin(request: DraftRequest) {
    setHistoryNotice('');
    const id = draftHistoryStore.nextId();
    current.current = { id, request };
    setCurrentId(id);
    void task.start('/api/draft', request);
  }

  function retry() {
    if (current.current) begin(current.current.request);
  }

  function continueDraft() {
    const c = current.current;
    if (!c || !state.text) return;
    // Same history entry: the continued draft replaces the cut-off one. The relay checks
    // a legal draft as a whole again, so its findings replace the earlier ones.
    void task.start('/api/draft', continueDraftRequest(c.request, state.text), {
      prefix: state.text,
      ...(state.findings ? { findings: state.findings } : {}),
    });
  }

  function show(e: DraftHistoryEntry) {
    current.current = { id: e.id, request: e.request };
    setCurrentId(e.id);
    task.load({ status: 'done', text: e.text, truncated: e.truncated, ...(e.findings ? { findings: e.findings } : {}) });
  }

  async function insertFromHistory(e: DraftHistoryEntry) {
    if (e.truncated) return show(e);
    try {
      await host.insertBlocks(parseMarkdown(e.text), 'below');
      setHistoryNotice(t('inserted'));
    } catch {
      setHistoryNotice(t('genInsertFailed'));
    }
  }

  return {
    task,
    history,
    historyNotice,
    currentId,
    currentTemplate: () => current.current?.request.template,
    begin,
    retry,
    continueDraft,
    show,
    insertFromHistory,
  };
}
