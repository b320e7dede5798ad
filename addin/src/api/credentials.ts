/**
 * The API key for the relay, kept in memory for this session only: never written to
 * localStorage, document settings or anywhere else. Requests get it as
 * `Authorization: Bearer …` through api/client's credential provider.
 */
import { setCredentialProvider } from './client';

let apiKey = '';
const listeners = new Set<() => void>();

export function getApiKey(): string {
  return apiKey;
}

export function setApiKey(key: string): void {
  apiKey = key.trim();
  for (const l of listeners) l();
}

export function onApiKeyChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Headers for a request (empty without a key). */
export async function credentialHeaders(): Promise<Record<string, string>> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

setCredentialProvider(credentialHeaders);
