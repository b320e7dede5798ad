/** Which insert buttons a result shows, and in what order. */
import type { InsertMode } from '../../host/DocumentHost';
import type { StringKey } from '../../i18n/strings';

export const MODE_LABEL: Record<InsertMode, StringKey> = {
  below: 'insertBelow',
  replace: 'replaceSelection',
  cursor: 'insertAtCursor',
  comment: 'insertAsComment',
};
const MODE_ORDER: InsertMode[] = ['below', 'replace', 'cursor', 'comment'];

/**
 * The primary mode first, then the others in their usual order. "Replace selection" only
 * when something is selected; a wanted primary 'replace' without a selection becomes 'below'.
 */
export function insertModes(primaryWanted: InsertMode, hasSelection: boolean): { primary: InsertMode; modes: InsertMode[] } {
  const primary = primaryWanted === 'replace' && !hasSelection ? 'below' : primaryWanted;
  const modes = [primary, ...MODE_ORDER.filter((m) => m !== primary)].filter((m) => m !== 'replace' || hasSelection);
  return { primary, modes };
}
