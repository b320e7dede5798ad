/**
 * Reading and patching ZIP containers (HWPX, DOCX) so that every entry we do not change
 * stays byte-identical — local header, compressed bytes and all.
 *
 * Why our own code: kordoc's ZIP patcher (patchZipEntries) is internal, not exported, and
 * JSZip's generateAsync re-compresses every entry, deflates HWPX's `mimetype` (which must
 * stay STORED and first) and adds folder entries. Reading the central directory and
 * copying unchanged records verbatim is the least code that keeps the promise. ZIP64 and
 * multi-disk archives are refused (no HWPX/DOCX written by 한글 or Word needs them at
 * the sizes the relay accepts). Format reference: PKWARE APPNOTE.TXT §4.3.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { DocumentError } from './errors';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

/** Largest total of uncompressed entry sizes we inflate (guards against ZIP bombs). */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** The central-directory record as it was. */
  centralRecord: Uint8Array;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  centralOffset: number;
  comment: Uint8Array;
}

function corrupt(): never {
  throw new DocumentError('FILE_CORRUPT');
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function readZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) corrupt();
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  const commentLength = view.getUint16(end + 20, true);
  if (view.getUint16(end + 4, true) !== 0 || count === 0xffff || cdOffset === 0xffffffff) corrupt();
  if (cdOffset + cdSize > end) corrupt();
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== SIG_CENTRAL) corrupt();
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const entryCommentLength = view.getUint16(p + 32, true);
    const recordLength = 46 + nameLength + extraLength + entryCommentLength;
    const entry: ZipEntry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      centralRecord: bytes.slice(p, p + recordLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) corrupt();
    if (entry.localOffset + 30 > cdOffset) corrupt();
    total += entry.uncompressedSize;
    entries.push(entry);
    p += recordLength;
  }
  if (total > MAX_UNCOMPRESSED_BYTES) throw new DocumentError('FILE_TOO_LARGE');
  return { bytes, entries, centralOffset: cdOffset, comment: bytes.slice(end + 22, end + 22 + commentLength) };
}

export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.entries.find((e) => e.name === name);
}

/** The uncompressed bytes of one entry (stored or deflated; encrypted entries are refused). */
export function entryBytes(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  if (entry.flags & 0x1) throw new DocumentError('FILE_ENCRYPTED');
  const view = new DataView(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength);
  const p = entry.localOffset;
  if (view.getUint32(p, true) !== SIG_LOCAL) corrupt();
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const data = zip.bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) corrupt();
  try {
    if (entry.method === 0) return data;
    if (entry.method === 8) return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) }));
  } catch {
    corrupt();
  }
  throw new DocumentError('UNSUPPORTED_FORMAT');
}

export function entryText(zip: ZipArchive, name: string): string | undefined {
  const entry = findEntry(zip, name);
  if (!entry) return undefined;
  return new TextDecoder('utf-8').decode(entryBytes(zip, entry));
}

/**
 * A new archive: entries named in `replacements` get new content (same compression method,
 * same name and time); `additions` are appended; every other entry's local record is copied
 * byte for byte.
 */
// Over 80 lines on purpose: one pass writing local records and the central directory in step,
// sharing the running offset; splitting it would pass that state around.
export function patchZip(
  zip: ZipArchive,
  replacements: ReadonlyMap<string, Uint8Array>,
  additions: ReadonlyMap<string, Uint8Array> = new Map(),
): Uint8Array {
  const src = zip.bytes;
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const byOffset = [...zip.entries].sort((a, b) => a.localOffset - b.localOffset);
  const localEnd = new Map<ZipEntry, number>();
  byOffset.forEach((e, i) => localEnd.set(e, i + 1 < byOffset.length ? byOffset[i + 1]!.localOffset : zip.centralOffset));
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const encoder = new TextEncoder();

  const writeNew = (
    nameBytes: Uint8Array,
    content: Uint8Array,
    method: number,
    time: number,
    date: number,
    flags: number,
    oldCentral?: Uint8Array,
  ) => {
    const data = method === 0 ? content : new Uint8Array(deflateRawSync(content));
    const crc = crc32(content) >>> 0;
    const header = new Uint8Array(30 + nameBytes.length);
    const h = new DataView(header.buffer);
    h.setUint32(0, SIG_LOCAL, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, flags, true);
    h.setUint16(8, method, true);
    h.setUint16(10, time, true);
    h.setUint16(12, date, true);
    h.setUint32(14, crc, true);
    h.setUint32(18, data.length, true);
    h.setUint32(22, content.length, true);
    h.setUint16(26, nameBytes.length, true);
    h.setUint16(28, 0, true);
    header.set(nameBytes, 30);
    let record: Uint8Array;
    if (oldCentral) {
      record = oldCentral.slice();
    } else {
      record = new Uint8Array(46 + nameBytes.length);
      const r = new DataView(record.buffer);
      r.setUint32(0, SIG_CENTRAL, true);
      r.setUint16(4, 20, true);
      r.setUint16(6, 20, true);
      r.setUint16(12, time, true);
      r.setUint16(14, date, true);
      r.setUint16(28, nameBytes.length, true);
      record.set(nameBytes, 46);
    }
    const r = new DataView(record.buffer);
    r.setUint16(8, flags, true);
    r.setUint16(10, method, true);
    r.setUint32(16, crc, true);
    r.setUint32(20, data.length, true);
    r.setUint32(24, content.length, true);
    r.setUint32(42, offset, true);
    parts.push(header, data);
    central.push(record);
    offset += header.length + data.length;
  };

  for (const entry of byOffset) {
    const replacement = replacements.get(entry.name);
    if (replacement) {
      const p = entry.localOffset;
      const nameBytes = src.slice(p + 30, p + 30 + view.getUint16(p + 26, true));
      // Bit 3 (sizes in a trailing data descriptor) is cleared: we write the sizes up front.
      writeNew(
        nameBytes,
        replacement,
        entry.method === 0 ? 0 : 8,
        view.getUint16(p + 10, true),
        view.getUint16(p + 12, true),
        entry.flags & ~0x8,
        entry.centralRecord,
      );
    } else {
      const chunk = src.subarray(entry.localOffset, localEnd.get(entry));
      const record = entry.centralRecord.slice();
      new DataView(record.buffer).setUint32(42, offset, true);
      parts.push(chunk);
      central.push(record);
      offset += chunk.length;
    }
  }
  const now = dosTime(new Date());
  for (const [name, content] of additions) writeNew(encoder.encode(name), content, 8, now.time, now.date, 0x800);

  const cdStart = offset;
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22 + zip.comment.length);
  const e = new DataView(end.buffer);
  e.setUint32(0, SIG_END, true);
  e.setUint16(8, central.length, true);
  e.setUint16(10, central.length, true);
  e.setUint32(12, cdSize, true);
  e.setUint32(16, cdStart, true);
  e.setUint16(20, zip.comment.length, true);
  end.set(zip.comment, 22);
  const out = new Uint8Array(offset + cdSize + end.length);
  let q = 0;
  for (const part of [...parts, ...central, end]) {
    out.set(part, q);
    q += part.length;
  }
  return out;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}
