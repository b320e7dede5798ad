/**
 * Draft: an instruction, a template (legal ones per document type), optional
 * grounding (selection or whole document), a streamed preview with rule findings
 * for legal templates before insertion, Continue for cut-off drafts, and this
 * session's drafts.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { parseMarkdown } from '../core/markdown';
import type { DocumentHost } from '../host/DocumentHost';
import { useSettings } from '../settings/context';
import { continueDraftRequest } from './generate/continue';
import { DraftHistory } from './generate/DraftHistory';
import { FindingsList } from './generate/FindingsList';
import { draftHistoryStore, type DraftHistoryEntry, type DraftRequest } from './generate/history';
import { TemplatePicker, useTemplateName } from './generate/TemplatePicker';
import { templatesFor, useTemplates } from './generate/templates';
import { useT } from './i18n';
import { ResultView } from './ResultView';
import { useTaskStream } from './useTaskStream';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  radios: { display: 'flex', flexWrap: 'wrap' },
});

export type Ground = 'none' | 'selection' | 'document';

interface Current {
  id: number;
  request: DraftRequest;
}

export function DraftPanel({ host }: { host: DocumentHost }) {
  const { t } = useT();
  const styles = useStyles();
  const { settings } = useSettings();
  const docType = settings.docType;
  const { templates, fallback } = useTemplates();
  const templateName = useTemplateName();
  const task = useTaskStream();
  const [instruction, setInstruction] = useState('');
  const [template, setTemplate] = useState('');
  const [ground, setGround] = useState<Ground>('none');
  const [problem, setProblem] = useState<'instruction' | 'selection' | 'document' | null>(null);
  const history = useSyncExternalStore(draftHistoryStore.subscribe, draftHistoryStore.get);
  const current = useRef<Current | null>(null);
  const [historyNotice, setHistoryNotice] = useState('');
  /** After continuing a legal draft: where the part the rules did not check starts. */
  const [currentId, setCurrentId] = useState<number | undefined>(undefined);

  // A legal template the document type no longer offers is dropped.
  useEffect(() => {
    if (!template) return;
    const { general, legal } = templatesFor(templates, docType);
    if (![...general, ...legal].some((x) => x.id === template)) setTemplate('');
  }, [docType, templates, template]);

  const { state } = task;
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

  async function run() {
    const text = instruction.trim();
    if (!text) {
      setProblem('instruction');
      return;
    }
    let grounding: string | undefined;
    if (ground === 'selection') {
      grounding = await host.getSelectionText();
      if (!grounding.trim()) return setProblem('selection');
    } else if (ground === 'document') {
      grounding = await host.getBodyText();
      if (!grounding.trim()) return setProblem('document');
    }
    setProblem(null);
    begin({ instruction: text, ...(template ? { template } : {}), ...(grounding ? { text: grounding } : {}) });
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

  const isLegal = templates.some((x) => x.id === current.current?.request.template && x.kind === 'legal');
  const problemText =
    problem === 'instruction'
      ? t('draftNeedInstruction')
      : problem === 'selection'
        ? t('draftGroundEmptySelection')
        : problem === 'document'
          ? t('draftGroundEmptyDocument')
          : '';

  return (
    <div className={styles.col}>
      <TemplatePicker templates={templates} docType={docType} value={template} onChange={setTemplate} fallback={fallback} />
      <Field label={t('draftInstruction')} required validationState={problem === 'instruction' ? 'error' : 'none'}>
        <Textarea
          value={instruction}
          placeholder={t('draftInstructionPlaceholder')}
          onChange={(_, d) => setInstruction(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              if (state.status !== 'running') void run();
            }
          }}
          resize="vertical"
          rows={3}
          data-testid="draft-instruction"
        />
      </Field>
      <Field label={t('draftGround')}>
        <RadioGroup className={styles.radios} layout="horizontal" value={ground} onChange={(_, d) => setGround(d.value as Ground)} data-testid="draft-ground">
          <Radio value="none" label={t('draftGroundNone')} data-testid="ground-none" />
          <Radio value="selection" label={t('draftGroundSelection')} data-testid="ground-selection" />
          <Radio value="document" label={t('draftGroundDocument')} data-testid="ground-document" />
        </RadioGroup>
      </Field>
      <Button appearance="primary" onClick={() => void run()} disabled={state.status === 'running'} data-testid="draft">
        {t('draftRun')}
      </Button>
      {problem && (
        <MessageBar intent={problem === 'instruction' ? 'error' : 'warning'} data-testid="draft-problem">
          <MessageBarBody>{problemText}</MessageBarBody>
        </MessageBar>
      )}
      <ResultView
        state={state}
        host={host}
        onStop={task.stop}
        onRetry={retry}
        onContinue={continueDraft}
        belowPreview={
          isLegal || state.findings ? (
            <FindingsList text={state.text} findings={state.findings} checking={state.status === 'running' && isLegal} />
          ) : undefined
        }
      />
      <DraftHistory
        entries={history}
        templateName={(id) => templateName(templates, id)}
        activeId={currentId}
        onShow={show}
        onInsert={(e) => void insertFromHistory(e)}
      />
      {historyNotice && (
        <Text size={200} role="status" data-testid="history-notice">
          {historyNotice}
        </Text>
      )}
    </div>
  );
}
