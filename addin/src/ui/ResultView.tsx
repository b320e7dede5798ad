/** Streamed result: preview, progress, Stop/Retry, insert modes and Copy. */
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { parseMarkdown } from '../core/markdown';
import type { DocumentHost, InsertMode } from '../host/DocumentHost';
import { useT } from './i18n';
import type { TaskState } from './useTaskStream';

const useStyles = makeStyles({
  preview: {
    whiteSpace: 'pre-wrap',
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
});

export function ResultView(props: {
  state: TaskState;
  host: DocumentHost;
  onStop: () => void;
  onRetry: () => void;
  onContinue?: () => void;
}) {
  const { state, host } = props;
  const { t, err } = useT();
  const styles = useStyles();
  const [notice, setNotice] = useState('');
  const running = state.status === 'running';
  const canInsert = !running && state.text.length > 0 && state.status !== 'error' && !(state.truncated && state.status === 'done' && false);

  async function insert(mode: InsertMode) {
    await host.insertBlocks(parseMarkdown(state.text), mode);
    setNotice(t('inserted'));
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
      <div className={styles.preview} data-testid="preview" aria-live="polite" aria-busy={running}>
        {state.text}
      </div>
      {state.status === 'error' && (
        <MessageBar intent="error" data-testid="task-error">
          <MessageBarBody>{err(state.errorCode ?? 'INTERNAL')}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'stopped' && <Text data-testid="stopped">{t('stopped')}</Text>}
      {state.truncated && (
        <MessageBar intent="warning" data-testid="truncated">
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
            <Button onClick={props.onRetry} data-testid="retry">
              {t('retry')}
            </Button>
            {state.truncated && props.onContinue && (
              <Button onClick={props.onContinue} data-testid="continue">
                {t('continue')}
              </Button>
            )}
          </>
        )}
      </div>
      {canInsert && (
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void insert('below')} data-testid="insert-below">
            {t('insertBelow')}
          </Button>
          <Button onClick={() => void insert('replace')} data-testid="insert-replace">
            {t('replaceSelection')}
          </Button>
          <Button onClick={() => void insert('cursor')} data-testid="insert-cursor">
            {t('insertAtCursor')}
          </Button>
          <Button onClick={() => void insert('comment')} data-testid="insert-comment">
            {t('insertAsComment')}
          </Button>
          <Button onClick={() => void copy()} data-testid="copy">
            {t('copy')}
          </Button>
        </div>
      )}
      {notice && (
        <Text size={200} data-testid="notice" role="status">
          {notice}
        </Text>
      )}
    </div>
  );
}
