import {
  type DenseLeg,
  type Embedder,
  type Indexes,
  type KeywordHit,
  passageScore,
  sameVectorSpace,
  type VectorHit,
} from "../indexes/index.js";
import {
  asksAboutTheEvent,
  asksForAuthor,
  asksForSummary,
  findOrdinalReference,
  type Passage,
} from "../passages/index.js";
import { KAZAKH_STOPWORDS } from "../text/index.js";
import { keepClearKeywordLead, reciprocalRankFusion } from "./fusion.js";
import { GlossaryExpansion } from "./glossary-expansion.js";
import { KazakhLetters } from "./kazakh-letters.js";
import { conceptsKnown } from "./known-concepts.js";
import { offTopicMargin } from "./off-topic-margin.js";
import { RETRIEVER_DEFAULTS as DEFAULTS, type RetrieverOptions } from "./options.js";
import { SpellingBridge, TermLexicon } from "./spelling-bridge.js";
import { surnameBoosts } from "./surname-boosts.js";
import type { LegEvidence, Retrieval, RetrievedPassage } from "./types.js";
import { unknownNames } from "./unknown-names.js";

export type { RetrieverOptions };

/**
 * Finds the passages that answer a question by fusing three legs: the structure leg (a question
 * naming "the fourth directive" gets that section first, always), BM25 keywords, and, when a model
 * is loaded, dense vectors. It abstains when no leg has real evidence, so the bot can say "not in
 * the article" instead of quoting the nearest noise.
 */
export class Retriever {
  private readonly options: typeof DEFAULTS & { weights: { keyword: number; dense: number } };
  private readonly expansion: GlossaryExpansion;
  /** The model reads a Kazakh question with its Kazakh letters (see {@link KazakhLetters}). */
  private readonly letters: KazakhLetters;
  private readonly spelling: SpellingBridge;
  private readonly onEmbeddingError: (error: unknown) => void;
  /** Until when the dense leg rests after a failed embedding (ms since epoch). */
  private denseRestsUntil = 0;

  constructor(
    private readonly indexes: Indexes,
    private readonly embedder: Embedder | null,
    options: RetrieverOptions = {},
  ) {
    const { weights, glossary, onEmbeddingError, lexicon, ...rest } = options;
    this.onEmbeddingError = onEmbeddingError ?? (() => {});
    this.expansion = new GlossaryExpansion(glossary ?? { entries: [] }, indexes.keyword);
    const terms = lexicon ?? new TermLexicon(indexes.words.terms, indexes.words.forms);
    this.spelling = new SpellingBridge((term) => indexes.keyword.knows(term), terms);
    this.letters = new KazakhLetters(
      [...KAZAKH_STOPWORDS, ...indexes.words.forms.map(([word]) => word)],
      indexes.words.plain,
    );
    const fromModel = definedOnly({
      minDenseSimilarity: embedder?.supportSimilarity,
      offTopicMargin: embedder?.offTopicMargin,
      offTopicVeto: embedder?.offTopicVeto,
    });
    this.options = {
      ...DEFAULTS,
      ...fromModel,
      ...definedOnly(rest),
      weights: { keyword: 1, dense: 0.5, ...weights },
    };
  }

  /** Glossary entries none of whose Kazakh words the corpus holds (see {@link GlossaryExpansion.unmatched}). */
  get unmatchedGlossaryEntries(): readonly string[] {
    return this.expansion.unmatched;
  }

  /** The legs this retriever can use. */
  get legs(): string[] {
    return ["structure", "keyword", ...(this.dense ? ["dense"] : [])];
  }

  async search(question: string, k = this.options.k): Promise<Retrieval> {
    const [result] = await this.searchMany([question], k);
    return result as Retrieval;
  }

  /** Many questions at once: the model embeds them in batches, which is what batch mode is for. */
  async searchMany(questions: readonly string[], k = this.options.k): Promise<Retrieval[]> {
    // Kazakh typed without Kazakh letters, with them put back: the model reads it so, and the
    // keyword leg searches it beside the question as typed (with words of the same stem too).
    const restored = questions.map((question) => this.letters.restore(question));
    const vectors = await this.embedQuestions(restored);
    return questions.map((question, i) =>
      this.fuse(question, this.letters.restore(question, { sameStem: true }), vectors[i], k),
    );
  }

  /** Query vectors, or none when there is no dense leg or it is resting after a failure. */
  private async embedQuestions(texts: readonly string[]): Promise<readonly (Float32Array | undefined)[]> {
    if (!this.dense || Date.now() < this.denseRestsUntil) return [];
    try {
      return await (this.embedder as Embedder).embedQueries(texts);
    } catch (error) {
      this.denseRestsUntil = Date.now() + this.options.denseCooldownMs;
      this.onEmbeddingError(error);
      return [];
    }
  }

  private get dense() {
    const leg = this.indexes.dense;
    return this.embedder && leg && sameVectorSpace(leg, this.embedder) ? leg : null;
  }

  private fuse(question: string, restored: string, vector: Float32Array | undefined, k: number): Retrieval {
    const { depth } = this.options;
    const reference = findOrdinalReference(question);
    const structureIds = reference
      ? this.sectionPassages(reference.ordinal)
      : asksForAuthor(question)
        ? this.bylinePassages()
        : asksForSummary(question) || asksAboutTheEvent(question)
          ? this.leadPassages()
          : [];
    const queryTerms = this.bridge(this.keywordConcepts(question, restored));
    const unknownWeights = this.indexes.keyword.queryWeights(question);
    const keywordHits = this.indexes.keyword.searchConcepts(
      queryTerms,
      depth,
      surnameBoosts(queryTerms, this.indexes.keyword, this.options.surnameBoost),
    );
    const denseHits = vector && this.dense ? this.denseSearch(vector, depth) : [];
    const denseMargin =
      vector && this.dense ? offTopicMargin(vector, denseHits[0]?.similarity, this.dense.offTopic) : null;

    const bestCoverage = Math.max(
      0,
      ...keywordHits
        .slice(0, 5)
        .map((hit) => this.indexes.keyword.evidence(queryTerms, hit.matchedTerms, unknownWeights).coverage),
    );
    // When the keyword leg matched little of the question, its ranking says little: the dense
    // leg's counts for more.
    const { coverage: weakBelow, denseWeight: weakDense } = this.options.weakKeyword;
    const denseWeight = bestCoverage < weakBelow ? weakDense : this.options.weights.dense;
    const fused = reciprocalRankFusion(
      [
        { weight: this.options.weights.keyword, ids: keywordHits.map((h) => h.id) },
        { weight: denseWeight, ids: denseHits.map((h) => h.id) },
      ],
      this.options.rrfK,
    );
    const evidence = new Map<number, LegEvidence>();
    const matched = new Map<number, readonly string[]>();
    keywordHits.forEach((hit, rank) => {
      const { coverage } = this.indexes.keyword.evidence(queryTerms, hit.matchedTerms, unknownWeights);
      evidence.set(hit.id, { keyword: { rank: rank + 1, score: hit.score, coverage } });
      matched.set(hit.id, hit.matchedTerms);
    });
    denseHits.forEach((hit, rank) => {
      evidence.set(hit.id, {
        ...evidence.get(hit.id),
        dense: { rank: rank + 1, similarity: hit.similarity },
      });
    });
    for (const id of structureIds) evidence.set(id, { ...evidence.get(id), structure: true });

    // Named sections (or the byline asked for) lead, in their own order; the fused ranking follows.
    const structureScore = new Map(structureIds.map((id, i) => [id, 2 - i / 100]));
    keepClearKeywordLead(fused, keywordHits, this.options.keywordLead);
    const ranked = [...new Set([...structureIds, ...fused.keys()])]
      .map((id) => ({ id, score: structureScore.get(id) ?? (fused.get(id) as number) }))
      .sort((a, b) => b.score - a.score);

    const passages: RetrievedPassage[] = ranked.slice(0, k).map(({ id, score }, index) => ({
      rank: index + 1,
      passage: this.indexes.passages[id] as Passage,
      score: structureScore.has(id) ? 1 : Math.min(0.99, Number(score.toFixed(4))),
      legs: evidence.get(id) ?? {},
      matchedTerms: matched.get(id) ?? [],
    }));
    const abstained =
      structureIds.length === 0 &&
      (unknownNames(question, this.indexes.keyword, (concepts) => this.bridge(concepts)).length > 0 ||
        !this.hasEvidence(
          structureIds,
          keywordHits,
          queryTerms,
          unknownWeights,
          denseHits[0]?.similarity,
          denseMargin,
          bestCoverage,
        ));
    return {
      question,
      abstained,
      passages,
      ordinal: reference ? { ordinal: reference.ordinal, found: structureIds.length > 0 } : null,
      // The legs that took part: without the dense leg when the question could not be embedded.
      legs: denseMargin === null ? this.legs.filter((leg) => leg !== "dense") : this.legs,
      denseMargin,
      ...conceptsKnown(queryTerms, unknownWeights, (term) => this.indexes.keyword.knows(term)),
    };
  }

  /**
   * The corpus terms one word of a question stands for, through the glossary and the spelling
   * bridge: what the answer stage looks for beside a figure or a name.
   */
  termsFor(word: string, language?: "kk" | "ru" | "en"): string[] {
    const restored = this.letters.restoreWord(word);
    const words = restored === word ? [word] : [word, restored];
    return [
      ...new Set(words.flatMap((w) => this.bridge(this.indexes.keyword.queryConcepts(w, language)).flat())),
    ];
  }

  /**
   * The keyword leg's concepts of a question; for Kazakh typed without Kazakh letters, each with
   * the terms of its word as `restored` too ("торагасынын" → "төрағасының" → "төра": the stemmer
   * cuts the folded word elsewhere, "торага", which no corpus term is).
   */
  private keywordConcepts(question: string, restored: string): string[][] {
    const concepts = this.indexes.keyword.queryConcepts(question);
    if (restored === question) return concepts;
    const alike = this.indexes.keyword.queryConcepts(restored);
    if (alike.length !== concepts.length) return concepts;
    return concepts.map((concept, i) => [...new Set([...concept, ...(alike[i] ?? [])])]);
  }

  /** A question's concepts with the corpus's own words for them: glossary, then Kazakh spelling. */
  private bridge(concepts: readonly (readonly string[])[]): string[][] {
    return this.spelling.expand(this.expansion.expand(concepts));
  }

  /**
   * The dense leg's nearest passages, scored by their own vector and their best sentence's (see
   * `passageScore`), best first. The HNSW graph picks the candidates.
   */
  private denseSearch(vector: Float32Array, depth: number): VectorHit[] {
    const leg = this.dense as DenseLeg;
    return leg.index
      .search(vector, depth)
      .map((hit) => ({ id: hit.id, similarity: passageScore(hit.similarity, hit.id, vector, leg.sentences) }))
      .sort((a, b) => b.similarity - a.similarity);
  }

  /** Passages that hold their document's byline, in corpus order. */
  private bylinePassages(): number[] {
    const authors = new Map(this.indexes.documents.map((doc) => [doc.id, doc.author]));
    return this.indexes.passages
      .filter((p) => {
        const author = authors.get(p.doc);
        return author != null && p.text.split("\n").includes(author);
      })
      .map((p) => p.id);
  }

  /** The first passage of every document (its title and lead): what "what is it about?" asks for. */
  private leadPassages(): number[] {
    const seen = new Set<string>();
    return this.indexes.passages
      .filter((p) => {
        if (seen.has(p.doc)) return false;
        seen.add(p.doc);
        return true;
      })
      .map((p) => p.id);
  }

  /** Passages of every section numbered `ordinal`, in corpus order. */
  private sectionPassages(ordinal: number): number[] {
    return this.indexes.passages.filter((p) => p.ordinal === ordinal).map((p) => p.id);
  }

  private hasEvidence(
    structureIds: readonly number[],
    keywordHits: readonly KeywordHit[],
    queryTerms: readonly (readonly string[])[],
    unknownWeights: readonly number[],
    bestSimilarity: number | undefined,
    denseMargin: number | null,
    bestCoverage: number,
  ): boolean {
    if (structureIds.length > 0) return true;
    const veto = this.options.offTopicVeto;
    if (
      denseMargin !== null &&
      veto !== null &&
      denseMargin < veto &&
      bestCoverage < this.options.weakKeyword.coverage
    )
      return false;
    const { keyword } = this.indexes;
    const { minKeywordCoverage, minWeakCoverage, minMatchedIdf } = this.options;
    const supported = keywordHits.slice(0, 5).some((hit) => {
      const { coverage, weight } = keyword.evidence(queryTerms, hit.matchedTerms, unknownWeights);
      return coverage >= minKeywordCoverage || (coverage >= minWeakCoverage && weight >= minMatchedIdf);
    });
    if (supported) return true;
    const margin = this.options.offTopicMargin;
    if (denseMargin !== null && margin !== null && denseMargin >= margin) return true;
    return bestSimilarity !== undefined && bestSimilarity >= this.options.minDenseSimilarity;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
