/**
 * The pane's tabs, fitting any width from 320 px: tabs that do not fit move into a "more"
 * menu (Fluent's Overflow), the selected tab always stays visible.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import type { StringKey } from '../i18n/strings';
import { useT } from './i18n';

export type PanelId = 'summarize' | 'draft' | 'rewrite' | 'proofread' | 'settings';

/** `keep`: which tabs stay longest when space runs out (higher stays); the selected one always stays. */
const TABS: ReadonlyArray<{ id: PanelId; label: StringKey; keep: number }> = [
  { id: 'summarize', label: 'tabSummarize', keep: 4 },
  { id: 'draft', label: 'tabDraft', keep: 3 },
  { id: 'rewrite', label: 'tabRewrite', keep: 2 },
  { id: 'proofread', label: 'tabProofread', keep: 5 },
  { id: 'settings', label: 'tabSettings', keep: 1 },
];

const useStyles = makeStyles({
  list: { minWidth: 0, overflow: 'hidden', flexWrap: 'nowrap' },
  tab: { flexShrink: 0, whiteSpace: 'nowrap' },
});

function MoreMenuItem({ id, label, onSelect }: { id: PanelId; label: string; onSelect: (id: PanelId) => void }) {
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return (
    <MenuItem onClick={() => onSelect(id)} data-testid={`tab-more-${id}`}>
      {label}
    </MenuItem>
  );
}

function MoreMenu({ onSelect }: { onSelect: (id: PanelId) => void }) {
  const { t } = useT();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" size="small" aria-label={t('tabMore', { n: overflowCount })} data-testid="tab-more">
          {`⋯ ${overflowCount}`}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {TABS.map((tab) => (
            <MoreMenuItem key={tab.id} id={tab.id} label={t(tab.label)} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function PaneTabs({ selected, onSelect }: { selected: PanelId; onSelect: (id: PanelId) => void }) {
  const { t } = useT();
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      <TabList
        selectedValue={selected}
        onTabSelect={(_, d) => onSelect(d.value as PanelId)}
        size="small"
        aria-label={t('appTitle')}
        className={styles.list}
      >
        {TABS.map((tab) => (
          <OverflowItem key={tab.id} id={tab.id} priority={tab.id === selected ? 10 : tab.keep}>
            <Tab value={tab.id} data-testid={`tab-${tab.id}`} className={styles.tab}>
              {t(tab.label)}
            </Tab>
          </OverflowItem>
        ))}
        <MoreMenu onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}
