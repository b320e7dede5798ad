/** Rewrite the selection in a chosen style; the result replaces the selection by default. */
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
import { useRef, useState } from 'react';
import type { DocumentHost } from '../host/DocumentHost';
import type { StringKey } from '../i18n/strings';
import { REWRITE_STYLES, type RewriteStyle } from '../../../kernel/contract/enums';
import { continueRewriteRequest } from './generate/continue';
import { useT } from './i18n';
import { ResultView } from './ResultView';
import { useTaskStream } from './useTaskStream';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  radios: { display: 'flex', flexWrap: 'wrap' },
});

const STYLE_LABEL: Record<RewriteStyle, StringKey> = {
  formal: 'rewriteStyleFormal',
  concise: 'rewriteStyleConcise',
  plain: 'rewriteStylePlain',
  bullets: 'rewriteStyleBullets',
  hapsyo: 'rewriteStyleHapsyo',
  haera: 'rewriteStyleHaera',
  free: 'rewriteStyleFree',
};

interface RewriteRequest {
  text: string;
  style: RewriteStyle;
  instruction?: string;
}

export function RewritePanel({ host }: { host: DocumentHost }) {
  const { t } = useT();
  const styles = useStyles();
  const task = useTaskStream();
  const [style, setStyle] = useState<RewriteStyle>('formal');
  const [instruction, setInstruction] = useState('');
  const [problem, setProblem] = useState<'selection' | 'instruction' | null>(null);
  const [sourceLength, setSourceLength] = useState<number | null>(null);
  const last = useRef<RewriteRequest | null>(null);

  async function run() {
    const selection = await host.getSelectionText();
    if (!selection.trim()) {
      setProblem('selection');
      setSourceLength(null);
      return;
    }
    const extra = instruction.trim();
    if (style === 'free' && !extra) {
      setProblem('instruction');
      return;
    }
    setProblem(null);
    setSourceLength(selection.length);
    const body: RewriteRequest = { text: selection, style, ...(extra ? { instruction: extra } : {}) };
    last.current = body;
    await task.start('/api/rewrite', body);
  }

  function retry() {
    if (last.current) void task.start('/api/rewrite', last.current);
  }

  function continueRewrite() {
    const l = last.current;
    if (!l || !task.state.text) return;
    void task.start('/api/rewrite', continueRewriteRequest(l.text, l.style, l.instruction, task.state.text), { prefix: task.state.text });
  }

  const running = task.state.status === 'running';
  return (
    <div className={styles.col}>
      <Field label={t('rewriteStyle')}>
        <RadioGroup
          className={styles.radios}
          layout="horizontal"
          value={style}
          onChange={(_, d) => setStyle(d.value as RewriteStyle)}
          data-testid="rewrite-style"
        >
          {REWRITE_STYLES.map((s) => (
            <Radio key={s} value={s} label={t(STYLE_LABEL[s])} data-testid={`style-${s}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={style === 'free' ? t('rewriteInstructionFree') : t('rewriteInstruction')}
        required={style === 'free'}
        validationState={problem === 'instruction' ? 'error' : 'none'}
        validationMessage={problem === 'instruction' ? t('rewriteNeedInstruction') : undefined}
      >
        <Textarea
          value={instruction}
          placeholder={t('rewriteInstructionPlaceholder')}
          onChange={(_, d) => setInstruction(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              if (!running) void run();
            }
          }}
          maxLength={1000}
          resize="vertical"
          rows={2}
          data-testid="rewrite-instruction"
        />
      </Field>
      <Button appearance="primary" onClick={() => void run()} disabled={running} data-testid="rewrite">
        {t('rewriteRun')}
      </Button>
      {problem === 'selection' && (
        <MessageBar intent="warning" data-testid="rewrite-no-selection">
          <MessageBarBody>{t('rewriteNeedSelection')}</MessageBarBody>
        </MessageBar>
      )}
      {sourceLength !== null && task.state.status !== 'idle' && (
        <Text size={200} data-testid="rewrite-source">
          {t('rewriteSource', { count: sourceLength })}
        </Text>
      )}
      <ResultView state={task.state} host={host} onStop={task.stop} onRetry={retry} onContinue={continueRewrite} primaryMode="replace" />
    </div>
  );
}
