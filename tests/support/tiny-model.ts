import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCorpusTexts } from "../../tools/tiny-model/cli.js";
import { generateTinyModel } from "../../tools/tiny-model/generate.js";

/** The id under which tests generate the tiny model; "test/" selects its model profile. */
export const TINY_MODEL_ID = "test/tiny-bag-of-words";

/**
 * Generates the tiny bag-of-words model from the project's corpus into a fresh model folder and
 * returns that folder (the `MODEL_DIR` to point the product at). 128 dimensions keep rankings
 * stable (at 32, random vectors of unrelated words collide too often).
 */
export async function tinyModelDir(corpusDir = "corpus"): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "tiny-models-"));
  await generateTinyModel(join(root, ...TINY_MODEL_ID.split("/")), {
    texts: await readCorpusTexts(corpusDir),
    dimensions: 128,
  });
  return root;
}
