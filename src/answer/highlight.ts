import type { TermAnalyzer } from "../indexes/index.js";
import { detectLanguage, wordSpans } from "../text/index.js";

interface AnalysedSpan {
  readonly start: number;
  readonly end: number;
  readonly terms: readonly string[];
}

/**
 * Finds the words of a passage that made it match — to be shown in bold. Each passage's words
 * are analysed once (with the passage's language, as the index analysed them) and remembered,
 * so highlighting costs a set lookup per word, not a stemmer run, on every answer.
 */
export class Highlighter {
  private readonly cache = new Map<string, readonly AnalysedSpan[]>();

  constructor(
    private readonly analyzer: TermAnalyzer,
    private readonly maxCached = 10_000,
  ) {}

  /** Character ranges of `text` whose words analyse to one of `terms`, in order. */
  highlights(text: string, terms: readonly string[]): [number, number][] {
    if (terms.length === 0) return [];
    const wanted = new Set(terms);
    return this.spansOf(text)
      .filter((span) => span.terms.some((term) => wanted.has(term)))
      .map((span) => [span.start, span.end]);
  }

  private spansOf(text: string): readonly AnalysedSpan[] {
    let spans = this.cache.get(text);
    if (spans === undefined) {
      const language = detectLanguage(text) ?? undefined;
      spans = wordSpans(text).map((span) => ({
        start: span.start,
        end: span.end,
        terms: this.analyzer.queryConcepts(span.word, language).flat(),
      }));
      if (this.cache.size >= this.maxCached) this.cache.clear();
      this.cache.set(text, spans);
    }
    return spans;
  }
}
