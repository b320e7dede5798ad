/**
 * Draft: an instruction, a template (legal ones per document type), optional
 * grounding (selection or whole document), a streamed preview with rule findings
 * for legal templates before insertion, Continue for cut-off drafts, and this
 * session's drafts (the session in generate/useDraft.ts, the form in generate/DraftForm.tsx).
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DocumentHost } from '../host/DocumentHost';
import { useSettings } from '../settings/context';
import { DraftForm } from './generate/DraftForm';
import { DraftHistory } from './generate/DraftHistory';
import { FindingsList } from './generate/FindingsList';
import { readGrounding, type DraftProblem, type Ground } from './generate/grounding';
import { TemplatePicker, useTemplateName } from './generate/TemplatePicker';
import { templatesFor, useTemplates } from './generate/templates';
import { useDraft } from './generate/useDraft';
import { ResultView } from './ResultView';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

export type { Ground } from './generate/grounding';

export function DraftPanel({ host }: { host: DocumentHost }) {
  const styles = useStyles();
  const { settings } = useSettings();
  const docType = settings.docType;
  const { templates, fallback } = useTemplates();
  const templateName = useTemplateName();
  const draft = useDraft(host);
  const { state } = draft.task;
  const [instruction, setInstruction] = useState('');
  const [template, setTemplate] = useState('');
  const [ground, setGround] = useState<Ground>('none');
  const [problem, setProblem] = useState<DraftProblem | null>(null);

  // A legal template the document type no longer offers is dropped.
  useEffect(() => {
    if (!template) return;
    const { general, legal } = templatesFor(templates, docType);
    if (![...general, ...legal].some((x) => x.id === template)) setTemplate('');
  }, [docType, templates, template]);

  async function run() {
    const text = instruction.trim();
    if (!text) return setProblem('instruction');
    const grounding = await readGrounding(host, ground);
    if ('problem' in grounding) return setProblem(grounding.problem);
    setProblem(null);
    draft.begin({ instruction: text, ...(template ? { template } : {}), ...(grounding.text ? { text: grounding.text } : {}) });
  }

  const isLegal = templates.some((x) => x.id === draft.currentTemplate() && x.kind === 'legal');
  return (
    <div className={styles.col}>
      <TemplatePicker templates={templates} docType={docType} value={template} onChange={setTemplate} fallback={fallback} />
      <DraftForm
        instruction={instruction}
        onInstruction={setInstruction}
        ground={ground}
        onGround={setGround}
        problem={problem}
        running={state.status === 'running'}
        onRun={() => void run()}
      />
      <ResultView
        state={state}
        host={host}
        onStop={draft.task.stop}
        onRetry={draft.retry}
        onContinue={draft.continueDraft}
        belowPreview={
          isLegal || state.findings ? (
            <FindingsList text={state.text} findings={state.findings} checking={state.status === 'running' && isLegal} />
          ) : undefined
        }
      />
      <DraftHistory
        entries={draft.history}
        templateName={(id) => templateName(templates, id)}
        activeId={draft.currentId}
        onShow={draft.show}
        onInsert={(e) => void draft.insertFromHistory(e)}
      />
      {draft.historyNotice && (
        <Text size={200} role="status" data-testid="history-notice">
          {draft.historyNotice}
        </Text>
      )}
    </div>
  );
}
