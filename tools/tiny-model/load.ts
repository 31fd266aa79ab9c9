import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Embedder, loadEmbedder } from "../../src/indexes/index.js";
import { readCorpusTexts } from "./cli.js";
import { generateTinyModel } from "./generate.js";

/**
 * Generates the bag-of-words test model over the given corpus folders (so none of their words is
 * unknown to it) in a temporary folder, and loads it through the product's own loader with
 * remote loading off. What `npm run eval -- --model tiny` and `npm run bench` measure the dense
 * leg's plumbing with when no real model can be had.
 */
export async function loadTinyModel(corpusDirs: readonly string[], dimensions = 128): Promise<Embedder> {
  const root = mkdtempSync(join(tmpdir(), "tiny-model-"));
  const texts = (await Promise.all(corpusDirs.map((dir) => readCorpusTexts(dir)))).flat();
  await generateTinyModel(join(root, "test", "tiny-bag-of-words"), { texts, dimensions });
  return loadEmbedder({ model: "test/tiny-bag-of-words", modelDir: root, offline: true });
}
