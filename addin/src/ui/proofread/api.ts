/** JSON POSTs the proofread pane needs besides the stream (POST /api/doctype). */
import { RelayError } from '../../api/client';
import { credentialHeaders } from '../../api/credentials';
import type { DocType } from '../../settings/store';

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await credentialHeaders()) },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new RelayError('NETWORK', 0, 'The relay cannot be reached.');
  }
  if (!res.ok) {
    let code = 'INTERNAL';
    try {
      code = ((await res.json()) as { code?: string }).code ?? code;
    } catch {
      /* not JSON */
    }
    throw new RelayError(code, res.status, `HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

export async function suggestDocType(paragraphs: string[], signal?: AbortSignal): Promise<DocType> {
  const r = await postJson<{ docType: DocType }>('/api/doctype', { paragraphs }, signal);
  return r.docType;
}
