import type { DocumentHost } from '../host/DocumentHost';

/** Placeholder until the panel lands. */
export function DraftPanel(_props: { host: DocumentHost }) {
  return null;
}
