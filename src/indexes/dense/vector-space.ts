import type { Embedder } from "./embedder.js";

/**
 * Whether saved vectors can be searched with an embedder's query vectors: same model, same
 * backend, same width. Anything else is a different space, and mixing them would rank by noise.
 */
export function sameVectorSpace(
  leg: { readonly model: string; readonly backend: string; readonly index: { readonly dimensions: number } },
  embedder: Pick<Embedder, "modelId" | "backend" | "dimensions">,
): boolean {
  return (
    leg.model === embedder.modelId &&
    leg.backend === embedder.backend &&
    leg.index.dimensions === embedder.dimensions
  );
}
