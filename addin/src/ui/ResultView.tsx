/** Streamed result: preview, progress, Stop/Retry/Continue, insert modes and Copy. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { parseMarkdown } from '../core/markdown';
import type { DocumentHost, InsertMode } from '../host/DocumentHost';
import type { StringKey } from '../i18n/strings';
import { useT } from './i18n';
import { MarkdownPreview } from './MarkdownPreview';
import type { TaskState } from './useTaskStream';

const useStyles = makeStyles({
  preview: {
    overflowWrap: 'anywhere',
    wordBreak: 'keep-all',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    minHeight: '4em',
    maxHeight: '40vh',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  warnButton: {
    border: `1px dashed ${tokens.colorPaletteDarkOrangeBorder2}`,
  },
});

const MODE_LABEL: Record<InsertMode, StringKey> = {
  below: 'insertBelow',
  replace: 'replaceSelection',
  cursor: 'insertAtCursor',
  comment: 'insertAsComment',
};
const MODE_ORDER: InsertMode[] = ['below', 'replace', 'cursor', 'comment'];

export function ResultView(props: {
  state: TaskState;
  host: DocumentHost;
  onStop: () => void;
  onRetry: () => void;
  onContinue?: () => void;
  /** The primary insert button, shown first (default: below). */
  primaryMode?: InsertMode;
  /** Shown right under the preview (e.g. rule findings of a draft). */
  belowPreview?: ReactNode;
  /** Called after the result went into the document. */
  onInserted?: (mode: InsertMode) => void;
}) {
  const { state, host } = props;
  const { t, err } = useT();
  const styles = useStyles();
  const truncWarnId = useId();
  const [notice, setNotice] = useState('');
  const [pending, setPending] = useState<InsertMode | null>(null);
  const running = state.status === 'running';
  const canInsert = !running && state.text.length > 0 && state.status !== 'error';
  const blocks = useMemo(() => parseMarkdown(state.text), [state.text]);
  // A stopped answer is cut off too: it never goes in without a confirmation.
  const partial = state.truncated || state.status === 'stopped';
  const [hasSelection, setHasSelection] = useState(false);
  const primaryWanted = props.primaryMode ?? 'below';
  // "Replace selection" only when something is selected (checked when the result is ready,
  // when the pane regains focus and when the pointer comes to the buttons).
  const primary = primaryWanted === 'replace' && !hasSelection ? 'below' : primaryWanted;
  const modes = [primary, ...MODE_ORDER.filter((m) => m !== primary)].filter((m) => m !== 'replace' || hasSelection);
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

  // A new run or another result clears what the last one said.
  useEffect(() => {
    if (running) {
      setNotice('');
      setPending(null);
    }
  }, [running]);
  useEffect(() => setPending(null), [state.text, state.truncated]);
  const partialHint: StringKey = state.truncated ? 'genTruncatedInsertHint' : 'genStoppedInsertHint';
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  async function doInsert(mode: InsertMode) {
    setPending(null);
    try {
      await host.insertBlocks(parseMarkdown(state.text), mode);
      setNotice(t('inserted'));
      props.onInserted?.(mode);
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

  if (state.status === 'idle') return null;
  return (
    <div className={styles.col} data-testid="result">
      {running && (
        <div className={styles.col}>
          <ProgressBar
            value={state.progress && state.progress.total > 0 ? state.progress.done / state.progress.total : undefined}
            aria-label={t('working')}
          />
          <Text size={200} data-testid="progress">
            {state.progress ? t('progress', { done: state.progress.done, total: state.progress.total }) : t('working')}
          </Text>
        </div>
      )}
      <Text weight="semibold">{t('preview')}</Text>
      <div
        className={styles.preview}
        data-testid="preview"
        aria-live="polite"
        aria-busy={running}
        aria-label={t('preview')}
        role="region"
        tabIndex={0}
      >
        <MarkdownPreview blocks={blocks} />
      </div>
      {props.belowPreview}
      {state.status === 'error' && (
        <MessageBar intent="error" data-testid="task-error">
          <MessageBarBody>{err(state.errorCode ?? 'INTERNAL')}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'stopped' && <Text data-testid="stopped">{t('stopped')}</Text>}
      {state.truncated && (
        <MessageBar intent="warning" data-testid="truncated" id={truncWarnId}>
          <MessageBarBody>{t('truncated')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        {running ? (
          <Button onClick={props.onStop} data-testid="stop">
            {t('stop')}
          </Button>
        ) : (
          <>
            {state.truncated && props.onContinue && (
              <Button appearance="primary" onClick={props.onContinue} data-testid="continue">
                {t('continue')}
              </Button>
            )}
            {/* "Retry" after a failure or a stop; after a good answer it is "generate again". */}
            <Button onClick={props.onRetry} data-testid="retry">
              {t(state.status === 'error' || state.status === 'stopped' ? 'retry' : 'regenerate')}
            </Button>
          </>
        )}
      </div>
      {canInsert && (
        <div className={styles.row} role="group" aria-label={partial ? t(partialHint) : undefined} onPointerEnter={checkSelection}>
          {modes.map((mode) => (
            <Button
              key={mode}
              appearance={mode === primary && !partial ? 'primary' : 'secondary'}
              className={partial ? styles.warnButton : undefined}
              onClick={() => insert(mode)}
              data-testid={`insert-${mode}`}
              data-truncated={partial ? 'true' : undefined}
              aria-describedby={state.truncated ? truncWarnId : undefined}
              title={partial ? t(partialHint) : undefined}
            >
              {t(MODE_LABEL[mode])}
            </Button>
          ))}
          <Button onClick={() => void copy()} data-testid="copy">
            {t('copy')}
          </Button>
        </div>
      )}
      {pending && (
        <MessageBar intent="warning" data-testid="truncated-confirm">
          <MessageBarBody>{t(state.truncated ? 'genTruncatedConfirm' : 'genStoppedConfirm')}</MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              size="small"
              onClick={() => void doInsert(pending)}
              data-testid="insert-anyway"
              ref={confirmRef}
            >
              {t('genInsertAnyway')}
            </Button>
            <Button size="small" onClick={() => setPending(null)} data-testid="insert-cancel">
              {t('genCancel')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <Text size={200} data-testid="notice" role="status">
          {notice}
        </Text>
      )}
    </div>
  );
}
