/** Summarise the selection, or the whole document when nothing is selected. */
import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { DocumentHost } from '../host/DocumentHost';
import type { StringKey } from '../i18n/strings';
import { SUMMARY_FORMS, SUMMARY_LENGTHS, type SummaryForm, type SummaryLength } from '../../../kernel/contract/enums';
import { useT } from './i18n';
import { ResultView } from './ResultView';
import { useTaskStream } from './useTaskStream';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const LENGTH_LABEL: Record<SummaryLength, StringKey> = { oneline: 'lengthOneline', short: 'lengthShort', detailed: 'lengthDetailed' };
const FORM_LABEL: Record<SummaryForm, StringKey> = { paragraph: 'formParagraph', bullets: 'formBullets' };

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
          {SUMMARY_LENGTHS.map((l) => (
            <Radio key={l} value={l} label={t(LENGTH_LABEL[l])} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t('form')}>
        <RadioGroup layout="horizontal" value={form} onChange={(_, d) => setForm(d.value as SummaryForm)}>
          {SUMMARY_FORMS.map((f) => (
            <Radio key={f} value={f} label={t(FORM_LABEL[f])} />
          ))}
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
