/**
 * The workbench's two relay calls (the wire contract in docs/API.md, "Documents"):
 * POST /api/document/parse (the file's bytes → its paragraphs) and
 * POST /api/document/apply (original bytes + accepted edits → the patched file).
 * Both go through the pane's API client (same origin, credentials, auth retry,
 * Retry-After); the relay keeps nothing between the two.
 */
import { postBytes, postJson } from '../api/client';
import type { ApplyRequest, ApplyResponse, DocumentFormat, ParsedDocument } from '../../../kernel/contract/documents';

export type { ApplyRequest, ApplyResponse, FileEdit, FileNote, FileParagraph, ParsedDocument } from '../../../kernel/contract/documents';
export type FileFormat = DocumentFormat;

/** Extensions the workbench opens (the `accept` of the file picker). */
export const OPENABLE_EXTENSIONS = ['.hwpx', '.hwp', '.docx', '.txt', '.md'] as const satisfies ReadonlyArray<`.${DocumentFormat}`>;

/** True for a name the workbench can open (by extension; the relay confirms by magic bytes). */
export function isOpenable(name: string): boolean {
  const lower = name.toLowerCase();
  return OPENABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function parseDocument(name: string, bytes: ArrayBuffer, signal?: AbortSignal): Promise<ParsedDocument> {
  return postBytes<ParsedDocument>('/api/document/parse', bytes, { 'x-sseugi-filename': encodeURIComponent(name) }, signal);
}

export function applyToDocument(req: ApplyRequest, signal?: AbortSignal): Promise<ApplyResponse> {
  return postJson<ApplyResponse>('/api/document/apply', req, signal);
}

/** base64 of bytes, in slices (String.fromCharCode on a whole large file overflows the stack). */
export function toBase64(bytes: ArrayBuffer): string {
  const u8 = new Uint8Array(bytes);
  let binary = '';
  const SLICE = 0x8000;
  for (let i = 0; i < u8.length; i += SLICE) binary += String.fromCharCode(...u8.subarray(i, i + SLICE));
  return btoa(binary);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
