/** String keys for categories, sources and document types. */
import { PACK_IDS } from '../../../../kernel/contract/enums';
import type { DocType } from '../../settings/store';
import type { StringKey } from '../../i18n/strings';
import type { Category, SuggestionSource } from '../../core/suggestions';

export const CATEGORY_KEY: Record<Category, StringKey> = {
  spelling: 'catSpelling',
  spacing: 'catSpacing',
  grammar: 'catGrammar',
  punctuation: 'catPunctuation',
  numbers: 'catNumbers',
  style: 'catStyle',
  official: 'catOfficial',
  patent: 'catPatent',
  contract: 'catContract',
};

export const SOURCE_KEY: Record<SuggestionSource, StringKey> = {
  rule: 'srcRule',
  dictionary: 'srcDictionary',
  model: 'srcModel',
};

/** The document types the pickers offer: the kernel's packs, in its order. */
export const DOC_TYPES: readonly DocType[] = PACK_IDS;

export const DOC_TYPE_KEY: Record<DocType, StringKey> = {
  general: 'docGeneral',
  official: 'docOfficial',
  patent: 'docPatent',
  contract: 'docContract',
};

/** Label of a category the pane may not know (newer relay): the raw name. */
export function categoryLabel(t: (k: StringKey) => string, c: string): string {
  const k = (CATEGORY_KEY as Record<string, StringKey | undefined>)[c];
  return k ? t(k) : c;
}
