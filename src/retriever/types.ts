import type { Passage } from "../passages/index.js";

/** How one leg ranked a passage; absent legs did not find it. */
export interface LegEvidence {
  readonly keyword?: { readonly rank: number; readonly score: number; readonly coverage: number };
  readonly dense?: { readonly rank: number; readonly similarity: number };
  /** The question named this passage's section ("the fourth directive"). */
  readonly structure?: true;
}

/** A passage the retriever returns, with the evidence that put it there. */
export interface RetrievedPassage {
  readonly rank: number;
  readonly passage: Passage;
  /** Fused score in 0…1: comparable within one question, higher is better. */
  readonly score: number;
  readonly legs: LegEvidence;
  /** Analysed question terms found in this passage (for highlighting the words that matched). */
  readonly matchedTerms: readonly string[];
}

/** The outcome of one search. */
export interface Retrieval {
  readonly question: string;
  /**
   * True when nothing is relevant enough to quote: the caller should say so rather than quote
   * noise. `passages` still holds the best candidates, for evaluation and debugging.
   */
  readonly abstained: boolean;
  readonly passages: readonly RetrievedPassage[];
  /** The section number the question named, if any, and whether the corpus has it. */
  readonly ordinal: { readonly ordinal: number; readonly found: boolean } | null;
  /** Which legs took part ("keyword", "structure", "dense"). */
  readonly legs: readonly string[];
  /**
   * Best passage similarity minus the nearest off-topic question's (see the retriever's
   * `offTopicMargin`); `null` without the dense leg.
   */
  readonly denseMargin: number | null;
  /** How many of the question's concepts the corpus has (through the glossary and spelling bridge). */
  readonly knownConcepts: number;
  /** The share of the question's concepts the corpus has, verbs weighing half (0…1). */
  readonly knownShare: number;
}
