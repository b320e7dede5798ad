/** One suggestion: original → replacement with the change highlighted, message, citation, actions. */
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { forwardRef, memo, type KeyboardEvent } from 'react';
import { diffHighlight, wordAround, type DiffPart } from '../../core/suggestions';
import { useT } from '../i18n';
import { categoryLabel, SOURCE_KEY } from './labels';
import type { ProofItem } from './useProofread';

const useStyles = makeStyles({
  card: {
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
    ':focus-visible': {
      outlineWidth: '2px',
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: '1px',
    },
  },
  stale: {
    borderTopStyle: 'dashed',
    borderBottomStyle: 'dashed',
    borderLeftStyle: 'dashed',
    borderRightStyle: 'dashed',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  diff: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, wordBreak: 'keep-all', overflowWrap: 'anywhere' },
  contextMark: { textDecorationLine: 'underline', textDecorationStyle: 'wavy', textDecorationColor: tokens.colorPaletteRedBorder2 },
  removed: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
    textDecorationLine: 'line-through',
    borderRadius: tokens.borderRadiusSmall,
  },
  added: {
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorPaletteGreenForeground2,
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusSmall,
  },
  arrow: { color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalXS}` },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  staleNote: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Whitespace-only changes get a visible mark. */
function show(part: DiffPart): string {
  return part.kind !== 'same' && part.text.trim() === '' ? part.text.replace(/ /g, '␣') : part.text;
}

function Parts({ parts, cls }: { parts: DiffPart[]; cls: string }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : (
          <span key={i} className={cls} data-diff={p.kind}>
            {show(p)}
          </span>
        ),
      )}
    </>
  );
}

export interface SuggestionCardProps {
  item: ProofItem;
  onAccept: (id: string) => void;
  onIgnore: (id: string) => void;
  onGoTo: (id: string) => void;
  onRecheck: (id: string) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLLIElement>, id: string) => void;
  busy?: boolean;
}

export const SuggestionCard = memo(
  forwardRef<HTMLLIElement, SuggestionCardProps>(function SuggestionCard(props, ref) {
    const { item, busy } = props;
    const { t, lang } = useT();
    const styles = useStyles();
    const message = lang === 'en' ? item.messageEn || item.message : item.message;
    const category = categoryLabel(t, item.category);
    const isComment = item.replacement === null;
    // The whole word around the change, for rule and model suggestions alike.
    const { lead, trail } = wordAround(item.context);
    const hl = diffHighlight(lead + item.original + trail, lead + (item.replacement ?? item.original) + trail);
    const replacement = item.replacement ?? '';
    const shownAfter = lead + replacement + trail;
    const label = isComment
      ? t('prCardCommentAria', { category, original: item.original, message })
      : t('prCardAria', { category, original: item.original, replacement: replacement || '∅', message });
    return (
      <li
        ref={ref}
        tabIndex={0}
        className={mergeClasses(styles.card, item.stale && styles.stale)}
        aria-label={label}
        data-testid="pr-card"
        data-id={item.id}
        data-category={item.category}
        data-source={item.source}
        data-stale={item.stale ? 'true' : undefined}
        onKeyDown={(e) => props.onKeyDown?.(e, item.id)}
      >
        <div className={styles.head}>
          <Badge
            appearance="tint"
            color={item.source === 'model' ? 'brand' : item.source === 'dictionary' ? 'informative' : 'success'}
            data-testid="pr-source"
          >
            {t(SOURCE_KEY[item.source] ?? 'srcRule')}
          </Badge>
          <Text size={200} className={styles.muted}>
            {category}
          </Text>
        </div>
        <div className={styles.diff} aria-hidden="true" data-testid="pr-diff">
          <Parts parts={hl.before} cls={styles.removed} />
          {!isComment && (
            <>
              <span className={styles.arrow}>→</span>
              {shownAfter ? <Parts parts={hl.after} cls={styles.added} /> : <span className={styles.added}>∅</span>}
            </>
          )}
        </div>
        {item.context && (item.context.before || item.context.after) && (
          <Text size={200} className={styles.muted} data-testid="pr-context">
            {item.context.before}
            <span className={styles.contextMark}>{item.original}</span>
            {item.context.after}
          </Text>
        )}
        <Text size={300} data-testid="pr-message">
          {message}
        </Text>
        {isComment && (
          <Text size={200} className={styles.muted}>
            {t('prNoFix')}
          </Text>
        )}
        {item.rule && (
          <Text size={200} className={styles.muted} data-testid="pr-rule">
            {t('prCitation', { rule: item.rule })}
          </Text>
        )}
        {item.stale && (
          <Text size={200} weight="semibold" className={styles.staleNote} data-testid="pr-stale" role="note">
            {t('prStale')}
          </Text>
        )}
        <CardActions item={item} busy={busy} className={styles.actions} replacement={replacement} handlers={props} />
      </li>
    );
  }),
);

/** Accept (or Add comment) / Re-check for a stale card, Ignore and Go to. */
function CardActions({
  item,
  busy,
  className,
  replacement,
  handlers,
}: {
  item: ProofItem;
  busy?: boolean;
  className: string;
  replacement: string;
  handlers: Pick<SuggestionCardProps, 'onAccept' | 'onIgnore' | 'onGoTo' | 'onRecheck'>;
}) {
  const { t } = useT();
  const isComment = item.replacement === null;
  return (
    <div className={className}>
      {item.stale ? (
        <Button
          size="small"
          appearance="primary"
          disabled={busy}
          onClick={() => handlers.onRecheck(item.id)}
          aria-label={t('prRecheckAria', { original: item.original })}
          data-testid="pr-recheck"
        >
          {t('prRecheck')}
        </Button>
      ) : (
        <Button
          size="small"
          appearance="primary"
          disabled={busy}
          onClick={() => handlers.onAccept(item.id)}
          aria-label={
            isComment
              ? t('prCommentAria', { original: item.original })
              : t('prAcceptAria', { original: item.original, replacement: replacement || '∅' })
          }
          data-testid="pr-accept"
        >
          {isComment ? t('prAddComment') : t('prAccept')}
        </Button>
      )}
      <Button
        size="small"
        disabled={busy}
        onClick={() => handlers.onIgnore(item.id)}
        aria-label={t('prIgnoreAria', { original: item.original })}
        data-testid="pr-ignore"
      >
        {t('prIgnore')}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        onClick={() => handlers.onGoTo(item.id)}
        aria-label={t('prGoToAria', { original: item.original })}
        data-testid="pr-goto"
      >
        {t('prGoTo')}
      </Button>
    </div>
  );
}
