import {
  type AnalyzerOptions,
  analyzeTerms,
  detectLanguage,
  type Language,
  looksLikeVerb,
  queryTermVariants,
  tokenizeWords,
  withoutQuestionPhrases,
} from "../../text/index.js";
import type { TermAnalyzer } from "./keyword-index.js";

/**
 * Bump when the text stage's analysis changes in a way that changes terms (a stemmer rule, a
 * stopword): saved keyword indexes then rebuild instead of silently missing words.
 */
export const ANALYZER_REVISION = 10;

/**
 * The keyword leg's analyzer: the text stage's Kazakh-aware analysis (normalise, stopwords for
 * kk/ru/en, Kazakh suffix stemming, Latin names transliterated) on both sides of the index.
 */
export function kazakhAnalyzer(options: AnalyzerOptions = {}): TermAnalyzer {
  const version = `text-r${ANALYZER_REVISION}:${options.stemmer ?? "kazakh"}:${options.minStemLength ?? "default"}:${options.stopwords ?? true}`;
  /** Content words of a question with their concepts; words with no concept are dropped. */
  // The retriever asks for a question's concepts and then its weights: the last analysis is kept
  // so the question is analysed once.
  let last: { key: string; words: { word: string; language: Language | null; concept: string[] }[] } | null =
    null;
  const analyse = (text: string, hint?: "kk" | "ru" | "en") => {
    const key = `${hint ?? ""}\u0000${text}`;
    if (last?.key === key) return last.words;
    const language = hint ?? (options.language !== undefined ? options.language : detectLanguage(text));
    const words = withoutQuestionPhrases(tokenizeWords(text))
      .map((word) => ({ word, language, concept: queryTermVariants(word, { ...options, language }) }))
      .filter(({ concept }) => concept.length > 0);
    last = { key, words };
    return words;
  };
  return {
    version,
    documentTerms: (text) => analyzeTerms(text, options),
    queryConcepts: (text, hint) => analyse(text, hint).map(({ concept }) => [...concept]),
    queryWeights: (text, hint) =>
      analyse(text, hint).map(({ word, language }) => (looksLikeVerb(word, language) ? VERB_SHARE : 1)),
  };
}

/**
 * The share of an unknown verb's weight: half. "Астана неге үлгі деп аталды?" lacks "аталды" but
 * is answered by the passage calling Astana "үлгі"; an unknown noun ("Бензиннің бағасы") still
 * weighs fully against a question.
 */
const VERB_SHARE = 0.5;
