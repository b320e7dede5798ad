import type { DocumentHost } from '../../host/DocumentHost';
import type { Health } from '../RelayStatus';

/** Placeholder until the panel lands. */
export function SettingsPanel(_props: { host: DocumentHost; health: Health | null }) {
  return null;
}
