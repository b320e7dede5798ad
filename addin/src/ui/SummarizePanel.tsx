/** Summarise the selection, or the whole document when nothing is selected. */
import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { DocumentHost } from '../host/DocumentHost';
import { useT } from './i18n';
import { ResultView } from './ResultView';
import { useTaskStream } from './useTaskStream';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export type SummaryLength = 'oneline' | 'short' | 'detailed';
export type SummaryForm = 'paragraph' | 'bullets';

export function SummarizePanel({ host }: { host: DocumentHost }) {
  const { t } = useT();
  const styles = useStyles();
  const task = useTaskStream();
  const [length, setLength] = useState<SummaryLength>('short');
  const [form, setForm] = useState<SummaryForm>('paragraph');
  const [focus, setFocus] = useState('');
  const [scope, setScope] = useState<'selection' | 'document' | null>(null);
  const [empty, setEmpty] = useState(false);
  const lastBody = useRef<unknown>(null);

  async function run() {
    const selection = await host.getSelectionText();
    const text = selection.trim() ? selection : await host.getBodyText();
    setScope(selection.trim() ? 'selection' : 'document');
    if (!text.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    const body = { text, options: { length, form, ...(focus.trim() ? { focus: focus.trim() } : {}) } };
    lastBody.current = body;
    await task.start('/api/summarize', body);
  }

  return (
    <div className={styles.col}>
      <Field label={t('length')}>
        <RadioGroup layout="horizontal" value={length} onChange={(_, d) => setLength(d.value as SummaryLength)}>
          <Radio value="oneline" label={t('lengthOneline')} />
          <Radio value="short" label={t('lengthShort')} />
          <Radio value="detailed" label={t('lengthDetailed')} />
        </RadioGroup>
      </Field>
      <Field label={t('form')}>
        <RadioGroup layout="horizontal" value={form} onChange={(_, d) => setForm(d.value as SummaryForm)}>
          <Radio value="paragraph" label={t('formParagraph')} />
          <Radio value="bullets" label={t('formBullets')} />
        </RadioGroup>
      </Field>
      <Field label={t('focus')}>
        <Input value={focus} placeholder={t('focusPlaceholder')} onChange={(_, d) => setFocus(d.value)} />
      </Field>
      <Button appearance="primary" onClick={() => void run()} disabled={task.state.status === 'running'} data-testid="summarize">
        {t('summarize')}
      </Button>
      {empty && <Text data-testid="empty">{t('emptyDocument')}</Text>}
      {scope && task.state.status !== 'idle' && (
        <Text size={200} data-testid="scope">
          {scope === 'selection' ? t('scopeSelection') : t('scopeDocument')}
        </Text>
      )}
      <ResultView
        state={task.state}
        host={host}
        onStop={task.stop}
        onRetry={() => lastBody.current && void task.start('/api/summarize', lastBody.current)}
      />
    </div>
  );
}
