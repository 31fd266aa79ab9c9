import type { Retrieval } from "./types.js";

/**
 * How many of the question's concepts the corpus has (`knows` one of their terms), and which
 * share of them (verbs weigh half, as in the evidence): what the answer stage reads to tell "not
 * in the article" apart.
 */
export function conceptsKnown(
  concepts: readonly (readonly string[])[],
  weights: readonly number[],
  knows: (term: string) => boolean,
): Pick<Retrieval, "knownConcepts" | "knownShare"> {
  let known = 0;
  let knownWeight = 0;
  let total = 0;
  concepts.forEach((concept, i) => {
    const weight = weights[i] ?? 1;
    total += weight;
    if (concept.some(knows)) {
      known += 1;
      knownWeight += weight;
    }
  });
  return { knownConcepts: known, knownShare: total === 0 ? 0 : knownWeight / total };
}
