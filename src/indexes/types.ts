import type { Passage } from "../passages/index.js";
import type { SentenceMethod } from "./dense/corpus-vectors.js";
import type { SentenceVectors } from "./dense/sentence-vectors.js";
import type { VectorIndex } from "./dense/vector-index.js";
import type { CorpusWords } from "./keyword/corpus-words.js";
import type { KeywordIndex } from "./keyword/keyword-index.js";
import type { IndexManifest } from "./manifest.js";

/** What the indexes know of a document: enough for `/source` and citations without the corpus. */
export interface DocumentInfo {
  readonly id: string;
  readonly title: string;
  readonly author: string | null;
  readonly passages: number;
}

/** The dense leg as loaded: the vectors' graph and the model that made them. */
export interface DenseLeg {
  readonly index: VectorIndex;
  readonly model: string;
  /** The embedder's backend ("transformers.js", "http"). */
  readonly backend: string;
  /** Vectors of everyday off-topic questions, by the same model (see dense/off-topic.ts). */
  readonly offTopic: readonly Float32Array[];
  /** The passages' sentences' vectors (see dense/sentence-vectors.ts). */
  readonly sentences: SentenceVectors;
  /** How the sentence vectors were made (see dense/corpus-vectors.ts). */
  readonly sentenceMethod: SentenceMethod;
}

/** Everything the retriever searches, built together and saved together. */
export interface Indexes {
  readonly manifest: IndexManifest;
  readonly documents: readonly DocumentInfo[];
  readonly passages: readonly Passage[];
  readonly keyword: KeywordIndex;
  /** The corpus's words as the keyword index analysed them (see {@link CorpusWords}). */
  readonly words: CorpusWords;
  readonly dense: DenseLeg | null;
}
