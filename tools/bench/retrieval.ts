import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import MiniSearch from "minisearch";
import type { AnswerEngine } from "../../src/answer/index.js";
import { type Embedder, exactSearch, VectorIndex } from "../../src/indexes/index.js";
import { openFreshEngine } from "../eval/fresh-engine.js";
import { KAZQAD_DIR, kazqadAvailable } from "../eval/kazqad.js";
import { table } from "../eval/metrics.js";
import { ms, percentile, ratio, timeEach } from "./stats.js";

/** A corpus to benchmark on: a folder and questions about it. */
export interface BenchCorpus {
  readonly name: string;
  readonly dir: string;
  readonly questions: readonly string[];
}

/** The article with the project's own questions, and the KazQAD pool when present. */
export function benchCorpora(): BenchCorpus[] {
  const articleQuestions = readFileSync("eval/article-questions.jsonl", "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { q: string }).q);
  const corpora: BenchCorpus[] = [{ name: "article", dir: "corpus", questions: articleQuestions }];
  if (kazqadAvailable()) {
    const questions = readFileSync(join(KAZQAD_DIR, "questions.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { q: string }).q);
    corpora.push({ name: "kazqad pool", dir: join(KAZQAD_DIR, "corpus"), questions });
  }
  return corpora;
}

async function openFresh(corpus: BenchCorpus, embedder: Embedder | null) {
  const start = performance.now();
  const engine = await openFreshEngine(corpus.dir, { embedder });
  return { engine, buildMs: performance.now() - start };
}

/** Plain MiniSearch BM25 with its default English-centric tokenizer: the keyword baseline. */
function plainBm25(engine: AnswerEngine) {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  search.addAll(engine.indexes.passages.map((p) => ({ id: p.id, text: p.text })));
  return search;
}

/**
 * Index build time, per-question latency (p50/p95) and batch throughput for one corpus, with
 * plain BM25 and exact cosine scan measured beside ours in the same run.
 */
export async function benchRetrieval(corpus: BenchCorpus, embedder: Embedder | null): Promise<string[][]> {
  const { engine, buildMs } = await openFresh(corpus, embedder);
  const legs = engine.legs.join("+");
  const rows: string[][] = [];
  rows.push([corpus.name, `index build (${legs})`, ms(buildMs), "", ""]);

  const questions = corpus.questions;
  await engine.answerMany(questions.slice(0, 10)); // warm up
  const ours = await timeEach(questions, (q) => engine.answer(q));
  const baseline = plainBm25(engine);
  const plain = await timeEach(questions, (q) => baseline.search(q));
  rows.push([
    corpus.name,
    `query latency p50 / p95 (${legs})`,
    `${ms(percentile(ours, 50))} / ${ms(percentile(ours, 95))}`,
    `plain BM25 ${ms(percentile(plain, 50))} / ${ms(percentile(plain, 95))}`,
    ratio(percentile(plain, 50), percentile(ours, 50)),
  ]);

  const batchStart = performance.now();
  const repeats = Math.max(1, Math.ceil(1000 / questions.length));
  for (let i = 0; i < repeats; i++) await engine.answerMany(questions);
  const perSecond = (repeats * questions.length) / ((performance.now() - batchStart) / 1000);
  rows.push([corpus.name, `batch mode (${legs})`, `${perSecond.toFixed(0)} q/s`, "", ""]);

  if (embedder && engine.indexes.dense) rows.push(...(await benchVectors(corpus, engine, embedder)));
  return rows;
}

/** HNSW search vs an exact linear scan over the same vectors. */
async function benchVectors(
  corpus: BenchCorpus,
  engine: AnswerEngine,
  embedder: Embedder,
): Promise<string[][]> {
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
  const queryEmbed = await timeEach(corpus.questions.slice(0, 50), (q) => embedder.embedQueries([q]));
  return [
    [
      corpus.name,
      "vector search p50 (HNSW, k 10)",
      ms(percentile(approx, 50)),
      `exact scan ${ms(percentile(exact, 50))}`,
      `${ratio(percentile(exact, 50), percentile(approx, 50))}, recall@10 ${recall.toFixed(3)}`,
    ],
    [corpus.name, `query embedding p50 (${embedder.modelId})`, ms(percentile(queryEmbed, 50)), "", ""],
  ];
}

/** Wall time of `npm run ask` from a cold process, median of `runs`, against `node -e ''`. */
export function benchColdAsk(runs = 5): string[][] {
  const time = (command: string, args: string[]) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      execFileSync(command, args, { env: { ...process.env, EMBEDDINGS: "off" }, stdio: "ignore" });
      samples.push(performance.now() - start);
    }
    return percentile(samples, 50);
  };
  execFileSync("npm", ["run", "--silent", "ask", "--", "--json", "warm the index"], {
    env: { ...process.env, EMBEDDINGS: "off" },
    stdio: "ignore",
  });
  const ask = time("npm", ["run", "--silent", "ask", "--", "--json", "Төртінші тапсырма не туралы?"]);
  const node = time("node", ["-e", ""]);
  return [
    [
      "article",
      "cold `npm run ask` (model off), median",
      ms(ask),
      `bare node start ${ms(node)}`,
      ratio(node, ask),
    ],
  ];
}

/** Formats retrieval rows. */
export function retrievalTable(rows: readonly (readonly string[])[]): string {
  return table(["corpus", "measure", "ours", "baseline (same run)", "ratio"], rows);
}
