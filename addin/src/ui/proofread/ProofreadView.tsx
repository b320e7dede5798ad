/** The proofread panel: document type, check, streamed cards, notices. Loaded lazily. */
import { Button, MessageBar, MessageBarBody, ProgressBar, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { DocumentHost } from '../../host/DocumentHost';
import { useSettings } from '../../settings/context';
import type { DocType } from '../../settings/store';
import { useT } from '../i18n';
import { suggestDocType } from './api';
import { DOC_TYPE_KEY, DOC_TYPES } from './labels';
import { SuggestionList } from './SuggestionList';
import { useProofread, type ApplyNotice, type ProofState } from './useProofread';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  docType: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '120px' },
  empty: {
    padding: tokens.spacingVerticalL,
    textAlign: 'center',
    border: `1px dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
  },
});

function StatusLine({ state }: { state: ProofState }) {
  const { t } = useT();
  if (state.status !== 'running') return null;
  const p = state.progress;
  const text =
    state.phase === 'rules'
      ? t('prChecking')
      : p && p.total > 0
        ? t('prModelProgress', { done: p.done, total: p.total })
        : t('prRulesDone');
  return (
    <div data-testid="pr-progress">
      <ProgressBar value={p && p.total > 0 ? p.done / p.total : undefined} aria-label={text} />
      <Text size={200} role="status">
        {text}
      </Text>
    </div>
  );
}

function NoticeBar({ notice, onDismiss }: { notice: ApplyNotice; onDismiss: () => void }) {
  const { t } = useT();
  const parts: string[] = [];
  if (notice.error) parts.push(t('prApplyFailed'));
  if (notice.applied) parts.push(t('prApplied', { count: notice.applied }));
  if (notice.stale) parts.push(t('prStaleResult', { count: notice.stale }));
  if (notice.failed) parts.push(t('prFailedResult', { count: notice.failed }));
  return (
    <>
      {notice.fallbackReason && (
        <MessageBar intent="warning" data-testid="pr-fallback">
          <MessageBarBody>
            {notice.fallbackReason === 'no-wordapi-1.4' ? t('prFallback') : t('prFallbackReason', { reason: notice.fallbackReason })}
          </MessageBarBody>
        </MessageBar>
      )}
      {parts.length > 0 && (
        <Text size={200} role="status" data-testid="pr-notice" onClick={onDismiss}>
          {parts.join(' ')}
        </Text>
      )}
    </>
  );
}

/** The document type (the pack the check uses) and "suggest one" from the document's text. */
function DocTypeRow({ host, classNames }: { host: DocumentHost; classNames: { row: string; grow: string } }) {
  const { t } = useT();
  const { settings, update } = useSettings();
  const [docNote, setDocNote] = useState('');
  const docTypeId = useId();

  async function suggest() {
    setDocNote('');
    try {
      const text = await host.getBodyText();
      const paragraphs = text.split('\n').filter((p) => p.trim());
      if (!paragraphs.length) {
        setDocNote(t('prNoText'));
        return;
      }
      const docType = await suggestDocType(paragraphs.slice(0, 2000));
      update({ docType });
      setDocNote(t('prDocTypeSuggested', { docType: t(DOC_TYPE_KEY[docType] ?? 'docGeneral') }));
    } catch {
      setDocNote(t('prDocTypeFailed'));
    }
  }

  return (
    <>
      <div className={classNames.row}>
        <label htmlFor={docTypeId}>
          <Text size={200}>{t('prDocType')}</Text>
        </label>
        <Select
          id={docTypeId}
          size="small"
          className={classNames.grow}
          value={settings.docType}
          onChange={(_, d) => update({ docType: d.value as DocType })}
          data-testid="pr-doctype"
        >
          {DOC_TYPES.map((d) => (
            <option key={d} value={d}>
              {t(DOC_TYPE_KEY[d])}
            </option>
          ))}
        </Select>
        <Button size="small" appearance="subtle" onClick={() => void suggest()} data-testid="pr-suggest-doctype">
          {t('prSuggestDocType')}
        </Button>
      </div>
      {docNote && (
        <Text size={200} role="status" data-testid="pr-doctype-note">
          {docNote}
        </Text>
      )}
    </>
  );
}

/** What the last check says about itself: errors, the model layer, unchecked paragraphs, its scope. */
function CheckMessages({ state }: { state: ProofState }) {
  const { t, err } = useT();
  return (
    <>
      {state.noText && <Text data-testid="pr-no-text">{t('prNoText')}</Text>}
      {state.status === 'error' && (
        <MessageBar intent="error" data-testid="pr-error">
          <MessageBarBody>{err(state.errorCode ?? 'INTERNAL')}</MessageBarBody>
        </MessageBar>
      )}
      {state.modelErrorCode && (
        <MessageBar intent="warning" data-testid="pr-model-failed">
          <MessageBarBody>{t('prModelFailed', { reason: err(state.modelErrorCode) })}</MessageBarBody>
        </MessageBar>
      )}
      {!!state.unchecked && (
        <MessageBar intent="warning" data-testid="pr-unchecked">
          <MessageBarBody>{t('prUnchecked', { count: state.unchecked })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'done' && state.modelOff && (
        <Text size={200} data-testid="pr-model-off">
          {t('prModelOff')}
        </Text>
      )}
      {state.status !== 'idle' && state.scope && state.checkedCount > 0 && (
        <Text size={200} data-testid="pr-scope">
          {state.scope === 'selection'
            ? t('prScopeSelection', { count: state.checkedCount })
            : t('prScopeDocument', { count: state.checkedCount })}
        </Text>
      )}
    </>
  );
}

export function ProofreadView({ host }: { host: DocumentHost }) {
  const { t, lang } = useT();
  const styles = useStyles();
  const { settings, ignored, addIgnored } = useSettings();
  const pr = useProofread({ host, settings, lang, ignored, addIgnored });
  const { state } = pr;
  const [busy, setBusy] = useState(false);
  const running = state.status === 'running';

  async function act<T>(fn: () => Promise<T>) {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.col} data-testid="proofread-panel">
      <DocTypeRow host={host} classNames={{ row: styles.docType, grow: styles.grow }} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void pr.check('document')} disabled={running} data-testid="pr-check">
          {t('prCheckDocument')}
        </Button>
        <Button onClick={() => void pr.check('selection')} disabled={running} data-testid="pr-check-selection">
          {t('prCheckSelection')}
        </Button>
        {running && (
          <Button appearance="subtle" onClick={pr.stop} data-testid="pr-stop">
            {t('stop')}
          </Button>
        )}
      </div>
      <StatusLine state={state} />
      <CheckMessages state={state} />
      {pr.notice && <NoticeBar notice={pr.notice} onDismiss={pr.clearNotice} />}
      {state.status === 'done' && state.items.length === 0 && !state.unchecked && (
        <div className={styles.empty} data-testid="pr-empty" role="status">
          <Text size={400} weight="semibold">
            {(state.foundCount ?? 0) > 0 ? t('prAllHandled') : t('prEmpty')}
          </Text>
        </div>
      )}
      {state.items.length > 0 && (
        <SuggestionList
          items={state.items}
          busy={busy}
          onAccept={(ids) => act(() => pr.accept(ids))}
          onIgnore={pr.ignore}
          onGoTo={(id) => void pr.goTo(id)}
          onRecheck={(id) => void act(() => pr.recheck(state.items.some((i) => i.id === id && i.stale) ? undefined : [id]))}
        />
      )}
    </div>
  );
}
