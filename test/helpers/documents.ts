/** Shared by the document tests: ZIP record access, building fixtures, the real files. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { entryText, patchZip, readZip, type ZipArchive, type ZipEntry } from '../../server/documents/zip';

export const HWPX_DIR = path.resolve(__dirname, '../../../shared/data/hwpx');
export const hwpxFiles = (): string[] =>
  readdirSync(HWPX_DIR)
    .filter((f) => f.endsWith('.hwpx'))
    .sort();
export const readHwpx = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(HWPX_DIR, name)));

/** An entry's local record as stored: header, name, extra field and compressed bytes. */
export function rawRecord(zip: ZipArchive, e: ZipEntry): Buffer {
  const v = new DataView(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength);
  const headerLength = 30 + v.getUint16(e.localOffset + 26, true) + v.getUint16(e.localOffset + 28, true);
  return Buffer.from(zip.bytes.subarray(e.localOffset + 6, e.localOffset + headerLength + e.compressedSize)); // from offset 6: flags, method, time, crc, sizes, name, data
}

/** Names of entries whose stored record differs between two archives (plus added/removed). */
export function changedEntries(before: Uint8Array, after: Uint8Array): string[] {
  const a = readZip(before);
  const b = readZip(after);
  const names = new Set([...a.entries, ...b.entries].map((e) => e.name));
  const out: string[] = [];
  for (const n of names) {
    const ea = a.entries.find((e) => e.name === n);
    const eb = b.entries.find((e) => e.name === n);
    if (!ea || !eb || !rawRecord(a, ea).equals(rawRecord(b, eb))) out.push(n);
  }
  return out.sort();
}

/** A copy of `bytes` with entry `name` replaced. */
export function withEntry(bytes: Uint8Array, name: string, content: string): Uint8Array {
  return patchZip(readZip(bytes), new Map([[name, new TextEncoder().encode(content)]]));
}

/** A new ZIP holding `entries` in order (the first one STORED is not needed for DOCX). */
export function buildZip(entries: Record<string, string>): Uint8Array {
  const empty = new Uint8Array(22);
  new DataView(empty.buffer).setUint32(0, 0x06054b50, true);
  const enc = new TextEncoder();
  return patchZip(readZip(empty), new Map(), new Map(Object.entries(entries).map(([k, v]) => [k, enc.encode(v)])));
}

export function textOf(bytes: Uint8Array, name: string): string {
  return entryText(readZip(bytes), name) ?? '';
}
