import MiniSearch, { type Options as MiniSearchOptions } from "minisearch";
import type { Passage } from "../../passages/index.js";

/**
 * How text becomes index terms. Documents and questions go through the same analysis (normalise,
 * drop stopwords, stem), so "тапсырмасында" in a question meets "тапсырма" in a passage.
 */
export interface TermAnalyzer {
  /** Terms of a passage, in order, already normalised and stemmed. */
  documentTerms(text: string): string[];
  /**
   * A question as concepts: one group per content word, holding that word's analysed term and
   * its variants (a transliterated name). A concept is matched when any of its terms is.
   * `language` overrides detection (a lone glossary word is too short to detect).
   */
  queryConcepts(text: string, language?: "kk" | "ru" | "en"): string[][];
  /**
   * How much each concept of {@link queryConcepts} (same order) counts when the corpus does not
   * know it: 1 for a word that names what the question is about, less for one that only says how
   * it asks (a verb: "аталды", "исполняется"). Optional: every concept counts fully without it.
   */
  queryWeights?(text: string, language?: "kk" | "ru" | "en"): number[];
  /** A version string written into the manifest: a changed analyzer makes a saved index stale. */
  readonly version: string;
}

/** A passage found by the keyword leg. */
export interface KeywordHit {
  readonly id: number;
  /** BM25 score (unbounded, comparable only within one question). */
  readonly score: number;
  /** Analysed question terms that occur in the passage. */
  readonly matchedTerms: readonly string[];
}

/** Options of the keyword leg. */
export interface KeywordIndexOptions {
  bm25?: { k: number; b: number; d: number };
  /** How many hits a search returns at most. Default 50. */
  limit?: number;
}

/**
 * Classic BM25 (k1 1.2, b 0.75) without MiniSearch's BM25+ floor (d 0): measured best on KazQAD
 * dev with the Kazakh analyzer (MRR@10 0.755 against 0.747 with MiniSearch's default d 0.5).
 */
const DEFAULT_BM25 = { k: 1.2, b: 0.75, d: 0 };

interface StoredFields {
  id: number;
}

/**
 * BM25 over passages (MiniSearch), with the project's own term analysis in place of MiniSearch's
 * English-centric default tokenizer.
 */
export class KeywordIndex {
  private readonly documentFrequency = new Map<string, number>();

  private constructor(
    private readonly search_: MiniSearch<StoredFields>,
    private readonly analyzer: TermAnalyzer,
    private readonly options: KeywordIndexOptions,
  ) {}

  /**
   * Indexes the passages in chunks, between which other work runs (see below).
   * `about` gives words a passage is about without containing them — the word "автор" for the
   * passage holding a document's byline — indexed as a field of their own.
   */
  static async build(
    passages: readonly Passage[],
    analyzer: TermAnalyzer,
    options: KeywordIndexOptions = {},
    about: (passage: Passage) => string = () => "",
  ): Promise<KeywordIndex> {
    const search = new MiniSearch<StoredFields>(miniSearchOptions(analyzer));
    // In chunks, yielding to the event loop between them: a live rebuild of a large corpus
    // (a second of analysis for 1,300 passages) must not stall the answers given meanwhile.
    await search.addAllAsync(
      passages.map((p) => ({ id: p.id, text: p.text, title: headingOrEmpty(p.docTitle), about: about(p) })),
      { chunkSize: 25 },
    );
    return new KeywordIndex(search, analyzer, options);
  }

  /** Restores an index saved with {@link toJSON}; the analyzer must be the one it was built with. */
  static fromJSON(json: string, analyzer: TermAnalyzer, options: KeywordIndexOptions = {}): KeywordIndex {
    return new KeywordIndex(
      MiniSearch.loadJSON<StoredFields>(json, miniSearchOptions(analyzer)),
      analyzer,
      options,
    );
  }

  /**
   * Inverse document frequency of an analysed term (BM25's form). A term the corpus does not have
   * at all gets the highest weight: an unknown word in a question is strong evidence the question
   * is about something else.
   */
  idf(term: string): number {
    const df = this.documentFrequencyOf(term);
    const n = this.search_.documentCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** How many passages hold the analysed term. */
  passagesWith(term: string): number {
    return this.documentFrequencyOf(term);
  }

  /** Whether any passage has the analysed term. */
  knows(term: string): boolean {
    return this.documentFrequencyOf(term) > 0;
  }

  /**
   * Whether the corpus has the term or, for a word, one a letter or two away (one edit from 3
   * letters, two from 10): "сагадиев", transliterated from "Sagadiyev", still finds "сағадиев",
   * and Russian "нур" finds Kazakh "нұр". Numbers must match exactly.
   */
  knowsApproximately(term: string): boolean {
    if (this.knows(term)) return true;
    const length = [...term].length;
    if (length < 3 || /\d/.test(term)) return false;
    const fuzzy = length >= 10 ? 2 : 1;
    return this.search_.search(term, { tokenize: (text) => [text], processTerm: (t) => t, fuzzy }).length > 0;
  }

  private documentFrequencyOf(term: string): number {
    let df = this.documentFrequency.get(term);
    if (df === undefined) {
      df = this.search_.search(term, { tokenize: (text) => [text], processTerm: (t) => t }).length;
      this.documentFrequency.set(term, df);
    }
    return df;
  }

  /**
   * How much of the question a passage matches: `coverage`, the share (0…1) of the question's
   * weight it matches, and `weight`, the IDF it matches in all. A concept counts as matched when
   * any of its terms is, and once however many of its terms are (a glossary's synonyms of one
   * word are one piece of evidence). It weighs as its rarest term the corpus knows; a concept the
   * corpus does not know at all weighs most (an unknown word is the best sign of a question about
   * something else), times its `unknownWeights` share (a verb the corpus lacks says less; see
   * {@link TermAnalyzer.queryWeights}). Known terms come first because an alternative the corpus
   * lacks (Russian "астан" beside the Kazakh "астана" it stands for) must not lend a word found
   * everywhere the weight of a rare one.
   */
  evidence(
    concepts: readonly (readonly string[])[],
    matchedTerms: readonly string[],
    unknownWeights: readonly number[] = [],
  ): { coverage: number; weight: number } {
    const matched = new Set(matchedTerms);
    let total = 0;
    let covered = 0;
    let weight = 0;
    concepts.forEach((concept, i) => {
      const known = concept.filter((term) => this.knows(term));
      const unknownShare = known.length > 0 ? 1 : (unknownWeights[i] ?? 1);
      total +=
        unknownShare * Math.max(0, ...(known.length > 0 ? known : concept).map((term) => this.idf(term)));
      const hits = concept.filter((term) => matched.has(term));
      if (hits.length === 0) return;
      covered += Math.max(0, ...known.map((term) => this.idf(term)));
      weight += Math.max(0, ...hits.map((term) => this.idf(term)));
    });
    return { coverage: total === 0 ? 0 : covered / total, weight };
  }

  toJSON(): string {
    return JSON.stringify(this.search_);
  }

  /** Each concept's share when the corpus lacks it (see {@link TermAnalyzer.queryWeights}). */
  queryWeights(question: string, language?: "kk" | "ru" | "en"): number[] {
    return (
      this.analyzer.queryWeights?.(question, language) ?? this.queryConcepts(question, language).map(() => 1)
    );
  }

  /** A text's terms as the index stores them (see {@link TermAnalyzer.documentTerms}). */
  termsOf(text: string): string[] {
    return this.analyzer.documentTerms(text);
  }

  /** The question's concepts as the index sees them (see {@link TermAnalyzer.queryConcepts}). */
  queryConcepts(question: string, language?: "kk" | "ru" | "en"): string[][] {
    return this.analyzer.queryConcepts(question, language);
  }

  /** Passages sharing terms with the question, best BM25 score first. */
  search(question: string, limit = this.options.limit ?? 50): KeywordHit[] {
    return this.searchConcepts(this.queryConcepts(question), limit);
  }

  /**
   * Like {@link search}, for concepts already analysed (and perhaps expanded by a glossary);
   * `boosts` multiplies the scores of the terms it lists.
   */
  searchConcepts(
    concepts: readonly (readonly string[])[],
    limit = this.options.limit ?? 50,
    boosts: ReadonlyMap<string, number> = new Map(),
  ): KeywordHit[] {
    const terms = [...new Set(concepts.flat())];
    if (terms.length === 0) return [];
    const results = this.search_.search(terms.join(" "), {
      boostTerm: (term) => boosts.get(term) ?? 1,
      tokenize: (text) => text.split(" "),
      processTerm: (term) => term,
      combineWith: "OR",
      bm25: this.options.bm25 ?? DEFAULT_BM25,
      // The "about" field is one word in one passage; BM25's length normalisation against its
      // near-zero average length would all but erase it.
      boost: { about: 8 },
    });
    return results
      .slice(0, limit)
      .map((r) => ({ id: r.id as number, score: r.score, matchedTerms: r.queryTerms }));
  }
}

/** Longest first line, in words, that still reads as a heading rather than a lead sentence. */
const MAX_HEADING_WORDS = 12;

/**
 * A document's title when it is a heading ("Жануарлар", "Қазақ хандығы"), else "". A news item's
 * first line is often its whole lead sentence — where and when, which session, the theme — and
 * indexed with every passage it would give those words no weight at all: "Бұл нешінші сессия?"
 * could no longer find the one passage that says.
 */
function headingOrEmpty(title: string): string {
  return title.split(/\s+/).length <= MAX_HEADING_WORDS ? title : "";
}

function miniSearchOptions(analyzer: TermAnalyzer): MiniSearchOptions<StoredFields> {
  return {
    // A title that is a heading is indexed with every passage: a passage cut from the middle of
    // an encyclopedia article is still about its title ("Жануарлар"). In a one-document corpus
    // its words then occur everywhere, so BM25 gives them almost no weight (see headingOrEmpty).
    fields: ["title", "text", "about"],
    storeFields: [],
    tokenize: (text) => analyzer.documentTerms(text),
    processTerm: (term) => term,
  };
}
