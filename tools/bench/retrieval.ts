import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import MiniSearch from "minisearch";
import type { AnswerEngine } from "../../src/answer/index.js";
import { type Embedder, exactSearch, VectorIndex } from "../../src/indexes/index.js";
import { openFreshEngine } from "../eval/fresh-engine.js";
import { KAZQAD_DIR, kazqadAvailable } from "../eval/kazqad.js";
import { percentile, timeEach } from "./stats.js";

/** A corpus to benchmark on: a folder and questions about it. */
export interface BenchCorpus {
  readonly name: string;
  readonly dir: string;
  readonly questions: readonly string[];
}

/** The article with the project's own questions, and the KazQAD pool when present. */
export function benchCorpora(): BenchCorpus[] {
  const lines = (path: string) =>
    readFileSync(path, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { q: string }).q);
  const corpora: BenchCorpus[] = [
    { name: "article", dir: "corpus", questions: lines("eval/article-questions.jsonl") },
  ];
  if (kazqadAvailable())
    corpora.push({
      name: "kazqad pool",
      dir: join(KAZQAD_DIR, "corpus"),
      questions: lines(join(KAZQAD_DIR, "questions.jsonl")),
    });
  return corpora;
}

/** What one corpus measured with one configuration (model off or on). */
export interface RetrievalBench {
  readonly legs: string;
  readonly buildMs: number;
  /** One question at a time through `answer` (query embedding included). */
  readonly p50: number;
  readonly p95: number;
  readonly questionsPerSecond: number;
  /** Plain MiniSearch BM25 over the same passages and questions, same run. */
  readonly plainP50: number;
  readonly plainP95: number;
  readonly vectors?: VectorBench;
}

/** The dense leg's parts, with the model on. */
export interface VectorBench {
  readonly embedP50: number;
  readonly hnswP50: number;
  readonly exactP50: number;
  readonly recallAt10: number;
}

/**
 * Index build time, per-question latency (p50/p95) and batch throughput for one corpus, with
 * plain BM25 (and, with a model, an exact cosine scan) measured beside ours in the same run.
 */
export async function benchRetrieval(
  corpus: BenchCorpus,
  embedder: Embedder | null,
): Promise<RetrievalBench> {
  const start = performance.now();
  const engine = await openFreshEngine(corpus.dir, { embedder });
  const buildMs = performance.now() - start;
  const questions = corpus.questions;
  await engine.answerMany(questions.slice(0, 10)); // warm up
  const ours = await timeEach(questions, (q) => engine.answer(q));
  const baseline = plainBm25(engine);
  const plain = await timeEach(questions, (q) => baseline.search(q));
  const batchStart = performance.now();
  const repeats = Math.max(1, Math.ceil((embedder ? 400 : 1000) / questions.length));
  for (let i = 0; i < repeats; i++) await engine.answerMany(questions);
  const questionsPerSecond = (repeats * questions.length) / ((performance.now() - batchStart) / 1000);
  return {
    legs: engine.legs.join("+"),
    buildMs,
    p50: percentile(ours, 50),
    p95: percentile(ours, 95),
    questionsPerSecond,
    plainP50: percentile(plain, 50),
    plainP95: percentile(plain, 95),
    ...(embedder && engine.indexes.dense ? { vectors: await benchVectors(corpus, engine, embedder) } : {}),
  };
}

/** Plain MiniSearch BM25 with its default English-centric tokenizer: the keyword baseline. */
function plainBm25(engine: AnswerEngine) {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  search.addAll(engine.indexes.passages.map((p) => ({ id: p.id, text: p.text })));
  return search;
}

/** Query embedding alone, and HNSW search against an exact linear scan over the same vectors. */
async function benchVectors(
  corpus: BenchCorpus,
  engine: AnswerEngine,
  embedder: Embedder,
): Promise<VectorBench> {
  const vectors = await embedder.embedPassages(engine.indexes.passages.map((p) => p.text));
  const queries = await embedder.embedQueries(corpus.questions);
  const hnsw = VectorIndex.build(vectors, embedder.dimensions);
  const approx = await timeEach(queries, (q) => hnsw.search(q, 10));
  const exact = await timeEach(queries, (q) => exactSearch(vectors, q, 10));
  const recall =
    queries.reduce((sum, q) => {
      const truth = new Set(exactSearch(vectors, q, 10).map((h) => h.id));
      return sum + hnsw.search(q, 10).filter((h) => truth.has(h.id)).length / truth.size;
    }, 0) / queries.length;
  const embed = await timeEach(corpus.questions.slice(0, 50), (q) => embedder.embedQueries([q]));
  return {
    embedP50: percentile(embed, 50),
    hnswP50: percentile(approx, 50),
    exactP50: percentile(exact, 50),
    recallAt10: recall,
  };
}

/** Median wall time of a cold `npm run ask` (index already built), with the given settings. */
export async function benchColdAsk(env: Record<string, string>, runs = 5): Promise<number> {
  const fullEnv = { ...process.env, ...env };
  const ask = (question: string) =>
    execFileSync("npm", ["run", "--silent", "ask", "--", "--json", question], {
      env: fullEnv,
      stdio: "ignore",
    });
  ask("warm the index");
  return percentile(await timeEach(Array(runs).fill("Төртінші тапсырма не туралы?"), ask), 50);
}

/** Median wall time of a bare `node -e ''`: the floor of any cold command. */
export async function bareNodeMs(runs = 5): Promise<number> {
  const bare = () => execFileSync("node", ["-e", ""], { stdio: "ignore" });
  return percentile(await timeEach(Array(runs).fill(null), bare), 50);
}
