/**
 * Streamed result: preview, progress, Stop/Retry/Continue, insert modes and Copy
 * (the parts in result/ResultParts.tsx, inserting in result/useResultInsert.ts).
 */
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo, type ReactNode } from 'react';
import { parseMarkdown } from '../core/markdown';
import type { DocumentHost, InsertMode } from '../host/DocumentHost';
import { useT } from './i18n';
import { MarkdownPreview } from './MarkdownPreview';
import { insertModes } from './result/insert-modes';
import { InsertButtons, PartialConfirm, ResultActions, ResultProgress } from './result/ResultParts';
import { useResultInsert } from './result/useResultInsert';
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
  const running = state.status === 'running';
  const canInsert = !running && state.text.length > 0 && state.status !== 'error';
  const blocks = useMemo(() => parseMarkdown(state.text), [state.text]);
  const io = useResultInsert(host, state, props.onInserted);
  const { primary, modes } = insertModes(props.primaryMode ?? 'below', io.hasSelection);
  const pendingMode = io.pending;

  if (state.status === 'idle') return null;
  return (
    <div className={styles.col} data-testid="result">
      {running && <ResultProgress progress={state.progress} className={styles.col} />}
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
      <ResultActions
        state={state}
        className={styles.row}
        onStop={props.onStop}
        onRetry={props.onRetry}
        {...(props.onContinue ? { onContinue: props.onContinue } : {})}
      />
      {canInsert && (
        <InsertButtons
          className={styles.row}
          warnClassName={styles.warnButton}
          modes={modes}
          primary={primary}
          partial={io.partial}
          partialHint={state.truncated ? 'genTruncatedInsertHint' : 'genStoppedInsertHint'}
          {...(state.truncated ? { describedBy: truncWarnId } : {})}
          onPointerEnter={io.checkSelection}
          onInsert={io.insert}
          onCopy={() => void io.copy()}
        />
      )}
      {pendingMode && (
        <PartialConfirm
          truncated={state.truncated}
          confirmRef={io.confirmRef}
          onConfirm={() => void io.doInsert(pendingMode)}
          onCancel={io.cancelPending}
        />
      )}
      {io.notice && (
        <Text size={200} data-testid="notice" role="status">
          {io.notice}
        </Text>
      )}
    </div>
  );
}
