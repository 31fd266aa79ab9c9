/**
 * `npm run eval`: retrieval quality, printed as tables.
 *
 *   npm run eval -- [--model off|tiny|<hub id>] [--no-kazqad]
 *
 * - The project's own question set about the article (eval/article-questions.jsonl): hit@1,
 *   hit@3, MRR per language and per category, abstention on out-of-scope questions, false
 *   abstention on in-scope ones, and every miss with what came first instead. The same for a
 *   held-out set (eval/article-heldout.jsonl), written after tuning, with no threshold fitted
 *   to it: how far the development figures carry to new questions.
 * - KazQAD dev (../shared/kazqad-dev, when present): R@1, R@5, MRR@10 for plain BM25, 5-letter
 *   prefixes and the project's analyzer — and the dense leg when a model is given.
 * With a model, also the dense abstention floor's trade-off (to calibrate MIN_DENSE_SIMILARITY).
 * `--model tiny` generates the bag-of-words test model (a plumbing check, not a quality figure);
 * a hub id (e.g. Xenova/multilingual-e5-small) measures the real model where it can be loaded.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Embedder, kazakhAnalyzer, loadEmbedder } from "../../src/indexes/index.js";
import { loadTinyModel } from "../tiny-model/load.js";
import { evaluateArticle, formatArticleReport, readArticleQuestions } from "./article.js";
import { denseCalibration } from "./dense-calibration.js";
import { openFreshEngine } from "./fresh-engine.js";
import { evaluateKazqad, KAZQAD_DIR, kazqadAvailable } from "./kazqad.js";
import { fmt, table } from "./metrics.js";

const { values } = parseArgs({
  options: { model: { type: "string", default: "off" }, "no-kazqad": { type: "boolean", default: false } },
});

async function modelFor(name: string): Promise<Embedder | null> {
  if (name === "off") return null;
  if (name !== "tiny") return loadEmbedder({ model: name });
  return loadTinyModel(["corpus", ...(kazqadAvailable() ? [join(KAZQAD_DIR, "corpus")] : [])]);
}

/** The question sets about the article: the development set, and one kept out of tuning. */
const ARTICLE_SETS = [
  { path: "eval/article-questions.jsonl", title: "Article questions" },
  {
    path: "eval/article-heldout.jsonl",
    title: "Held-out article questions (written after tuning; history in eval/README.md)",
  },
];

async function articleSection(embedder: Embedder | null): Promise<string> {
  const engine = await openFreshEngine("corpus", { embedder });
  const legs = `legs: ${engine.legs.join(" + ")}${embedder ? ` (${embedder.modelId})` : ""}`;
  const reports: string[] = [];
  for (const set of ARTICLE_SETS) {
    const report = await evaluateArticle(engine, readArticleQuestions(set.path));
    reports.push(formatArticleReport(report, `${set.title} — ${legs}`));
  }
  return reports.join("\n");
}

async function kazqadSection(embedder: Embedder | null): Promise<string> {
  const variants: [string, ReturnType<typeof kazakhAnalyzer>, Embedder | null][] = [
    ["plain BM25 (surface forms)", kazakhAnalyzer({ stemmer: "none", stopwords: false }), null],
    ["5-letter prefixes", kazakhAnalyzer({ stemmer: "prefix5", stopwords: false }), null],
    ["project analyzer (keyword leg)", kazakhAnalyzer(), null],
  ];
  if (embedder) variants.push([`project analyzer + dense (${embedder.modelId})`, kazakhAnalyzer(), embedder]);
  const rows: string[][] = [];
  for (const [name, analyzer, model] of variants) {
    const s = await evaluateKazqad(analyzer, model);
    rows.push([name, String(s.n), fmt(s.hitAt1), fmt(s.hitAt5), fmt(s.mrr)]);
  }
  return [
    `## KazQAD dev (${KAZQAD_DIR}, document level)`,
    table(["", "n", "R@1", "R@5", "MRR@10"], rows),
    "",
  ].join("\n");
}

const embedder = await modelFor(values.model);
process.stdout.write(`${await articleSection(null)}\n`);
if (embedder) {
  process.stdout.write(`${await articleSection(embedder)}\n`);
  process.stdout.write(`${await denseCalibration(embedder, readArticleQuestions())}\n`);
}
if (!values["no-kazqad"]) {
  process.stdout.write(
    kazqadAvailable()
      ? `${await kazqadSection(embedder)}\n`
      : `(KazQAD dev not found at ${KAZQAD_DIR}: skipped)\n`,
  );
}
