/**
 * Putting a result into the document: whether something is selected (checked when the
 * result is ready, when the pane regains focus and when the pointer comes to the buttons),
 * inserting (a cut-off or stopped result only after a confirmation), copying, and the notice.
 */
import { useEffect, useRef, useState } from 'react';
import { parseMarkdown } from '../../core/markdown';
import type { DocumentHost, InsertMode } from '../../host/DocumentHost';
import { useT } from '../i18n';
import type { TaskState } from '../useTaskStream';

/** Whether the document has a non-empty selection, re-checked on focus and on demand. */
function useHasSelection(host: DocumentHost, running: boolean) {
  const [hasSelection, setHasSelection] = useState(false);
  const checkSelection = () => {
    host
      .getSelectionText()
      .then((s) => setHasSelection(s.trim() !== ''))
      .catch(() => setHasSelection(false));
  };
  useEffect(() => {
    if (running) return;
    checkSelection();
    window.addEventListener('focus', checkSelection);
    return () => window.removeEventListener('focus', checkSelection);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running, host]);
  return { hasSelection, checkSelection };
}

export function useResultInsert(host: DocumentHost, state: TaskState, onInserted?: (mode: InsertMode) => void) {
  const { t } = useT();
  const running = state.status === 'running';
  const { hasSelection, checkSelection } = useHasSelection(host, running);
  const [notice, setNotice] = useState('');
  /** The mode waiting for the user's confirmation (a cut-off or stopped result). */
  const [pending, setPending] = useState<InsertMode | null>(null);
  // A stopped answer is cut off too: it never goes in without a confirmation.
  const partial = state.truncated || state.status === 'stopped';

  // A new run or another result clears what the last one said.
  useEffect(() => {
    if (running) {
      setNotice('');
      setPending(null);
    }
  }, [running]);
  useEffect(() => setPending(null), [state.text, state.truncated]);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  async function doInsert(mode: InsertMode) {
    setPending(null);
    try {
      await host.insertBlocks(parseMarkdown(state.text), mode);
      setNotice(t('inserted'));
      onInserted?.(mode);
    } catch {
      setNotice(t('genInsertFailed'));
    }
  }
  function insert(mode: InsertMode) {
    // A cut-off or stopped result never goes in silently: the user confirms first.
    if (partial) setPending(mode);
    else void doInsert(mode);
  }
  async function copy() {
    try {
      await navigator.clipboard.writeText(state.text);
      setNotice(t('copied'));
    } catch {
      setNotice('');
    }
  }
  return {
    hasSelection,
    checkSelection,
    notice,
    pending,
    cancelPending: () => setPending(null),
    partial,
    confirmRef,
    insert,
    doInsert,
    copy,
  };
}
