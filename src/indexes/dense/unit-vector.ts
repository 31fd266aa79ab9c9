/**
 * A vector scaled to length 1, as a Float32Array. The HNSW index uses cosine space, but the
 * similarity floors compare raw cosines, so every backend hands out unit vectors (servers differ
 * in whether they normalize).
 */
export function unitVector(values: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(values as ArrayLike<number>);
  const norm = Math.hypot(...out);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / norm;
  return out;
}
