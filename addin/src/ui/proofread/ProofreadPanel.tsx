import type { DocumentHost } from '../../host/DocumentHost';

/** Placeholder until the panel lands. */
export function ProofreadPanel(_props: { host: DocumentHost }) {
  return null;
}
