/**
 * One opened file on the workbench: its original bytes (kept in the page's memory
 * only), what the relay parsed, the ledger of accepted edits and the FileHost the pane
 * works through. Saving sends bytes + ledger to the relay and downloads its answer.
 * Loaded as its own chunk when the first file is opened.
 */
import { FileHost } from '../host/FileHost';
import type { ApplyMode } from '../host/DocumentHost';
import { applyToDocument, fromBase64, parseDocument, toBase64, type ApplyResponse, type ParsedDocument } from './api';
import { EditLedger } from './ledger';

export interface FileSession {
  name: string;
  parsed: ParsedDocument;
  host: FileHost;
  ledger: EditLedger;
  /** Patches the original bytes with what was accepted and downloads the result. */
  save(mode: ApplyMode, author?: string): Promise<ApplyResponse>;
  close(): void;
}

const MIME: Record<string, string> = {
  hwpx: 'application/hwp+zip',
  hwp: 'application/x-hwp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
};

/** Hands the bytes to the browser as a download named `filename`. */
export function download(bytes: Uint8Array<ArrayBuffer>, filename: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function openFileSession(name: string, bytes: ArrayBuffer, view: HTMLElement, signal?: AbortSignal): Promise<FileSession> {
  const parsed = await parseDocument(name, bytes, signal);
  const ledger = new EditLedger(parsed.paragraphs);
  const host = new FileHost(view, parsed.paragraphs, ledger);
  const original = toBase64(bytes);
  return {
    name,
    parsed,
    host,
    ledger,
    async save(mode, author) {
      const { edits, notes } = ledger.toRequest();
      const res = await applyToDocument({ filename: name, file: original, mode, ...(author ? { author } : {}), edits, notes });
      download(fromBase64(res.file), res.filename, MIME[parsed.format] ?? 'application/octet-stream');
      return res;
    },
    close() {
      host.dispose();
      view.replaceChildren();
    },
  };
}
