import { foldKazakh } from "./fold.js";

/**
 * A cue word list as a test of a folded word: entries are exact words, or stems when they end in
 * "*" ("пересказ*"); Kazakh letters folded on both sides, so "қысқаша" matches "кыскаша". Cue
 * lists are data (the stage's *-cues.json files); this is how they are read.
 */
export function cueMatcher(words: readonly string[]): (word: string) => boolean {
  const exact = new Set(words.filter((w) => !w.endsWith("*")).map(foldKazakh));
  const stems = words.filter((w) => w.endsWith("*")).map((w) => foldKazakh(w.slice(0, -1)));
  return (word) => exact.has(word) || stems.some((stem) => word.startsWith(stem));
}
