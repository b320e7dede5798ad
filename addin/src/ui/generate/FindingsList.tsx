/** Rule findings for a legal draft, shown under the preview before insertion. */
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { DocType } from '../../settings/store';
import { useT } from '../i18n';
import type { Findings } from '../useTaskStream';
import { excerpt, locateFinding } from './locate';
import { DOCTYPE_LABEL } from './TemplatePicker';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  ok: { borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}`, paddingLeft: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  quote: { color: tokens.colorNeutralForeground2 },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit' },
});

export function FindingsList(props: { text: string; findings: Findings[] | undefined; checking?: boolean }) {
  const { t, lang } = useT();
  const styles = useStyles();
  const findings = props.findings ?? [];
  if (findings.length === 0) {
    return props.checking ? (
      <Text size={200} data-testid="findings-checking" role="status">
        {t('draftFindingsChecking')}
      </Text>
    ) : null;
  }
  const packs = [...new Set(findings.map((f) => f.pack))];
  const packName = (p: DocType) => t(DOCTYPE_LABEL[p]);
  const items = findings.flatMap((f) => f.suggestions.map((s) => ({ s, loc: locateFinding(props.text, s) })));
  items.sort((a, b) => (a.loc?.start ?? Infinity) - (b.loc?.start ?? Infinity));
  if (items.length === 0) {
    return (
      <div className={styles.ok} data-testid="findings" role="status">
        <Text size={200}>{t('draftFindingsNone', { pack: packs.map(packName).join(', ') })}</Text>
      </div>
    );
  }
  return (
    <section className={styles.box} data-testid="findings" aria-label={t('draftFindingsTitle', { count: items.length })}>
      <Text weight="semibold" role="status">
        {t('draftFindingsTitle', { count: items.length })}
      </Text>
      <ul className={styles.list}>
        {items.map(({ s, loc }) => {
          const ex = loc ? excerpt(props.text, loc) : null;
          const message = lang === 'en' ? s.messageEn || s.message : s.message || s.messageEn;
          return (
            <li key={s.id} className={styles.item} data-testid="finding">
              <Text block data-testid="finding-message">
                {message}
              </Text>
              <div className={styles.meta}>
                {loc && (
                  <Badge appearance="tint" color="informative" data-testid="finding-line">
                    {t('draftFindingLine', { line: loc.line })}
                  </Badge>
                )}
                {s.rule && (
                  <Text size={200} data-testid="finding-rule">
                    {t('draftFindingRule', { rule: s.rule })}
                  </Text>
                )}
              </div>
              {ex && (
                <Text size={200} block className={styles.quote} data-testid="finding-excerpt">
                  {ex.before}
                  <mark className={styles.mark}>{ex.span}</mark>
                  {ex.after}
                </Text>
              )}
              {s.replacement !== null && s.replacement !== undefined && (
                <Text size={200} block data-testid="finding-fix">
                  {t('draftFindingFix', { replacement: s.replacement || '∅' })}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
