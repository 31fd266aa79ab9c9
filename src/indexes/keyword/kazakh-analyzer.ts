import {
  type AnalyzerOptions,
  analyzeTerms,
  detectLanguage,
  queryTermVariants,
  tokenizeWords,
  withoutQuestionPhrases,
} from "../../text/index.js";
import type { TermAnalyzer } from "./keyword-index.js";

/**
 * Bump when the text stage's analysis changes in a way that changes terms (a stemmer rule, a
 * stopword): saved keyword indexes then rebuild instead of silently missing words.
 */
export const ANALYZER_REVISION = 6;

/**
 * The keyword leg's analyzer: the text stage's Kazakh-aware analysis (normalise, stopwords for
 * kk/ru/en, Kazakh suffix stemming, Latin names transliterated) on both sides of the index.
 */
export function kazakhAnalyzer(options: AnalyzerOptions = {}): TermAnalyzer {
  const version = `text-r${ANALYZER_REVISION}:${options.stemmer ?? "kazakh"}:${options.minStemLength ?? "default"}:${options.stopwords ?? true}`;
  return {
    version,
    documentTerms: (text) => analyzeTerms(text, options),
    queryConcepts: (text, hint) => {
      const language = hint ?? (options.language !== undefined ? options.language : detectLanguage(text));
      return withoutQuestionPhrases(tokenizeWords(text))
        .map((word) => queryTermVariants(word, { ...options, language }))
        .filter((concept) => concept.length > 0);
    },
  };
}
