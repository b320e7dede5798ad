/** The Draft panel's form: instruction (Ctrl/⌘+Enter runs), grounding, the Draft button and what is missing. */
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, makeStyles } from '@fluentui/react-components';
import { useT } from '../i18n';
import type { DraftProblem, Ground } from './grounding';

const useStyles = makeStyles({
  radios: { display: 'flex', flexWrap: 'wrap' },
});

export interface DraftFormProps {
  instruction: string;
  onInstruction: (value: string) => void;
  ground: Ground;
  onGround: (value: Ground) => void;
  problem: DraftProblem | null;
  running: boolean;
  onRun: () => void;
}

const PROBLEM_KEY = {
  instruction: 'draftNeedInstruction',
  selection: 'draftGroundEmptySelection',
  document: 'draftGroundEmptyDocument',
} as const;

export function DraftForm(props: DraftFormProps) {
  const { t } = useT();
  const styles = useStyles();
  const { problem, running } = props;
  return (
    <>
      <Field label={t('draftInstruction')} required validationState={problem === 'instruction' ? 'error' : 'none'}>
        <Textarea
          value={props.instruction}
          placeholder={t('draftInstructionPlaceholder')}
          onChange={(_, d) => props.onInstruction(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              if (!running) props.onRun();
            }
          }}
          resize="vertical"
          rows={3}
          data-testid="draft-instruction"
        />
      </Field>
      <Field label={t('draftGround')}>
        <RadioGroup
          className={styles.radios}
          layout="horizontal"
          value={props.ground}
          onChange={(_, d) => props.onGround(d.value as Ground)}
          data-testid="draft-ground"
        >
          <Radio value="none" label={t('draftGroundNone')} data-testid="ground-none" />
          <Radio value="selection" label={t('draftGroundSelection')} data-testid="ground-selection" />
          <Radio value="document" label={t('draftGroundDocument')} data-testid="ground-document" />
        </RadioGroup>
      </Field>
      <Button appearance="primary" onClick={props.onRun} disabled={running} data-testid="draft">
        {t('draftRun')}
      </Button>
      {problem && (
        <MessageBar intent={problem === 'instruction' ? 'error' : 'warning'} data-testid="draft-problem">
          <MessageBarBody>{t(PROBLEM_KEY[problem])}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
