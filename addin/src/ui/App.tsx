/** The task pane: relay status and the task panels. */
import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DocumentHost } from '../host/DocumentHost';
import { useT } from './i18n';
import { RelayStatus, useHealth } from './RelayStatus';
import { SummarizePanel } from './SummarizePanel';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '280px',
    boxSizing: 'border-box',
  },
});

type PanelId = 'summarize';

export function App({ host }: { host: DocumentHost }) {
  const { t } = useT();
  const styles = useStyles();
  const { health, failed } = useHealth();
  const [panel, setPanel] = useState<PanelId>('summarize');
  return (
    <div className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {t('appTitle')}
      </Text>
      <RelayStatus health={health} failed={failed} />
      <TabList selectedValue={panel} onTabSelect={(_, d) => setPanel(d.value as PanelId)} size="small">
        <Tab value="summarize">{t('tabSummarize')}</Tab>
      </TabList>
      {panel === 'summarize' && <SummarizePanel host={host} />}
    </div>
  );
}
