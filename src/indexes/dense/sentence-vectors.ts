import { type Passage, sentencesOf } from "../../passages/index.js";

/**
 * Each passage's sentences' vectors: read off the passage's forward pass with the in-process
 * model, embedded one by one with a server (see corpus-vectors.ts). A question about one fact
 * is nearer the sentence that states it than a passage that also says five other things, so the
 * dense leg ranks a passage by its own vector and its best sentence's together (measured with
 * multilingual-e5-small, sentences embedded apart: the dense leg alone finds the right passage
 * first for 69 of 147 blind questions this way, 61 with passage vectors alone; 34 against 27 of
 * 84 on another set).
 */
export interface SentenceVectors {
  readonly vectors: readonly Float32Array[];
  /** Per passage id: the index of its first sentence vector and how many it has (0: none). */
  readonly ofPassage: readonly (readonly [number, number])[];
}

/** Sentences shorter than this (headings, "Бірінші") are left to the passage vector. */
const MIN_SENTENCE_CHARS = 20;

/** The sentences of each passage worth a vector of their own: none when the passage is one sentence. */
export function passageSentences(passages: readonly Passage[]): string[][] {
  return passageSentenceSpans(passages).map((sentences) => sentences.map((s) => s.text));
}

/** {@link passageSentences} with each sentence's offset in its passage. */
export function passageSentenceSpans(passages: readonly Passage[]): { text: string; start: number }[][] {
  return passages.map((passage) => {
    const sentences = sentencesOf(passage.text).filter((s) => s.text.length >= MIN_SENTENCE_CHARS);
    return sentences.length > 1 ? sentences : [];
  });
}

/** Groups flat sentence vectors back by passage (`counts` from {@link passageSentences}). */
export function sentenceVectors(
  vectors: readonly Float32Array[],
  counts: readonly number[],
): SentenceVectors {
  let next = 0;
  const ofPassage = counts.map((count): [number, number] => {
    const range: [number, number] = [next, count];
    next += count;
    return range;
  });
  return { vectors, ofPassage };
}

/**
 * The dense leg's score of a passage for a query vector: the mean of its own similarity and its
 * best sentence's; its own alone when it has no sentence vectors.
 */
export function passageScore(
  similarity: number,
  passage: number,
  query: Float32Array,
  sentences: SentenceVectors,
): number {
  const [first, count] = sentences.ofPassage[passage] ?? [0, 0];
  if (count === 0) return similarity;
  let best = -1;
  for (let i = first; i < first + count; i++) {
    const vector = sentences.vectors[i] as Float32Array;
    let dot = 0;
    for (let d = 0; d < vector.length; d++) dot += (vector[d] as number) * (query[d] as number);
    best = Math.max(best, dot);
  }
  return (similarity + best) / 2;
}
