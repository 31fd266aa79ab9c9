import type { EngineOptions } from "../answer/index.js";
import { kazakhAnalyzer } from "../indexes/index.js";
import type { Settings } from "./settings.js";

/** Maps validated settings to the answer engine's options: the one place env names meet code. */
export function engineOptionsFrom(settings: Settings, log: (message: string) => void): EngineOptions {
  return {
    corpusDir: settings.CORPUS_DIR,
    indexDir: settings.INDEX_DIR,
    analyzer: kazakhAnalyzer(),
    embeddings: settings.EMBEDDINGS,
    embedder: {
      model: settings.EMBEDDING_MODEL,
      modelDir: settings.MODEL_DIR,
      offline: settings.MODEL_OFFLINE,
      batchSize: settings.EMBEDDING_BATCH_SIZE,
      stallTimeoutMs: settings.MODEL_STALL_TIMEOUT_MS,
      ...(settings.MODEL_REMOTE_HOST ? { remoteHost: settings.MODEL_REMOTE_HOST } : {}),
      ...(settings.MODEL_DTYPE ? { profile: { dtype: settings.MODEL_DTYPE } } : {}),
      ...(settings.EMBEDDINGS_URL
        ? {
            server: {
              url: settings.EMBEDDINGS_URL,
              prefixes: settings.EMBEDDINGS_PREFIXES,
              timeoutMs: settings.EMBEDDINGS_TIMEOUT_MS,
              ...(settings.EMBEDDINGS_API_KEY ? { apiKey: settings.EMBEDDINGS_API_KEY } : {}),
            },
          }
        : {}),
    },
    retriever: {
      k: settings.RETRIEVAL_K,
      ...(settings.MIN_KEYWORD_COVERAGE !== undefined
        ? { minKeywordCoverage: settings.MIN_KEYWORD_COVERAGE }
        : {}),
      ...(settings.MIN_DENSE_SIMILARITY !== undefined
        ? { minDenseSimilarity: settings.MIN_DENSE_SIMILARITY }
        : {}),
    },
    maxQuestionChars: settings.MAX_QUESTION_CHARS,
    log,
  };
}
