import { type CorpusDocument, corpusHash, readCorpus, type SkippedFile } from "../corpus/index.js";
import { PASSAGE_FORMAT_VERSION } from "../passages/index.js";
import { type BuildOptions, buildDenseLeg, buildIndexes, denseManifest } from "./build.js";
import { sentenceMethodOf } from "./dense/corpus-vectors.js";
import { OFF_TOPIC_HASH } from "./dense/off-topic.js";
import { type ReusableVectors, reusableVectors } from "./dense/reusable-vectors.js";
import { sameVectorSpace } from "./dense/vector-space.js";
import { IndexError } from "./errors.js";
import { type IndexManifest, savedSentenceMethod, stalenessOf } from "./manifest.js";
import { corpusRecordFor, foreignIndexError, foreignOwner, shown } from "./ownership.js";
import { loadIndexes, loadSavedVectors, readManifest, saveIndexes } from "./store.js";
import { removeStaleTemporaries } from "./temp-files.js";
import type { Indexes } from "./types.js";
import { currentVersion, publishVersion } from "./versions.js";

/** Options of {@link openIndexes}. */
export interface OpenOptions extends BuildOptions {
  corpusDir: string;
  indexDir: string;
  /** Rebuild even when the saved index is current (`npm run index`). Default false. */
  force?: boolean;
  /** Receives one line per decision ("index is stale: corpus changed; rebuilding"). */
  log?: (message: string) => void;
}

/** What {@link openIndexes} did, for the command line's report. */
export interface OpenResult {
  readonly indexes: Indexes;
  readonly documents: readonly CorpusDocument[];
  readonly action: "loaded" | "built" | "added-dense";
  /** Why it (re)built, when it did. */
  readonly reason: string | null;
  /** Set when the index could not be saved (a read-only folder): it then lives in memory only. */
  readonly saveError: string | null;
  /** Corpus files that could not be documents (empty, not UTF-8, unreadable): left out, reported. */
  readonly skipped: readonly SkippedFile[];
  /**
   * The index version in use (its folder's name), or `null` for an index kept in memory only (it
   * could not be saved) or loaded from a folder saved before versions.
   */
  readonly version: string | null;
}

/**
 * Gives the caller current indexes for the corpus with the least work: loads the saved folder
 * when it matches the corpus, analyzer and model; adds only the dense leg when just that is
 * missing; rebuilds everything when the index is missing, stale or corrupt. The corpus is read
 * every time (it is small, and the only way to know the index is current). An index that belongs
 * to another corpus (its manifest says so) is never rebuilt unless `force` asks for it: that
 * throws an {@link IndexError} saying whose it is. Temporaries a killed save left are removed.
 * A (re)built index is saved as a new version of the folder and swapped in atomically
 * ({@link publishVersion}), so a process answering from the old one is never disturbed.
 */
export async function openIndexes(options: OpenOptions): Promise<OpenResult> {
  const log = options.log ?? (() => {});
  removeStaleTemporaries(options.indexDir);
  const { documents, skipped } = await readCorpus(options.corpusDir);
  for (const file of skipped) log(`WARNING: skipped ${file.message}; answering from the other documents`);
  const expected = {
    corpusHash: corpusHash(documents),
    passageFormatVersion: PASSAGE_FORMAT_VERSION,
    analyzerVersion: options.analyzer.version,
  };
  let reason: string | null = options.force ? "rebuild requested" : null;
  let manifest: IndexManifest | null = null;
  try {
    manifest = readManifest(options.indexDir);
  } catch (error) {
    if (!(error instanceof IndexError)) throw error;
    reason ??= error.reason === "missing" ? "no index yet" : error.message;
  }
  const owner = manifest && foreignOwner(manifest, options.indexDir, options.corpusDir, expected.corpusHash);
  if (owner) {
    if (!options.force) throw foreignIndexError(options.indexDir, options.corpusDir, owner);
    log(`replacing the index in ${shown(options.indexDir)}, which was built from ${shown(owner)}, as asked`);
  }
  let saved: Indexes | null = null;
  if (manifest && !reason) {
    reason = stalenessOf(manifest, expected);
    if (!reason) {
      try {
        saved = loadIndexes(options.indexDir, options.analyzer, options.keyword, {
          dense: (options.embedder ?? null) !== null,
        });
      } catch (error) {
        if (!(error instanceof IndexError)) throw error;
        reason = error.message;
      }
    }
  }
  if (saved) {
    const embedder = options.embedder ?? null;
    const version = currentVersion(options.indexDir);
    if (embedder === null)
      return result({ ...saved, dense: null }, { documents, skipped }, "loaded", null, null, version);
    const current =
      saved.manifest.dense?.offTopic === OFF_TOPIC_HASH &&
      savedSentenceMethod(saved.manifest.dense) === sentenceMethodOf(embedder);
    if (saved.dense && current && sameVectorSpace(saved.dense, embedder))
      return result(saved, { documents, skipped }, "loaded", null, null, version);
    const wanted = `${embedder.modelId} via ${embedder.backend}, ${embedder.dimensions} dimensions`;
    log(`${saved.dense ? "rebuilding" : "adding"} the dense leg (${wanted}) of the index`);
    const dense = await buildDenseLeg(saved.passages, embedder, options);
    const withDense = { ...saved, dense };
    const why = !saved.dense
      ? `dense leg for ${wanted} missing`
      : sameVectorSpace(saved.dense, embedder)
        ? "dense leg's off-topic questions or sentence vectors are of an older kind"
        : `dense leg was made by ${saved.dense.model} via ${saved.dense.backend} (${saved.dense.index.dimensions} dimensions)`;
    return persist(options, withDense, { documents, skipped }, "added-dense", why);
  }
  log(`building the index: ${reason}`);
  const reuse = options.force ? undefined : previousVectors(options, manifest);
  const built = await buildIndexes(documents, { ...options, ...(reuse ? { reuse } : {}) });
  return persist(options, built, { documents, skipped }, "built", reason);
}

/**
 * The vectors of the index being replaced, when it was made by the same model: a corpus that
 * changed by one document is re-embedded by one document. Nothing when a rebuild was asked for
 * (`force`: an operator who wants every vector made anew), when the model differs, or when the
 * old index cannot be read whole (corrupt, incompatible) — then everything is embedded.
 */
function previousVectors(options: OpenOptions, manifest: IndexManifest | null): ReusableVectors | undefined {
  const embedder = options.embedder ?? null;
  const dense = manifest?.dense;
  if (!embedder || !dense) return undefined;
  if (!sameVectorSpace({ ...dense, index: { dimensions: dense.dimensions } }, embedder)) return undefined;
  if (savedSentenceMethod(dense) !== sentenceMethodOf(embedder)) return undefined;
  try {
    const old = loadSavedVectors(options.indexDir);
    return old ? reusableVectors(old.passages, old.dense) : undefined;
  } catch {
    return undefined;
  }
}

/** The corpus as read: its documents and the files skipped. */
interface Read {
  readonly documents: readonly CorpusDocument[];
  readonly skipped: readonly SkippedFile[];
}

function persist(
  options: OpenOptions,
  indexes: Indexes,
  corpus: Read,
  action: OpenResult["action"],
  reason: string | null,
): OpenResult {
  try {
    const { version, result: manifest } = publishVersion(
      options.indexDir,
      (dir) =>
        saveIndexes(dir, indexes, {
          ...indexes.manifest,
          corpusDir: corpusRecordFor(options.indexDir, options.corpusDir),
          dense: indexes.dense ? denseManifest(indexes.dense) : null,
        }),
      { corpusHash: indexes.manifest.corpusHash },
    );
    return result({ ...indexes, manifest }, corpus, action, reason, null, version);
  } catch (error) {
    const message = `could not save the index to ${options.indexDir} (${(error as Error).message}); using it from memory`;
    options.log?.(message);
    return result(indexes, corpus, action, reason, message, null);
  }
}

function result(
  indexes: Indexes,
  corpus: Read,
  action: OpenResult["action"],
  reason: string | null,
  saveError: string | null,
  version: string | null,
): OpenResult {
  return { indexes, ...corpus, action, reason, saveError, version };
}
