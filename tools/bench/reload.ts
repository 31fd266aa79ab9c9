import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { AnswerEngine } from "../../src/answer/index.js";
import type { Embedder } from "../../src/indexes/index.js";
import { openFreshEngine } from "../eval/fresh-engine.js";
import type { BenchCorpus } from "./retrieval.js";
import { percentile, timeEach } from "./stats.js";

/** What a live reload costs the questions being answered meanwhile, for one corpus and configuration. */
export interface ReloadBench {
  /** Opening the new engine over a rebuilt index (what the bot does when the corpus changes). */
  readonly reloadMs: number;
  /** The longest the event loop was blocked while the new engine was being opened. */
  readonly maxLoopDelayMs: number;
  /** One question at a time on the serving engine, before and during the reload. */
  readonly idleP50: number;
  readonly duringP50: number;
  readonly duringMax: number;
  readonly answeredDuring: number;
}

/**
 * Opens an engine over a copy of `corpus` (the one serving), adds a document to the copy — its
 * first document with every line changed, so nothing of it is embedded yet — and opens a second
 * engine over the same index folder, which rebuilds it as the bot's live corpus does (reusing the
 * vectors of unchanged passages), while questions keep going to the first, one after another, as a
 * reader's would. Measures the reload, the event loop's longest stall
 * (`monitorEventLoopDelay`) and the questions' latency meanwhile against the same questions idle.
 * With the model on both engines share one embedder, as in the bot: the rebuild's passages and
 * the questions take turns on it.
 */
export async function benchReload(corpus: BenchCorpus, embedder: Embedder | null): Promise<ReloadBench> {
  const corpusDir = mkdtempSync(join(tmpdir(), "bench-reload-corpus-"));
  cpSync(corpus.dir, corpusDir, { recursive: true });
  const indexDir = mkdtempSync(join(tmpdir(), "bench-reload-"));
  const serving = await openFreshEngine(corpusDir, { embedder, indexDir });
  const questions = corpus.questions;
  await serving.answerMany(questions.slice(0, 5)); // warm up
  const idle = await timeEach(questions.slice(0, 40), (q) => serving.answer(q));

  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  let done = false;
  addChangedCopyOfFirstDocument(corpusDir);
  const reload = openFreshEngine(corpusDir, { embedder, indexDir }).finally(() => {
    done = true;
  });
  const during = await askUntil(serving, questions, () => done);
  await reload;
  const reloadMs = performance.now() - started;
  loop.disable();
  return {
    reloadMs,
    maxLoopDelayMs: loop.max / 1e6,
    idleP50: percentile(idle, 50),
    duringP50: percentile(during, 50),
    duringMax: Math.max(...during),
    answeredDuring: during.length,
  };
}

/** Adds `zz-added.txt`: the folder's first document with a word added to every non-empty line. */
function addChangedCopyOfFirstDocument(dir: string): void {
  const first = readdirSync(dir)
    .filter((name) => /\.(txt|md)$/.test(name))
    .sort()[0];
  if (first === undefined) throw new Error(`${dir} has no document`);
  const text = readFileSync(join(dir, first), "utf8")
    .split("\n")
    .map((line) => (line.trim() ? `${line} жаңа` : line))
    .join("\n");
  writeFileSync(join(dir, "zz-added.txt"), text);
}

/**
 * Asks the questions in turn, round and round, until `stop()`; returns each one's latency, from
 * being asked to being answered. Each question waits for the next turn of the event loop, as one
 * arriving from the network does: a stall of the loop counts in its latency (and without the wait
 * an answer that never waits for I/O would keep the reload from ever running).
 */
async function askUntil(
  engine: AnswerEngine,
  questions: readonly string[],
  stop: () => boolean,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; !stop(); i++) {
    const start = performance.now();
    await nextTurn();
    await engine.answer(questions[i % questions.length] as string);
    times.push(performance.now() - start);
  }
  return times;
}
