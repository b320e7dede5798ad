/**
 * A minimal GGUF v3 writer (metadata + F32 tensors), for the tiny models the real-engine
 * tests feed llama.cpp.
 *
 * Why our own: the npm registry has GGUF *readers* (@huggingface/gguf parses headers of
 * remote files) but no maintained package that writes a GGUF with tensors; the format
 * needed here is small and fully specified (ggml's docs/gguf.md, llama.cpp gguf-py
 * constants): little-endian header `GGUF`, version 3, tensor count (u64), KV count (u64),
 * typed key/values, tensor infos (name, n_dims, dims (ne0 first), ggml type, offset),
 * padding to `general.alignment` (32), then the tensor data, each tensor aligned.
 */

export type GgufValue =
  | { type: 'u32'; value: number }
  | { type: 'i32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'string[]'; value: string[] }
  | { type: 'f32[]'; value: ArrayLike<number> }
  | { type: 'i32[]'; value: ArrayLike<number> };

export interface GgufTensor {
  name: string;
  /** ggml order: ne0 (fastest-varying) first, e.g. token_embd is [n_embd, n_vocab]. */
  dims: number[];
  data: Float32Array;
}

// gguf_type (ggml/include/gguf.h)
const T_U32 = 4;
const T_I32 = 5;
const T_F32 = 6;
const T_BOOL = 7;
const T_STRING = 8;
const T_ARRAY = 9;
// ggml_type
const GGML_TYPE_F32 = 0;
const ALIGNMENT = 32;

/** Growable little-endian byte sink. */
class Sink {
  private buf = Buffer.alloc(1 << 16);
  length = 0;
  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = Buffer.alloc(size);
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  u32(v: number): void {
    this.ensure(4);
    this.buf.writeUInt32LE(v, this.length);
    this.length += 4;
  }
  i32(v: number): void {
    this.ensure(4);
    this.buf.writeInt32LE(v, this.length);
    this.length += 4;
  }
  u64(v: number): void {
    this.ensure(8);
    this.buf.writeBigUInt64LE(BigInt(v), this.length);
    this.length += 8;
  }
  f32(v: number): void {
    this.ensure(4);
    this.buf.writeFloatLE(v, this.length);
    this.length += 4;
  }
  u8(v: number): void {
    this.ensure(1);
    this.buf[this.length++] = v;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.bytes(b);
  }
  pad(to: number): void {
    while (this.length % to !== 0) this.u8(0);
  }
  result(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

function writeValue(s: Sink, v: GgufValue): void {
  switch (v.type) {
    case 'u32':
      s.u32(T_U32);
      s.u32(v.value);
      return;
    case 'i32':
      s.u32(T_I32);
      s.i32(v.value);
      return;
    case 'f32':
      s.u32(T_F32);
      s.f32(v.value);
      return;
    case 'bool':
      s.u32(T_BOOL);
      s.u8(v.value ? 1 : 0);
      return;
    case 'string':
      s.u32(T_STRING);
      s.str(v.value);
      return;
    case 'string[]':
      s.u32(T_ARRAY);
      s.u32(T_STRING);
      s.u64(v.value.length);
      for (const x of v.value) s.str(x);
      return;
    case 'f32[]':
      s.u32(T_ARRAY);
      s.u32(T_F32);
      s.u64(v.value.length);
      for (let i = 0; i < v.value.length; i++) s.f32(v.value[i]!);
      return;
    case 'i32[]':
      s.u32(T_ARRAY);
      s.u32(T_I32);
      s.u64(v.value.length);
      for (let i = 0; i < v.value.length; i++) s.i32(v.value[i]!);
      return;
  }
}

/** The bytes of a GGUF v3 file with these key/values and F32 tensors. */
export function writeGguf(metadata: Record<string, GgufValue>, tensors: GgufTensor[]): Buffer {
  const s = new Sink();
  s.bytes(Buffer.from('GGUF', 'ascii'));
  s.u32(3);
  s.u64(tensors.length);
  const kv = Object.entries(metadata);
  s.u64(kv.length);
  for (const [key, value] of kv) {
    s.str(key);
    writeValue(s, value);
  }
  let offset = 0;
  const offsets: number[] = [];
  for (const t of tensors) {
    const expected = t.dims.reduce((a, b) => a * b, 1);
    if (expected !== t.data.length) throw new Error(`tensor ${t.name}: dims ${t.dims.join('x')} != ${t.data.length} values`);
    s.str(t.name);
    s.u32(t.dims.length);
    for (const d of t.dims) s.u64(d);
    s.u32(GGML_TYPE_F32);
    s.u64(offset);
    offsets.push(offset);
    offset += t.data.byteLength;
    offset = Math.ceil(offset / ALIGNMENT) * ALIGNMENT;
  }
  s.pad(ALIGNMENT);
  const dataStart = s.length;
  tensors.forEach((t, i) => {
    while (s.length < dataStart + offsets[i]!) s.u8(0);
    s.bytes(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  });
  s.pad(ALIGNMENT);
  return s.result();
}
