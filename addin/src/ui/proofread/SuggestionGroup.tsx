/** One category of the suggestion list: its heading with the count, Accept all in it, and its cards. */
import { Button, Text } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import type { CategoryGroup } from '../../core/suggestions';
import { useT } from '../i18n';
import { categoryLabel } from './labels';
import { SuggestionCard } from './SuggestionCard';
import type { ProofItem } from './useProofread';

export interface SuggestionGroupProps {
  group: CategoryGroup<ProofItem>;
  classNames: { group: string; head: string; list: string };
  busy?: boolean;
  onAccept: (ids: string[]) => void;
  onIgnore: (id: string) => void;
  onGoTo: (id: string) => void;
  onRecheck: (id: string) => void;
  onCardKey: (e: KeyboardEvent<HTMLLIElement>, id: string) => void;
  cardRef: (id: string) => (el: HTMLLIElement | null) => void;
}

/** Ids of the cards that can be accepted (not stale). */
export function acceptableIds(list: readonly ProofItem[]): string[] {
  return list.filter((i) => !i.stale).map((i) => i.id);
}

export function SuggestionGroup(props: SuggestionGroupProps) {
  const { t } = useT();
  const { group: g, classNames, busy } = props;
  const label = categoryLabel(t, g.category);
  const ids = acceptableIds(g.items);
  const headId = `pr-group-${g.category}`;
  return (
    <li className={classNames.group} data-testid="pr-group" data-category={g.category}>
      <div className={classNames.head}>
        <Text as="h3" weight="semibold" size={300} id={headId} data-testid="pr-group-title">
          {t('prGroupLabel', { category: label, count: g.items.length })}
        </Text>
        {ids.length > 0 && (
          <Button
            size="small"
            appearance="subtle"
            disabled={busy}
            onClick={() => props.onAccept(ids)}
            aria-label={t('prAcceptCategoryAria', { category: label, count: ids.length })}
            data-testid="pr-accept-category"
          >
            {t('prAcceptCategory')}
          </Button>
        )}
      </div>
      <ul className={classNames.list} aria-labelledby={headId}>
        {g.items.map((item) => (
          <SuggestionCard
            key={item.id}
            ref={props.cardRef(item.id)}
            item={item}
            busy={busy}
            onAccept={(id) => props.onAccept([id])}
            onIgnore={props.onIgnore}
            onGoTo={props.onGoTo}
            onRecheck={props.onRecheck}
            onKeyDown={props.onCardKey}
          />
        ))}
      </ul>
    </li>
  );
}
