/** The category and source filters above the suggestion list, each option with its count. */
import { Field, Select } from '@fluentui/react-components';
import { CATEGORY_ORDER, SOURCES, type Category, type SuggestionSource } from '../../core/suggestions';
import { useT } from '../i18n';
import { categoryLabel, SOURCE_KEY } from './labels';

export interface SuggestionFiltersProps {
  className: string;
  category: Category | null;
  source: SuggestionSource | null;
  categoryCounts: ReadonlyMap<Category, number>;
  sourceCounts: ReadonlyMap<SuggestionSource, number>;
  onCategory: (c: Category | null) => void;
  onSource: (s: SuggestionSource | null) => void;
}

export function SuggestionFilters(props: SuggestionFiltersProps) {
  const { t } = useT();
  const { categoryCounts, sourceCounts } = props;
  return (
    <div className={props.className}>
      <Field label={t('prFilterCategory')} size="small">
        <Select
          size="small"
          value={props.category ?? ''}
          onChange={(_, d) => props.onCategory((d.value || null) as Category | null)}
          data-testid="pr-filter-category"
        >
          <option value="">{t('prFilterAll')}</option>
          {CATEGORY_ORDER.filter((c) => categoryCounts.has(c)).map((c) => (
            <option key={c} value={c}>
              {`${categoryLabel(t, c)} (${categoryCounts.get(c)})`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('prFilterSource')} size="small">
        <Select
          size="small"
          value={props.source ?? ''}
          onChange={(_, d) => props.onSource((d.value || null) as SuggestionSource | null)}
          data-testid="pr-filter-source"
        >
          <option value="">{t('prFilterAll')}</option>
          {SOURCES.filter((s) => sourceCounts.has(s)).map((s) => (
            <option key={s} value={s}>
              {`${t(SOURCE_KEY[s])} (${sourceCounts.get(s)})`}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
