/** The parts of ResultView: progress, Stop/Continue/Retry, the insert buttons and the confirmation of a partial result. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import type { RefObject } from 'react';
import type { InsertMode } from '../../host/DocumentHost';
import type { StringKey } from '../../i18n/strings';
import { useT } from '../i18n';
import type { TaskState } from '../useTaskStream';
import { MODE_LABEL } from './insert-modes';

export function ResultProgress({ progress, className }: { progress: TaskState['progress']; className: string }) {
  const { t } = useT();
  return (
    <div className={className}>
      <ProgressBar value={progress && progress.total > 0 ? progress.done / progress.total : undefined} aria-label={t('working')} />
      <Text size={200} data-testid="progress">
        {progress ? t('progress', { done: progress.done, total: progress.total }) : t('working')}
      </Text>
    </div>
  );
}

export function ResultActions(props: {
  state: TaskState;
  className: string;
  onStop: () => void;
  onRetry: () => void;
  onContinue?: () => void;
}) {
  const { t } = useT();
  const { state } = props;
  return (
    <div className={props.className}>
      {state.status === 'running' ? (
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
  );
}

export interface InsertButtonsProps {
  className: string;
  warnClassName: string;
  modes: InsertMode[];
  primary: InsertMode;
  /** The result is cut off or stopped: every button warns. */
  partial: boolean;
  partialHint: StringKey;
  /** Id of the truncation warning, when there is one. */
  describedBy?: string;
  onPointerEnter: () => void;
  onInsert: (mode: InsertMode) => void;
  onCopy: () => void;
}

export function InsertButtons(props: InsertButtonsProps) {
  const { t } = useT();
  const { partial } = props;
  return (
    <div
      className={props.className}
      role="group"
      aria-label={partial ? t(props.partialHint) : undefined}
      onPointerEnter={props.onPointerEnter}
    >
      {props.modes.map((mode) => (
        <Button
          key={mode}
          appearance={mode === props.primary && !partial ? 'primary' : 'secondary'}
          className={partial ? props.warnClassName : undefined}
          onClick={() => props.onInsert(mode)}
          data-testid={`insert-${mode}`}
          data-truncated={partial ? 'true' : undefined}
          aria-describedby={props.describedBy}
          title={partial ? t(props.partialHint) : undefined}
        >
          {t(MODE_LABEL[mode])}
        </Button>
      ))}
      <Button onClick={props.onCopy} data-testid="copy">
        {t('copy')}
      </Button>
    </div>
  );
}

export function PartialConfirm(props: {
  truncated: boolean;
  confirmRef: RefObject<HTMLButtonElement>;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  return (
    <MessageBar intent="warning" data-testid="truncated-confirm">
      <MessageBarBody>{t(props.truncated ? 'genTruncatedConfirm' : 'genStoppedConfirm')}</MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={props.onConfirm} data-testid="insert-anyway" ref={props.confirmRef}>
          {t('genInsertAnyway')}
        </Button>
        <Button size="small" onClick={props.onCancel} data-testid="insert-cancel">
          {t('genCancel')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
