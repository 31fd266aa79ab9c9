/**
 * The analyzer: the one place that turns text into keyword-index terms, for documents AND
 * queries, so both sides always agree (normalize → tokenize → drop stop words → stem).
 */
import type { KazakhStemOptions } from "./kazakh-stemmer.js";
import { detectLanguage, type Language } from "./language.js";
import { kazakhMonthOf } from "./months.js";
import { kazakhCardinalOf } from "./numerals.js";
import { russianTerms, stemWord, wordLanguage } from "./stemmers.js";
import { isLatinTypedStopword, isStopword } from "./stopwords.js";
import { tokenizeWords } from "./tokenize.js";
import { latinToCyrillicVariants } from "./transliterate.js";

/** How words become terms. */
export type StemmerKind = "kazakh" | "prefix5" | "none";

/** Analyzer settings; every field has a measured default (see kazakh-stemmer.ts). */
export interface AnalyzerOptions {
  /** "kazakh": language-aware stemming (default); "prefix5": first 5 letters; "none": surface. */
  stemmer?: StemmerKind;
  /** Shortest stem the Kazakh stemmer may leave after a consonant-initial suffix. */
  minStemLength?: number;
  /** Drop kk/ru/en question and function words (default true). */
  stopwords?: boolean;
  /** Language of the text; detected from the text when undefined. */
  language?: Language | null;
  /** Add the Cyrillic transliteration of Latin words so "Salzhanov" meets "Салжанов" (default true). */
  transliterate?: boolean;
  /** Further Kazakh stemmer switches, for experiments. */
  kazakh?: KazakhStemOptions;
}

interface Resolved {
  stemmer: StemmerKind;
  stopwords: boolean;
  transliterate: boolean;
  kazakh: KazakhStemOptions | undefined;
}

function resolve(options: AnalyzerOptions | undefined): Resolved {
  const minStem = options?.minStemLength;
  const kazakh = minStem === undefined ? options?.kazakh : { ...options?.kazakh, minStem };
  return {
    stemmer: options?.stemmer ?? "kazakh",
    stopwords: options?.stopwords ?? true,
    transliterate: options?.transliterate ?? true,
    kazakh,
  };
}

/** Term of one word that is already normalized and not a stop word. */
function termOf(word: string, hint: Language | null | undefined, o: Resolved): string {
  switch (o.stemmer) {
    case "none":
      return word;
    case "prefix5":
      return Array.from(word).slice(0, 5).join("");
    default:
      return stemWord(word, hint, o.kazakh);
  }
}

/**
 * The index terms of ONE query word (raw or normalized): its stem and, for a Latin word, the
 * stems of its Cyrillic transliterations ("Nazarbayev" → "nazarbayev", "назарбаев"), for a
 * Russian word also the nominative a Kazakh text would use ("Астане" → "астан", "астана").
 * Empty for stop words. Lets a caller expand or highlight word by word with the exact terms
 * that analyzeTerms puts in the index; pass `language` when the question's language is known.
 */
export function queryTermVariants(word: string, options?: AnalyzerOptions): string[] {
  const o = resolve(options);
  const terms = tokenizeWords(word).flatMap((w) => variantsOf(w, options?.language, o));
  return [...new Set(terms)];
}

function variantsOf(word: string, hint: Language | null | undefined, o: Resolved): string[] {
  // "what's", "who's": an English contraction is its stop word.
  if (word === "" || (o.stopwords && (isStopword(word) || isStopword(word.replace(/'s$/, ""))))) return [];
  // "turaly", "kto": a Kazakh or Russian function word typed in Latin letters.
  if (
    o.stopwords &&
    (hint === "kk" || hint === "ru") &&
    /^[a-z]+$/.test(word) &&
    isLatinTypedStopword(word, hint)
  )
    return [];
  // A lone letter is an initial ("Н.Назарбаев", "Қ. Жалайри") or an abbreviation ("ж." = year).
  if (word.length === 1 && !/\d/.test(word)) return [];
  const lang = wordLanguage(word, hint);
  const terms = o.stemmer === "kazakh" && lang === "ru" ? russianTerms(word) : [termOf(word, hint, o)];
  // A Russian or English count or month meets the Kazakh one the article writes ("пяти" → "бес",
  // "марта" → "наурыз").
  const kazakh = lang === "kk" ? null : (kazakhCardinalOf(word) ?? kazakhMonthOf(word));
  if (kazakh !== null) terms.push(termOf(kazakh, "kk", o));
  // A Latin word in Cyrillic letters: a name ("Salzhanov"), or Kazakh or Russian typed on a Latin
  // keyboard ("tapsyrma", "poruchenie"), stemmed as the question's language says.
  if (o.transliterate && lang === "en" && /^[a-z']+$/.test(word)) {
    const cyrillicLanguage = hint === "ru" ? "ru" : "kk";
    for (const cyrillic of latinToCyrillicVariants(word.replace(/'s$/, "").replace(/'/g, ""))) {
      const stems =
        o.stemmer === "kazakh" && cyrillicLanguage === "ru"
          ? russianTerms(cyrillic)
          : [termOf(cyrillic, cyrillicLanguage, o)];
      for (const term of stems) if (!terms.includes(term)) terms.push(term);
    }
  }
  return terms;
}

/**
 * Analyzes a document or a query into keyword-index terms: normalization, tokenization, stop
 * word removal and stemming, with the language of the whole text deciding how Cyrillic words
 * without Kazakh letters are stemmed. Order is kept and duplicates are kept (BM25 counts them).
 */
export function analyzeTerms(text: string, options?: AnalyzerOptions): string[] {
  const o = resolve(options);
  const hint = options?.language !== undefined ? options.language : detectLanguage(text);
  return tokenizeWords(text).flatMap((word) => variantsOf(word, hint, o));
}

/**
 * MiniSearch `tokenize` option: the whole analysis (analyzeTerms with default options). It runs
 * in `tokenize` rather than `processTerm` because stemming needs the language of the whole text,
 * which MiniSearch's per-term hook never sees. MiniSearch uses it for documents and queries.
 */
export function tokenize(text: string): string[] {
  return analyzeTerms(text);
}

/**
 * MiniSearch `processTerm` option to pair with `tokenize`: the terms are already final, so it
 * only drops empty ones. (MiniSearch's default would lower-case and keep stop words.)
 */
export function processTerm(term: string): string | null {
  return term === "" ? null : term;
}

/**
 * `tokenize` + `processTerm` bound to analyzer options, to spread into the MiniSearch
 * constructor (they also become the search-time defaults): `new MiniSearch({ fields, ...miniSearchAnalyzer() })`.
 */
export function miniSearchAnalyzer(options?: AnalyzerOptions): {
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string | null;
} {
  return { tokenize: (text: string) => analyzeTerms(text, options), processTerm };
}
