import type { Glossary } from "../corpus/index.js";
import type { TermLexicon } from "./spelling-bridge.js";

/** Options of {@link Retriever}; every field has a default. */
export interface RetrieverOptions {
  /** Passages returned per question. Default 3. */
  k?: number;
  /** How deep each leg looks before fusion. Default 30. */
  depth?: number;
  /**
   * RRF constant. Default 10: the legs' first places count for more than with the usual 60
   * (measured with multilingual-e5-small: hit@1 0.921 / 0.776 on the article's development
   * sets against 0.907 / 0.776 at 60; KazQAD MRR@10 0.778 against 0.757).
   */
  rrfK?: number;
  /**
   * Leg weights in the fusion. Default keyword 1, dense 0.5: e5-small is weaker than the keyword
   * leg on the article's names and figures and must not drag a right keyword answer down, yet
   * lifts paraphrases (measured: dense 1 → hit@1 0.865 on the held-out set, 0.5 → 0.885).
   */
  weights?: { keyword?: number; dense?: number };
  /** The corpus's terms for the spelling bridge. Default: made from the index's words (`Indexes.words`). */
  lexicon?: TermLexicon;
  /**
   * Keyword evidence that the corpus answers the question: a top passage whose matched terms
   * carry at least `minKeywordCoverage` of the question's IDF weight — or at least
   * `minWeakCoverage` of it while its matched concepts' IDF sums to `minMatchedIdf` (default
   * 2.5: more than one word of a single passage gets in the article, so one rare word in common
   * is not enough on its own — "Доллардың бүгінгі бағамы" shares only "бүгінгі"). With no such
   * passage, no section named and no dense hit above `minDenseSimilarity`, the retriever
   * abstains. Defaults measured by `npm run eval` on the article questions (0.3–0.35, 0.15–0.2
   * and 2.5–3 all give the same figures there).
   */
  minKeywordCoverage?: number;
  minWeakCoverage?: number;
  minMatchedIdf?: number;
  /** Default: the model's own floor (`Embedder.supportSimilarity`), else 0.9. */
  minDenseSimilarity?: number;
  /**
   * When no top keyword hit covers `coverage` of the question, the dense leg weighs
   * `denseWeight` in the fusion instead of its usual weight: a paraphrase the keywords barely
   * touch is the dense leg's to rank. Default 0.5 and 1.5 (measured with multilingual-e5-small:
   * hit@1 0.796 against 0.776 on the blind development set, the developers' set 0.914 against
   * 0.921, KazQAD unchanged).
   */
  weakKeyword?: { coverage: number; denseWeight: number };
  /**
   * The dense leg alone vouches for a question whose best passage is at least this much nearer
   * to it than the nearest everyday off-topic question (a negative margin: "not much farther").
   * Default: the model's own (`Embedder.offTopicMargin`); `null` never.
   */
  offTopicMargin?: number | null;
  /**
   * The keywords do not vouch for a question whose best passage is this much farther from it
   * than the nearest everyday off-topic question (a margin below it), unless their best hit
   * covers `weakKeyword.coverage` of it. Default: the model's own (`Embedder.offTopicVeto`);
   * `null` never.
   */
  offTopicVeto?: number | null;
  /**
   * A keyword hit that scores at least this many times the next keyword hit stays first in the
   * fused ranking: rank fusion sees only ranks, so a passage the keywords single out (BM25 10.3
   * against 1.8) could lose first place to one both legs ranked middling. Default 3 (measured
   * with multilingual-e5-small on the eight development sets: 711 right first passages of 885
   * against 699 without it, paraphrases gaining most; 2 gave 709, 5 gave 703; KazQAD fused MRR@10
   * 0.778 → 0.780); `null` never.
   */
  keywordLead?: number | null;
  /**
   * How many times a question's surname weighs in the keyword leg when one passage only holds it
   * (see the retriever's `surnameBoosts`). Default 2 (measured on the development sets with
   * multilingual-e5-small: +4 right first passages with the model, +3 without, none lost; 1 is
   * off).
   */
  surnameBoost?: number;
  /** The corpus's kk/ru/en key terms, to let Russian and English questions meet Kazakh words. */
  glossary?: Glossary;
  /**
   * Told when a question could not be embedded (an embedding server down mid-run). The question
   * is then answered with the other legs, and the dense leg rests for `denseCooldownMs` so that
   * users are not kept waiting on a server that is not there. Default: nothing is told.
   */
  onEmbeddingError?: (error: unknown) => void;
  /** Default 30 s. */
  denseCooldownMs?: number;
}

/** The retriever's defaults, each measured (see {@link RetrieverOptions}). */
export const RETRIEVER_DEFAULTS = {
  k: 3,
  depth: 30,
  rrfK: 10,
  minKeywordCoverage: 0.3,
  minWeakCoverage: 0.2,
  minMatchedIdf: 2.5,
  /** Used when neither the options nor the model's profile give one (see `supportSimilarity`). */
  minDenseSimilarity: 0.9,
  weakKeyword: { coverage: 0.5, denseWeight: 1.5 },
  offTopicMargin: null as number | null,
  offTopicVeto: null as number | null,
  keywordLead: 3 as number | null,
  surnameBoost: 2,
  denseCooldownMs: 30_000,
};
