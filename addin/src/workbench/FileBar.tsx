/**
 * The workbench toolbar's part for an open file: what is open, that it is read-only,
 * what will be saved and how, and the report of the last save (applied, skipped with
 * reasons, notes the format could not hold). Loaded with the file's code.
 */
import { MessageBar, MessageBarBody, Text, makeStyles } from '@fluentui/react-components';
import type { ApplyMode } from '../host/DocumentHost';
import type { StringKey } from '../i18n/strings';
import { useSettings } from '../settings/context';
import { useT } from '../ui/i18n';
import type { ApplyResponse } from './api';
import type { FileSession } from './session';

const MODE_KEY: Record<ApplyMode, StringKey> = { tracked: 'wbModeTracked', direct: 'wbModeDirect', comment: 'wbModeComment' };

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '1.2em' },
});

export function FileBar({
  session,
  pending,
  result,
}: {
  session: FileSession;
  pending: { edits: number; notes: number };
  result: ApplyResponse | null;
}) {
  const { t } = useT();
  const styles = useStyles();
  const { settings } = useSettings();
  const paragraphs = session.parsed.paragraphs;
  const position = (pid: string) => {
    const i = paragraphs.findIndex((p) => p.id === pid);
    return i >= 0 ? i + 1 : pid;
  };
  return (
    <>
      <Text weight="semibold" data-testid="wb-file">
        {t('wbFileOpen', { name: session.name, format: session.parsed.format.toUpperCase(), count: paragraphs.length })}
      </Text>
      <Text size={200} data-testid="wb-readonly">
        {t('wbReadOnly')}
      </Text>
      <Text size={200} data-testid="wb-pending">
        {t('wbPending', pending)} · {t('wbSaveMode', { mode: t(MODE_KEY[settings.applyMode]) })}
      </Text>
      {result && (
        <MessageBar intent={result.skipped.length ? 'warning' : 'success'} data-testid="wb-saved">
          <MessageBarBody>
            <div role="status">
              {t('wbSaved', {
                filename: result.filename,
                applied: result.applied,
                skipped: result.skipped.length,
                notes: result.notesWritten,
              })}
            </div>
            {result.skipped.length > 0 && (
              <ul className={styles.list} data-testid="wb-skipped">
                {result.skipped.map((s, i) => (
                  <li key={i}>
                    {t('wbSkippedItem', {
                      paragraph: position(s.paragraphId),
                      text: paragraphs.find((p) => p.id === s.paragraphId)?.text.slice(s.start, s.end) ?? '',
                      reason: s.reason,
                    })}
                  </li>
                ))}
              </ul>
            )}
            {result.notesReport && result.notesReport.length > 0 && (
              <>
                <div>{t('wbNotesReport')}</div>
                <ul className={styles.list} data-testid="wb-notes-report">
                  {result.notesReport.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
