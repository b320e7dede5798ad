/** The task pane: relay status and the task panels. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DocumentHost } from '../host/DocumentHost';
import { DraftPanel } from './DraftPanel';
import { PaneTabs, type PanelId } from './PaneTabs';
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
    minWidth: 0,
    boxSizing: 'border-box',
  },
});

export type { PanelId } from './PaneTabs';

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
      <PaneTabs selected={panel} onSelect={setPanel} />
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
