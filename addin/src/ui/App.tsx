/** The task pane: relay status and the task panels. */
import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DocumentHost } from '../host/DocumentHost';
import { DraftPanel } from './DraftPanel';
import { useT } from './i18n';
import { ProofreadPanel } from './proofread/ProofreadPanel';
import { RelayStatus, useHealth } from './RelayStatus';
import { RewritePanel } from './RewritePanel';
import { SettingsPanel } from './settings/SettingsPanel';
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

export type PanelId = 'summarize' | 'draft' | 'rewrite' | 'proofread' | 'settings';

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
      <TabList selectedValue={panel} onTabSelect={(_, d) => setPanel(d.value as PanelId)} size="small" aria-label={t('appTitle')}>
        <Tab value="summarize" data-testid="tab-summarize">
          {t('tabSummarize')}
        </Tab>
        <Tab value="draft" data-testid="tab-draft">
          {t('tabDraft')}
        </Tab>
        <Tab value="rewrite" data-testid="tab-rewrite">
          {t('tabRewrite')}
        </Tab>
        <Tab value="proofread" data-testid="tab-proofread">
          {t('tabProofread')}
        </Tab>
        <Tab value="settings" data-testid="tab-settings">
          {t('tabSettings')}
        </Tab>
      </TabList>
      <div role="tabpanel">
        {panel === 'summarize' && <SummarizePanel host={host} />}
        {panel === 'draft' && <DraftPanel host={host} />}
        {panel === 'rewrite' && <RewritePanel host={host} />}
        {panel === 'proofread' && <ProofreadPanel host={host} />}
        {panel === 'settings' && <SettingsPanel host={host} health={health} />}
      </div>
    </div>
  );
}
