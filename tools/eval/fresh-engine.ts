import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AnswerEngine } from "../../src/answer/index.js";
import { type Embedder, kazakhAnalyzer, type TermAnalyzer } from "../../src/indexes/index.js";
import type { RetrieverOptions } from "../../src/retriever/index.js";

/** Options of {@link openFreshEngine}. */
export interface FreshEngineOptions {
  /** Default: the project's Kazakh analyzer. */
  analyzer?: TermAnalyzer;
  /** Default: none (keyword and structure legs only). */
  embedder?: Embedder | null;
  /** Default: the retriever's own defaults. */
  retriever?: RetrieverOptions;
  /** Reuse an index folder (two engines over one embedded corpus); default a new temporary one. */
  indexDir?: string;
}

/**
 * An answer engine over `corpusDir` with its index built from scratch in a temporary folder, so
 * evaluations, benchmarks and tests never read or overwrite the project's own `index/`. It keeps
 * no answers: a question asked again is answered again, so timings measure the work.
 */
export function openFreshEngine(
  corpusDir = "corpus",
  options: FreshEngineOptions = {},
): Promise<AnswerEngine> {
  return AnswerEngine.open({
    corpusDir,
    indexDir: options.indexDir ?? mkdtempSync(join(tmpdir(), "fresh-index-")),
    analyzer: options.analyzer ?? kazakhAnalyzer(),
    embedderInstance: options.embedder ?? null,
    answerCacheSize: 0,
    ...(options.retriever ? { retriever: options.retriever } : {}),
  });
}
