/** The session's recent drafts: bring one back into the preview, or insert it. */
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import type { DraftHistoryEntry } from './history';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
  },
  active: { border: `1px solid ${tokens.colorBrandStroke1}` },
  main: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    minWidth: 0,
    maxWidth: '100%',
    height: 'auto',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block', maxWidth: '100%' },
  snippet: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

export function DraftHistory(props: {
  entries: DraftHistoryEntry[];
  templateName: (id: string) => string;
  activeId?: number;
  onShow: (e: DraftHistoryEntry) => void;
  onInsert: (e: DraftHistoryEntry) => void;
}) {
  const { t } = useT();
  const styles = useStyles();
  if (props.entries.length === 0) return null;
  return (
    <section aria-label={t('draftHistoryTitle')} data-testid="draft-history">
      <Text as="h2" weight="semibold" size={300} block>
        {t('draftHistoryTitle')}
      </Text>
      <ul className={styles.list}>
        {props.entries.map((e) => {
          const label = t('draftHistoryItem', { template: props.templateName(e.template), instruction: e.instruction });
          const findings = (e.findings ?? []).reduce((n, f) => n + f.suggestions.length, 0);
          return (
            <li key={e.id} className={`${styles.item} ${e.id === props.activeId ? styles.active : ''}`} data-testid="history-item">
              <Button
                appearance="transparent"
                className={styles.main}
                onClick={() => props.onShow(e)}
                title={t('draftHistoryShow')}
                aria-label={`${t('draftHistoryShow')}: ${label}`}
                aria-current={e.id === props.activeId ? 'true' : undefined}
                data-testid="history-show"
              >
                <span style={{ minWidth: 0, maxWidth: '100%' }}>
                  <Text weight="semibold" size={200} className={styles.label}>
                    {label}
                  </Text>
                  <Text size={200} className={styles.snippet}>
                    {e.text.replace(/\s+/g, ' ').slice(0, 80)}
                  </Text>
                </span>
              </Button>
              <div className={styles.row}>
                {e.truncated && (
                  <Badge appearance="tint" color="warning" data-testid="history-truncated">
                    {t('draftHistoryTruncated')}
                  </Badge>
                )}
                {findings > 0 && (
                  <Badge appearance="tint" color="danger">
                    {t('draftHistoryFindings', { count: findings })}
                  </Badge>
                )}
                {/* A cut-off draft is never inserted from here: bring it back and confirm there. */}
                {!e.truncated && (
                  <Button
                    size="small"
                    onClick={() => props.onInsert(e)}
                    data-testid="history-insert"
                    aria-label={`${t('draftHistoryInsert')}: ${label}`}
                  >
                    {t('draftHistoryInsert')}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
