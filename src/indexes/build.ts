import { type CorpusDocument, corpusHash } from "../corpus/index.js";
import {
  buildPassages,
  PASSAGE_FORMAT_VERSION,
  type Passage,
  type PassageOptions,
} from "../passages/index.js";
import { embedCorpus } from "./dense/corpus-vectors.js";
import type { Embedder } from "./dense/embedder.js";
import { OFF_TOPIC_HASH, OFF_TOPIC_QUESTIONS } from "./dense/off-topic.js";
import type { ReusableVectors } from "./dense/reusable-vectors.js";
import { VectorIndex, type VectorIndexOptions } from "./dense/vector-index.js";
import { analyseCorpusWords } from "./keyword/corpus-words.js";
import { KeywordIndex, type KeywordIndexOptions, type TermAnalyzer } from "./keyword/keyword-index.js";
import { INDEX_FORMAT_VERSION, type IndexManifest } from "./manifest.js";
import type { DenseLeg, DocumentInfo, Indexes } from "./types.js";

/** Reports the progress of a long step (embedding a corpus) to whoever draws it. */
export interface ProgressReporter {
  start(label: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

/** Options of {@link buildIndexes}. */
export interface BuildOptions {
  analyzer: TermAnalyzer;
  /** The model for the dense leg; `null` builds keyword and structure legs only. */
  embedder: Embedder | null;
  passages?: PassageOptions;
  keyword?: KeywordIndexOptions;
  vectors?: VectorIndexOptions;
  progress?: ProgressReporter;
  /** Vectors of an earlier index by the same model, by text: those texts are not embedded again. */
  reuse?: ReusableVectors;
}

/** Builds every leg from documents, in memory. Saving is {@link saveIndexes}'s job. */
export async function buildIndexes(
  documents: readonly CorpusDocument[],
  options: BuildOptions,
): Promise<Indexes> {
  const passages = buildPassages(documents, options.passages);
  const keyword = await KeywordIndex.build(
    passages,
    options.analyzer,
    options.keyword,
    bylineLabel(documents),
  );
  const words = await analyseCorpusWords(passages, keyword);
  const dense = options.embedder ? await buildDenseLeg(passages, options.embedder, options) : null;
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    passageFormatVersion: PASSAGE_FORMAT_VERSION,
    analyzerVersion: options.analyzer.version,
    corpusHash: corpusHash(documents),
    builtAt: new Date().toISOString(),
    documents: documents.length,
    passages: passages.length,
    files: {},
    dense: dense ? denseManifest(dense) : null,
  };
  return { manifest, documents: documentInfos(documents, passages), passages, keyword, words, dense };
}

/** What the manifest records of a dense leg. */
export function denseManifest(dense: DenseLeg): NonNullable<IndexManifest["dense"]> {
  return {
    backend: dense.backend,
    model: dense.model,
    dimensions: dense.index.dimensions,
    offTopic: OFF_TOPIC_HASH,
    sentences: dense.sentenceMethod,
  };
}

/**
 * Embeds every passage and its sentences (and the off-topic questions) and builds the HNSW graph
 * over the passage vectors. Texts `options.reuse` has a vector for are not embedded again.
 */
export async function buildDenseLeg(
  passages: readonly Passage[],
  embedder: Embedder,
  options: Pick<BuildOptions, "progress" | "vectors" | "reuse"> = {},
): Promise<DenseLeg> {
  try {
    const vectors = await embedCorpus(passages, embedder, options);
    return {
      index: VectorIndex.build(vectors.passages, embedder.dimensions, options.vectors),
      model: embedder.modelId,
      backend: embedder.backend,
      offTopic: await embedder.embedQueries(OFF_TOPIC_QUESTIONS),
      sentences: vectors.sentences,
      sentenceMethod: vectors.method,
    };
  } finally {
    options.progress?.stop();
  }
}

/**
 * The word a byline passage is marked with (see {@link bylineLabel}); the answer stage reads it
 * back from the matched terms to know a question asked for the author.
 */
export const BYLINE_LABEL = "автор";

/**
 * Marks the passage that holds a document's byline with the word "автор" (author), so "Who
 * wrote the article?" — "Мақаланың авторы кім?" — finds the signature line, which never says so.
 */
function bylineLabel(documents: readonly CorpusDocument[]): (passage: Passage) => string {
  const authors = new Map(documents.map((doc) => [doc.id, doc.author]));
  return (passage) => {
    const author = authors.get(passage.doc);
    return author && passage.text.split("\n").includes(author) ? BYLINE_LABEL : "";
  };
}

function documentInfos(documents: readonly CorpusDocument[], passages: readonly Passage[]): DocumentInfo[] {
  return documents.map((doc) => ({
    id: doc.id,
    title: doc.title,
    author: doc.author,
    passages: passages.filter((p) => p.doc === doc.id).length,
  }));
}
