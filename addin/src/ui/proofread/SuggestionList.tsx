/**
 * The suggestion cards grouped by category with counts, filters by category and
 * source, Accept all (in a category, or everything shown), and focus that moves
 * to the next card after Accept/Ignore (useCardFocus).
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { countBy, filterSuggestions, groupByCategory, type Category, type SuggestionSource } from '../../core/suggestions';
import { useT } from '../i18n';
import { SuggestionFilters } from './SuggestionFilters';
import { acceptableIds, SuggestionGroup } from './SuggestionGroup';
import { useCardFocus } from './useCardFocus';
import type { ProofItem } from './useProofread';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  list: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  groupHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalS,
  },
  group: { listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface SuggestionListProps {
  items: ProofItem[];
  onAccept: (ids: string[]) => void | Promise<unknown>;
  onIgnore: (id: string) => void;
  onGoTo: (id: string) => void;
  onRecheck: (id: string) => void;
  busy?: boolean;
}

/** The filters' state; a filter whose value no longer has items falls back to All. */
function useFilters(items: ProofItem[]) {
  const [category, setCategory] = useState<Category | null>(null);
  const [source, setSource] = useState<SuggestionSource | null>(null);
  useEffect(() => {
    if (category && !items.some((i) => i.category === category)) setCategory(null);
    if (source && !items.some((i) => i.source === source)) setSource(null);
  }, [items, category, source]);
  const visible = useMemo(() => filterSuggestions(items, { category, source }), [items, category, source]);
  const categoryCounts = useMemo(() => countBy(filterSuggestions(items, { category: null, source }), (s) => s.category), [items, source]);
  const sourceCounts = useMemo(() => countBy(filterSuggestions(items, { category, source: null }), (s) => s.source), [items, category]);
  return { category, setCategory, source, setSource, visible, categoryCounts, sourceCounts };
}

export function SuggestionList(props: SuggestionListProps) {
  const { items, busy } = props;
  const { t } = useT();
  const styles = useStyles();
  const filters = useFilters(items);
  const groups = useMemo(() => groupByCategory(filters.visible), [filters.visible]);
  const flat = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const focus = useCardFocus(flat);

  function accept(ids: string[]) {
    if (ids.length === 0) return;
    focus.willRemove(ids);
    void props.onAccept(ids);
  }
  function ignore(id: string) {
    focus.willRemove([id]);
    props.onIgnore(id);
  }

  const shownAcceptable = acceptableIds(flat);
  return (
    <div className={styles.col}>
      <SuggestionFilters
        className={styles.filters}
        category={filters.category}
        source={filters.source}
        categoryCounts={filters.categoryCounts}
        sourceCounts={filters.sourceCounts}
        onCategory={filters.setCategory}
        onSource={filters.setSource}
      />
      <div className={styles.row}>
        <div ref={focus.summaryRef} tabIndex={-1} data-testid="pr-summary">
          <Text weight="semibold">{t('prSummary', { count: filters.visible.length })}</Text>
        </div>
        {shownAcceptable.length > 0 && (
          <Button
            size="small"
            disabled={busy}
            onClick={() => accept(shownAcceptable)}
            aria-label={t('prAcceptAllAria', { count: shownAcceptable.length })}
            data-testid="pr-accept-all"
          >
            {t('prAcceptAll')}
          </Button>
        )}
      </div>
      {filters.visible.length === 0 && items.length > 0 && <Text data-testid="pr-empty-filtered">{t('prEmptyFiltered')}</Text>}
      <ul className={styles.list} aria-label={t('prListLabel')} data-testid="pr-list">
        {groups.map((g) => (
          <SuggestionGroup
            key={g.category}
            group={g}
            classNames={{ group: styles.group, head: styles.groupHead, list: styles.list }}
            busy={busy}
            onAccept={accept}
            onIgnore={ignore}
            onGoTo={props.onGoTo}
            onRecheck={props.onRecheck}
            onCardKey={focus.onCardKey}
            cardRef={focus.cardRef}
          />
        ))}
      </ul>
    </div>
  );
}
