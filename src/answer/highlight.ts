import { analyzeTerms, wordSpans } from "../text/index.js";

/**
 * The character ranges of `text` whose words analyse to one of `terms` — the words that made a
 * passage match, to be shown in bold. Works on the original text, so offsets stay true to it.
 */
export function highlightsOf(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0) return [];
  const wanted = new Set(terms);
  return wordSpans(text)
    .filter((span) => analyzeTerms(span.word).some((term) => wanted.has(term)))
    .map((span) => [span.start, span.end]);
}
