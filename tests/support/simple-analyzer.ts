import type { TermAnalyzer } from "../../src/indexes/index.js";

/** A plain lower-case word analyzer: lets index tests run independent of Kazakh morphology. */
export function simpleAnalyzer(version = "simple-1"): TermAnalyzer {
  const terms = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return { version, documentTerms: terms, queryConcepts: (text) => terms(text).map((term) => [term]) };
}
