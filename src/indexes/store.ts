import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Passage } from "../passages/index.js";
import { sentenceVectors } from "./dense/sentence-vectors.js";
import { VectorIndex } from "./dense/vector-index.js";
import { IndexError } from "./errors.js";
import type { CorpusWords } from "./keyword/corpus-words.js";
import { KeywordIndex, type KeywordIndexOptions, type TermAnalyzer } from "./keyword/keyword-index.js";
import { checksumOf, INDEX_FORMAT_VERSION, type IndexManifest, savedSentenceMethod } from "./manifest.js";
import { removeStaleTemporaries, temporaryName } from "./temp-files.js";
import type { DenseLeg, DocumentInfo, Indexes } from "./types.js";
import { currentIndexFiles } from "./versions.js";

const MANIFEST = "manifest.json";
const PASSAGES = "passages.json";
const KEYWORD = "keyword.json";
const WORDS = "words.json";
const DENSE = "dense.hnsw";
const OFF_TOPIC = "off-topic.f32";
const SENTENCES = "sentences.f32";
const SENTENCE_COUNTS = "sentences.json";

/**
 * Writes the indexes into `dir` itself (a version folder: see `publishVersion`). Each file is written beside its final name and renamed into
 * place, and the manifest goes last, so a reader (another replica, a second `ask`) never sees a
 * manifest describing files that are not there yet. Temporaries a killed save left are removed
 * first.
 */
export function saveIndexes(
  dir: string,
  indexes: Omit<Indexes, "manifest">,
  manifest: Omit<IndexManifest, "files">,
): IndexManifest {
  mkdirSync(dir, { recursive: true });
  removeStaleTemporaries(dir);
  const files: Record<string, string> = {};
  const write = (name: string, bytes: string | Uint8Array) => {
    const temp = join(dir, temporaryName(name));
    writeFileSync(temp, bytes);
    renameSync(temp, join(dir, name));
    files[name] = checksumOf(bytes);
  };
  write(PASSAGES, JSON.stringify({ documents: indexes.documents, passages: indexes.passages }));
  write(KEYWORD, indexes.keyword.toJSON());
  write(WORDS, JSON.stringify(indexes.words));
  if (indexes.dense) {
    const temp = join(dir, temporaryName(DENSE));
    indexes.dense.index.save(temp);
    const bytes = readFileSync(temp);
    renameSync(temp, join(dir, DENSE));
    files[DENSE] = checksumOf(bytes);
    write(OFF_TOPIC, packVectors(indexes.dense.offTopic));
    write(SENTENCES, packVectors(indexes.dense.sentences.vectors));
    write(SENTENCE_COUNTS, JSON.stringify(indexes.dense.sentences.ofPassage.map(([, count]) => count)));
  }
  const full: IndexManifest = { ...manifest, files };
  write(MANIFEST, `${JSON.stringify(full, null, 2)}\n`);
  return full;
}

/**
 * Reads only the manifest: cheap, and enough to decide whether the index is stale. `indexDir` is
 * an index folder: its current version is read (or its own files, saved before versions).
 */
export function readManifest(indexDir: string): IndexManifest {
  const dir = currentIndexFiles(indexDir);
  const bytes = readOrThrow(dir, MANIFEST);
  const manifest = parseJson<IndexManifest>(dir, MANIFEST, bytes.toString("utf8"));
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION || typeof manifest.files !== "object") {
    throw new IndexError(
      `${join(dir, MANIFEST)}: index format ${manifest.formatVersion}, expected ${INDEX_FORMAT_VERSION}`,
      dir,
      "incompatible",
      MANIFEST,
    );
  }
  return manifest;
}

/** Options of {@link loadIndexes}. */
export interface LoadOptions {
  /**
   * Load the dense leg when the folder has one. Default true; false leaves it on disk (a run
   * without the model never needs it, nor the native library that reads it).
   */
  dense?: boolean;
}

/**
 * Loads a saved index folder — its current version — verifying every file against the manifest's
 * checksum first (a truncated HNSW file must never reach native code). Everything is read into
 * memory, so once loaded the version's folder is no longer in use. Throws {@link IndexError}
 * naming the file.
 */
export function loadIndexes(
  indexDir: string,
  analyzer: TermAnalyzer,
  keywordOptions: KeywordIndexOptions = {},
  options: LoadOptions = {},
): Indexes {
  const saved = openSaved(indexDir);
  const stored = saved.passages();
  const keyword = KeywordIndex.fromJSON(saved.verified(KEYWORD).toString("utf8"), analyzer, keywordOptions);
  const words = parseJson<CorpusWords>(saved.dir, WORDS, saved.verified(WORDS).toString("utf8"));
  const dense = (options.dense ?? true) ? saved.dense() : null;
  return {
    manifest: saved.manifest,
    documents: stored.documents,
    passages: stored.passages,
    keyword,
    words,
    dense,
  };
}

/**
 * The passages and the dense leg of a saved index, without its keyword index: what a rebuild
 * reuses vectors from ({@link reusableVectors}). `null` when the index has no dense leg. Throws
 * {@link IndexError} like {@link loadIndexes}.
 */
export function loadSavedVectors(indexDir: string): { passages: Passage[]; dense: DenseLeg } | null {
  const saved = openSaved(indexDir);
  const dense = saved.dense();
  return dense ? { passages: saved.passages().passages, dense } : null;
}

/** A saved index's current version: its manifest, and its files read and verified on demand. */
function openSaved(indexDir: string) {
  const dir = currentIndexFiles(indexDir);
  const manifest = readManifest(dir);
  const verified = (name: string): Buffer => {
    const bytes = readOrThrow(dir, name);
    if (checksumOf(bytes) !== manifest.files[name]) {
      throw new IndexError(`${join(dir, name)} is corrupt (checksum mismatch)`, dir, "corrupt", name);
    }
    return bytes;
  };
  const passages = () =>
    parseJson<{ documents: DocumentInfo[]; passages: Passage[] }>(
      dir,
      PASSAGES,
      verified(PASSAGES).toString("utf8"),
    );
  const dense = (): DenseLeg | null => {
    const denseFiles = [DENSE, OFF_TOPIC, SENTENCES, SENTENCE_COUNTS];
    if (!manifest.dense || !denseFiles.every((name) => manifest.files[name])) return null;
    verified(DENSE);
    return {
      index: VectorIndex.load(join(dir, DENSE), manifest.dense.dimensions, manifest.passages),
      model: manifest.dense.model,
      backend: manifest.dense.backend,
      sentenceMethod: savedSentenceMethod(manifest.dense),
      offTopic: unpackVectors(verified(OFF_TOPIC), manifest.dense.dimensions),
      sentences: sentenceVectors(
        unpackVectors(verified(SENTENCES), manifest.dense.dimensions),
        parseJson<number[]>(dir, SENTENCE_COUNTS, verified(SENTENCE_COUNTS).toString("utf8")),
      ),
    };
  };
  return { dir, manifest, verified, passages, dense };
}

function readOrThrow(dir: string, name: string): Buffer {
  try {
    return readFileSync(join(dir, name));
  } catch {
    throw new IndexError(`${join(dir, name)} is missing`, dir, "missing", name);
  }
}

function parseJson<T>(dir: string, name: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new IndexError(`${join(dir, name)} is corrupt (not valid JSON)`, dir, "corrupt", name);
  }
}

/** Vectors as one little-endian float32 buffer (the dimensions are in the manifest). */
function packVectors(vectors: readonly Float32Array[]): Uint8Array {
  const out = new Uint8Array(vectors.reduce((n, v) => n + v.byteLength, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const vector of vectors)
    for (const value of vector) {
      view.setFloat32(at, value, true);
      at += 4;
    }
  return out;
}

function unpackVectors(bytes: Buffer, dimensions: number): Float32Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = Math.floor(bytes.byteLength / 4 / dimensions);
  return Array.from({ length: count }, (_, row) =>
    Float32Array.from({ length: dimensions }, (_, i) => view.getFloat32((row * dimensions + i) * 4, true)),
  );
}
