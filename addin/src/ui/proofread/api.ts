/** The proofread pane's JSON call besides the stream (POST /api/doctype), through the pane's one API client. */
import * as z from 'zod/mini';
import { RelayError, postJson } from '../../api/client';
import { doctypeResponseSchema } from '../../../../kernel/contract/requests';
import type { DocType } from '../../settings/store';

/** The relay's suggested document type; rejects (never returns an unknown type) when the answer does not match the contract. */
export async function suggestDocType(paragraphs: string[], signal?: AbortSignal): Promise<DocType> {
  const answer = z.safeParse(doctypeResponseSchema, await postJson<unknown>('/api/doctype', { paragraphs }, signal));
  if (!answer.success) throw new RelayError('BAD_RESPONSE', 200, '/api/doctype: the answer does not match the contract');
  return answer.data.docType;
}
