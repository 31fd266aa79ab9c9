import type {
  Embedder,
  EmbedderOptions,
  KeywordIndexOptions,
  ProgressReporter,
  TermAnalyzer,
} from "../indexes/index.js";
import type { PassageOptions } from "../passages/index.js";
import type { RetrieverOptions } from "../retriever/index.js";
import type { EmbeddingsMode } from "./embeddings.js";
import type { Language } from "./types.js";

/** Options of `AnswerEngine.open`; only the analyzer has no default. */
export interface EngineOptions {
  corpusDir?: string;
  indexDir?: string;
  analyzer: TermAnalyzer;
  embeddings?: EmbeddingsMode;
  embedder?: EmbedderOptions;
  /** A ready embedder (tests, benchmarks); skips loading by `embedder` options. */
  embedderInstance?: Embedder | null;
  retriever?: RetrieverOptions;
  /** How documents are cut into passages (size cap). */
  passages?: PassageOptions;
  /** BM25 parameters of the keyword leg. */
  keyword?: KeywordIndexOptions;
  /** Questions longer than this are cut before searching (the answer says so). Default 1000. */
  maxQuestionChars?: number;
  /** Rebuild the index even when current. Default false. */
  forceRebuild?: boolean;
  /** Answers kept for questions asked again (see `AnswerCache`). Default 500; 0 keeps none. */
  answerCacheSize?: number;
  /** Where progress of a corpus embedding is drawn. */
  progress?: ProgressReporter;
  /** One line per notable event (index rebuilt, model unavailable). Default: nothing. */
  log?: (message: string) => void;
}

/** Per-question options. */
export interface AskOptions {
  k?: number;
  /** The language to answer in when the question does not show one (Telegram's `language_code`). */
  languageHint?: Language;
}
