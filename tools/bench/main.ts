/**
 * `npm run bench`: speed and memory, each beside a simple baseline measured in the same run.
 *
 *   npm run bench -- [--no-bot] [--no-cold]
 *
 * - Retrieval on the article and on the KazQAD pool (697 passages): index build, query latency
 *   p50/p95 (keyword + structure) against plain BM25, batch throughput; with the generated test
 *   model: the dense leg, HNSW against an exact linear scan (with HNSW's recall@10).
 * - A cold `npm run ask` (model off) against a bare `node` start.
 * - The bot through a local Bot API: 50 users × 5 questions at once, reply latency p50/p95,
 *   all answered in the right chats, peak RSS of the bot process, cold start to first poll.
 * Medians from one run: these machines are noisy, so compare ratios, not absolute numbers.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { KAZQAD_DIR, kazqadAvailable } from "../eval/kazqad.js";
import { loadTinyModel } from "../tiny-model/load.js";
import { benchBot, botTable } from "./bot.js";
import { benchColdAsk, benchCorpora, benchRetrieval, retrievalTable } from "./retrieval.js";
import { peakRssMb } from "./stats.js";

const { values } = parseArgs({
  options: { "no-bot": { type: "boolean", default: false }, "no-cold": { type: "boolean", default: false } },
});

const tinyModel = () => loadTinyModel(["corpus", ...(kazqadAvailable() ? [join(KAZQAD_DIR, "corpus")] : [])]);

const rows: string[][] = [];
for (const corpus of benchCorpora()) rows.push(...(await benchRetrieval(corpus, null)));
const rssKeyword = peakRssMb();
const tiny = await tinyModel();
for (const corpus of benchCorpora()) rows.push(...(await benchRetrieval(corpus, tiny)));
if (!values["no-cold"]) rows.push(...benchColdAsk());
process.stdout.write(
  `## Retrieval\n${retrievalTable(rows)}\n\npeak RSS of this process: ${rssKeyword.toFixed(0)} MB after keyword-only runs, ${peakRssMb().toFixed(0)} MB after the test-model runs\n\n`,
);

if (!values["no-bot"])
  process.stdout.write(`## Bot through a local Bot API\n${botTable(await benchBot())}\n`);
