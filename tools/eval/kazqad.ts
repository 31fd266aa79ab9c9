import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Embedder, TermAnalyzer } from "../../src/indexes/index.js";
import { type FreshEngineOptions, openFreshEngine } from "./fresh-engine.js";
import { type RankSummary, summarise } from "./metrics.js";

/** The benchmark folder, beside the project as the steering repo lays it out. */
export const KAZQAD_DIR = "../shared/kazqad-dev";

interface KazqadQuestion {
  readonly id: string;
  readonly q: string;
  readonly gold_docs: readonly string[];
}

/** True when the benchmark is present (it is not part of the project). */
export function kazqadAvailable(dir = KAZQAD_DIR): boolean {
  return existsSync(join(dir, "questions.jsonl")) && existsSync(join(dir, "corpus"));
}

/**
 * Indexes the 697 KazQAD passages with the given analyzer (and model, if any) in a temporary
 * folder and scores the 194 questions at document level: R@1, R@5, MRR@10. Abstention is
 * ignored here: this measures ranking only.
 */
export async function evaluateKazqad(
  analyzer: TermAnalyzer,
  embedder: Embedder | null,
  dir = KAZQAD_DIR,
  options: Pick<FreshEngineOptions, "retriever" | "indexDir"> = {},
): Promise<RankSummary> {
  const questions = readFileSync(join(dir, "questions.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as KazqadQuestion);
  const engine = await openFreshEngine(join(dir, "corpus"), { analyzer, embedder, ...options });
  const retrievals = await engine.retrieveMany(
    questions.map((q) => q.q),
    30,
  );
  const ranks = questions.map((question, i) => {
    const docs = [...new Set((retrievals[i]?.passages ?? []).map((p) => p.passage.doc))];
    const index = docs.findIndex((doc) => question.gold_docs.includes(doc));
    return index >= 0 ? index + 1 : null;
  });
  return summarise(ranks, 10);
}
