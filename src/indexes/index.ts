/** Stage 3 of the pipeline: passages become searchable keyword and vector indexes, saved on disk. */
export {
  type BuildOptions,
  BYLINE_LABEL,
  buildDenseLeg,
  buildIndexes,
  type ProgressReporter,
} from "./build.js";
export { BUILD_LOCK_FILE, type BuildLock, type BuildLockOptions, tryBuildLock } from "./build-lock.js";
export {
  DEFAULT_EMBEDDING_MODEL,
  type DownloadProgress,
  type Embedder,
  type EmbedderOptions,
  loadEmbedder,
} from "./dense/embedder.js";
export { ModelLoadError } from "./dense/errors.js";
export {
  connectHttpEmbedder,
  EmbeddingServerError,
  endpointOf,
  type HttpEmbedderOptions,
  type PrefixMode,
} from "./dense/http-embedder.js";
export { type ModelProfile, profileOf } from "./dense/model-profile.js";
export { openEmbedder } from "./dense/open-embedder.js";
export { passageScore, type SentenceVectors } from "./dense/sentence-vectors.js";
export { exactSearch, type VectorHit, VectorIndex, type VectorIndexOptions } from "./dense/vector-index.js";
export { sameVectorSpace } from "./dense/vector-space.js";
export { IndexError } from "./errors.js";
export type { CorpusWords, WordForm } from "./keyword/corpus-words.js";
export { ANALYZER_REVISION, kazakhAnalyzer } from "./keyword/kazakh-analyzer.js";
export {
  type KeywordHit,
  KeywordIndex,
  type KeywordIndexOptions,
  type TermAnalyzer,
} from "./keyword/keyword-index.js";
export { INDEX_FORMAT_VERSION, type IndexManifest, stalenessOf } from "./manifest.js";
export { type OpenOptions, type OpenResult, openIndexes } from "./open.js";
export { recordedCorpus } from "./ownership.js";
export { type LoadOptions, loadIndexes, readManifest, saveIndexes } from "./store.js";
export { type CleanupOptions, removeStaleTemporaries } from "./temp-files.js";
export type { DenseLeg, DocumentInfo, Indexes } from "./types.js";
export {
  CURRENT_FILE,
  currentIndexFiles,
  currentVersion,
  type PublishOptions,
  publishVersion,
  removeOldVersions,
} from "./versions.js";
