/**
 * The suggestion cards grouped by category with counts, filters by category and
 * source, Accept all (in a category, or everything shown), and focus that moves
 * to the next card after Accept/Ignore.
 */
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CATEGORY_ORDER, SOURCES, countBy, filterSuggestions, groupByCategory, type Category, type SuggestionSource } from '../../core/suggestions';
import { useT } from '../i18n';
import { categoryLabel, SOURCE_KEY } from './labels';
import { SuggestionCard } from './SuggestionCard';
import type { ProofItem } from './useProofread';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  list: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  groupHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalS },
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

export function SuggestionList(props: SuggestionListProps) {
  const { items, busy } = props;
  const { t } = useT();
  const styles = useStyles();
  const [category, setCategory] = useState<Category | null>(null);
  const [source, setSource] = useState<SuggestionSource | null>(null);
  const cards = useRef(new Map<string, HTMLLIElement>());
  const summaryRef = useRef<HTMLDivElement>(null);
  /** After an action on `from`: focus `to` once `from` has gone (or stays on `from` if it is still there). */
  const pending = useRef<{ from: string[]; to: string | null } | null>(null);

  const visible = useMemo(() => filterSuggestions(items, { category, source }), [items, category, source]);
  const groups = useMemo(() => groupByCategory(visible), [visible]);
  const flat = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const catCounts = useMemo(() => countBy(filterSuggestions(items, { category: null, source }), (s) => s.category), [items, source]);
  const srcCounts = useMemo(() => countBy(filterSuggestions(items, { category, source: null }), (s) => s.source), [items, category]);
  const acceptable = (list: ProofItem[]) => list.filter((i) => !i.stale).map((i) => i.id);

  // A filter whose value no longer has items falls back to All.
  useEffect(() => {
    if (category && !items.some((i) => i.category === category)) setCategory(null);
    if (source && !items.some((i) => i.source === source)) setSource(null);
  }, [items, category, source]);

  useLayoutEffect(() => {
    const p = pending.current;
    if (!p) return;
    const present = new Set(flat.map((i) => i.id));
    if (p.from.some((id) => present.has(id))) {
      // Not applied (stale): keep the focus on the card. Otherwise still waiting for the host.
      const still = flat.find((i) => p.from.includes(i.id) && i.stale);
      if (!still) return;
      pending.current = null;
      if (p.from.length === 1) cards.current.get(still.id)?.focus();
      return;
    }
    pending.current = null;
    const target = (p.to && cards.current.get(p.to)) || (flat[0] && cards.current.get(flat[0].id));
    if (target) target.focus();
    else summaryRef.current?.focus();
  }, [flat]);

  function after(ids: string[]) {
    const gone = new Set(ids);
    const idx = flat.findIndex((i) => gone.has(i.id));
    const next = flat.slice(idx + 1).find((i) => !gone.has(i.id)) ?? [...flat.slice(0, Math.max(0, idx))].reverse().find((i) => !gone.has(i.id));
    pending.current = { from: ids, to: next?.id ?? null };
  }

  function accept(ids: string[]) {
    if (ids.length === 0) return;
    after(ids);
    void props.onAccept(ids);
  }
  function ignore(id: string) {
    after([id]);
    props.onIgnore(id);
  }

  function onCardKey(e: KeyboardEvent<HTMLLIElement>, id: string) {
    if (e.target !== e.currentTarget) return;
    const i = flat.findIndex((x) => x.id === id);
    let to: string | undefined;
    if (e.key === 'ArrowDown') to = flat[i + 1]?.id;
    else if (e.key === 'ArrowUp') to = flat[i - 1]?.id;
    else if (e.key === 'Home') to = flat[0]?.id;
    else if (e.key === 'End') to = flat[flat.length - 1]?.id;
    else return;
    e.preventDefault();
    if (to) cards.current.get(to)?.focus();
  }

  const shownAcceptable = acceptable(flat);
  return (
    <div className={styles.col}>
      <div className={styles.filters}>
        <Field label={t('prFilterCategory')} size="small">
          <Select size="small" value={category ?? ''} onChange={(_, d) => setCategory((d.value || null) as Category | null)} data-testid="pr-filter-category">
            <option value="">{t('prFilterAll')}</option>
            {CATEGORY_ORDER.filter((c) => catCounts.has(c)).map((c) => (
              <option key={c} value={c}>
                {`${categoryLabel(t, c)} (${catCounts.get(c)})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('prFilterSource')} size="small">
          <Select size="small" value={source ?? ''} onChange={(_, d) => setSource((d.value || null) as SuggestionSource | null)} data-testid="pr-filter-source">
            <option value="">{t('prFilterAll')}</option>
            {SOURCES.filter((s) => srcCounts.has(s)).map((s) => (
              <option key={s} value={s}>
                {`${t(SOURCE_KEY[s])} (${srcCounts.get(s)})`}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <div ref={summaryRef} tabIndex={-1} data-testid="pr-summary">
          <Text weight="semibold">{t('prSummary', { count: visible.length })}</Text>
        </div>
        {shownAcceptable.length > 0 && (
          <Button size="small" disabled={busy} onClick={() => accept(shownAcceptable)} aria-label={t('prAcceptAllAria', { count: shownAcceptable.length })} data-testid="pr-accept-all">
            {t('prAcceptAll')}
          </Button>
        )}
      </div>
      {visible.length === 0 && items.length > 0 && <Text data-testid="pr-empty-filtered">{t('prEmptyFiltered')}</Text>}
      <ul className={styles.list} aria-label={t('prListLabel')} data-testid="pr-list">
        {groups.map((g) => {
          const label = categoryLabel(t, g.category);
          const ids = acceptable(g.items);
          const headId = `pr-group-${g.category}`;
          return (
            <li key={g.category} className={styles.group} data-testid="pr-group" data-category={g.category}>
              <div className={styles.groupHead}>
                <Text as="h3" weight="semibold" size={300} id={headId} data-testid="pr-group-title">
                  {t('prGroupLabel', { category: label, count: g.items.length })}
                </Text>
                {ids.length > 0 && (
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={busy}
                    onClick={() => accept(ids)}
                    aria-label={t('prAcceptCategoryAria', { category: label, count: ids.length })}
                    data-testid="pr-accept-category"
                  >
                    {t('prAcceptCategory')}
                  </Button>
                )}
              </div>
              <ul className={styles.list} aria-labelledby={headId}>
                {g.items.map((item) => (
                  <SuggestionCard
                    key={item.id}
                    ref={(el) => {
                      if (el) cards.current.set(item.id, el);
                      else cards.current.delete(item.id);
                    }}
                    item={item}
                    busy={busy}
                    onAccept={(id) => accept([id])}
                    onIgnore={ignore}
                    onGoTo={props.onGoTo}
                    onRecheck={props.onRecheck}
                    onKeyDown={onCardKey}
                  />
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
