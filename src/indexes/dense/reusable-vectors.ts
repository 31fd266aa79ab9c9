import type { Passage } from "../../passages/index.js";
import type { DenseLeg } from "../types.js";
import { passageSentences } from "./sentence-vectors.js";

/**
 * Vectors an earlier index already holds, by the exact text they embed (a passage, or a sentence
 * of one). A rebuild with the same model embeds only the texts that are new: one document added to
 * a corpus of hundreds costs that document, not the corpus (the model is most of a rebuild's time).
 */
export type ReusableVectors = ReadonlyMap<string, Float32Array>;

/** The texts and vectors of an index's dense leg: its passages' and their sentences'. */
export function reusableVectors(passages: readonly Passage[], dense: DenseLeg): ReusableVectors {
  const vectors = new Map<string, Float32Array>();
  passages.forEach((passage, id) => {
    vectors.set(passage.text, dense.index.vector(id));
  });
  passageSentences(passages).forEach((sentences, id) => {
    const [first] = dense.sentences.ofPassage[id] ?? [0, 0];
    sentences.forEach((sentence, j) => {
      const vector = dense.sentences.vectors[first + j];
      if (vector) vectors.set(sentence, vector);
    });
  });
  return vectors;
}
