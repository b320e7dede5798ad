/** The proofread pane's JSON call besides the stream (POST /api/doctype), through the pane's one API client. */
import { postJson } from '../../api/client';
import type { DocType } from '../../settings/store';

export async function suggestDocType(paragraphs: string[], signal?: AbortSignal): Promise<DocType> {
  const r = await postJson<{ docType: DocType }>('/api/doctype', { paragraphs }, signal);
  return r.docType;
}
