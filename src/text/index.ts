/**
 * Text analysis for the keyword index and small language utilities (Kazakh, Russian, English).
 * Everything the rest of the project needs is re-exported here, so callers never depend on the
 * file layout of this folder.
 */
export {
  type AnalyzerOptions,
  analyzeTerms,
  miniSearchAnalyzer,
  processTerm,
  queryTermVariants,
  type StemmerKind,
  tokenize,
} from "./analyzer.js";
export { cueMatcher } from "./cue-matcher.js";
export { editDistance, slipsAllowed } from "./edit-distance.js";
export { foldKazakh, isFolded } from "./fold.js";
export { type KazakhStemOptions, stemKazakh } from "./kazakh-stemmer.js";
export { detectLanguage, type Language } from "./language.js";
export { memoize } from "./memoize.js";
export { fixMixedScript, KAZAKH_SPECIFIC_LETTERS, lowerCase, normalizeText } from "./normalize.js";
export { KAZAKH_ORDINALS } from "./numerals.js";
export { russianTerms, stemEnglish, stemRussian, stemWord, wordLanguage } from "./stemmers.js";
export {
  ENGLISH_STOPWORDS,
  isStopword,
  KAZAKH_STOPWORDS,
  RUSSIAN_STOPWORDS,
  withoutQuestionPhrases,
} from "./stopwords.js";
export { CAPITALISED_SURNAME_ENDING, SURNAME_ENDING } from "./surnames.js";
export { tokenizeWords, type WordSpan, wordSpans } from "./tokenize.js";
export { foldedReadings, latinToCyrillic, latinToCyrillicVariants } from "./transliterate.js";
export { looksLikeVerb } from "./verbs.js";
