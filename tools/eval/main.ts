/**
 * `npm run eval`: retrieval quality, printed as tables, the model off and on side by side.
 *
 *   npm run eval -- [--model off|tiny|<model id>] [--once] [--sets a,b] [--no-kazqad] [--no-misses]
 *
 * - The question sets about the article (eval/, see eval/README.md): hit@1 and hit@3 per
 *   language, category, typing and tag; out-of-scope questions declined (near misses and
 *   unrelated ones apart); in-scope questions wrongly declined; then every miss of the last run.
 *   Then what users see (tools/eval/reply.ts): the visible length of the bot's replies, hit@1 and
 *   hit@3 over what the user can reach (shown at once or behind "more"), and the trade-off of
 *   the cut between the two.
 *   `--once` adds the set written to be run once (NEXT_ONCE_SET below): record its figures.
 *   `--sets article-questions,users-dev` runs only those sets (file names without .jsonl).
 * - With a model: the dense abstention floor's trade-off (to calibrate MIN_DENSE_SIMILARITY).
 * - KazQAD dev (../shared/kazqad-dev, when present): R@1, R@5, MRR@10 for plain BM25, 5-letter
 *   prefixes, the keyword leg — and with a model the dense leg alone and the fused legs.
 * The model is loaded as the product loads it: MODEL_DIR, MODEL_OFFLINE, or EMBEDDINGS_URL (then
 * the id is the name sent to the server). `--model tiny` generates the bag-of-words test model (a
 * plumbing check, not a quality figure).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { engineOptionsFrom, loadDotEnv, parseSettings, settingsSchema } from "../../src/config/index.js";
import { type Embedder, kazakhAnalyzer, openEmbedder } from "../../src/indexes/index.js";
import { loadTinyModel } from "../tiny-model/load.js";
import { type ArticleQuestion, evaluateArticle, formatMisses, readArticleQuestions } from "./article.js";
import { formatComparison, type LabelledReport } from "./compare.js";
import { denseCalibration } from "./dense-calibration.js";
import { openFreshEngine } from "./fresh-engine.js";
import { evaluateKazqad, KAZQAD_DIR, kazqadAvailable } from "./kazqad.js";
import { fmt, table } from "./metrics.js";
import { cutCalibration, formatReplies, measureReplies } from "./reply.js";

const { values } = parseArgs({
  options: {
    model: { type: "string", default: "off" },
    once: { type: "boolean", default: false },
    "no-kazqad": { type: "boolean", default: false },
    "no-misses": { type: "boolean", default: false },
    sets: { type: "string" },
  },
});

async function modelFor(name: string): Promise<Embedder | null> {
  if (name === "off") return null;
  if (name === "tiny")
    return loadTinyModel(["corpus", ...(kazqadAvailable() ? [join(KAZQAD_DIR, "corpus")] : [])]);
  loadDotEnv();
  const settings = parseSettings(settingsSchema, { ...process.env, EMBEDDING_MODEL: name });
  const { embedder } = engineOptionsFrom(settings, () => {});
  return openEmbedder(embedder);
}

/** The blind sets written to be run once and already run: development sets since (eval/README.md). */
const SPENT_ONCE_SETS = [
  "users-once",
  "users-once-2",
  "users-once-3",
  "users-once-4",
  "users-once-5",
  "users-once-6",
  "users-once-7",
  "users-once-8",
  "users-once-9",
  "users-once-10",
  "users-once-11",
  "users-once-12",
  "users-once-13",
  "users-once-14",
  "users-once-15",
  "users-once-16",
  "users-once-17",
];
/** The blind set `--once` runs: not yet run. When it has been, it joins {@link SPENT_ONCE_SETS}. */
const NEXT_ONCE_SET = "users-once-18";

/** The question sets; `tuned` ones were looked at while tuning, so their figures are development figures. */
const ALL_SETS = [
  {
    path: "eval/article-questions.jsonl",
    title: "Article questions (developers' set; tuned on)",
    tuned: true,
  },
  {
    path: "eval/article-heldout.jsonl",
    title: "Held-out article questions (see eval/README.md)",
    tuned: false,
  },
  {
    path: "eval/users-dev.jsonl",
    title: "User-style questions, written blind (development part)",
    tuned: true,
  },
  ...SPENT_ONCE_SETS.map((name) => ({
    path: `eval/${name}.jsonl`,
    title: `User-style questions, written blind: ${name} (run once on 2026-12-01, a development set since)`,
    tuned: true,
  })),
  ...(values.once
    ? [
        {
          path: `eval/${NEXT_ONCE_SET}.jsonl`,
          title: `User-style questions, written blind: ${NEXT_ONCE_SET}, RUN ONCE (record the figures in eval/README.md)`,
          tuned: false,
        },
      ]
    : []),
];

const SETS = values.sets
  ? ALL_SETS.filter((set) =>
      (values.sets as string).split(",").some((name) => set.path.endsWith(`/${name}.jsonl`)),
    )
  : ALL_SETS;

async function articleSections(embedder: Embedder | null): Promise<string> {
  const engines = [{ label: "off", engine: await openFreshEngine("corpus", { embedder: null }) }];
  if (embedder) engines.push({ label: "on", engine: await openFreshEngine("corpus", { embedder }) });
  const out: string[] = [
    `legs — off: ${engines[0]?.engine.legs.join(" + ")}${embedder ? `; on: ${engines[1]?.engine.legs.join(" + ")} (${embedder.modelId} via ${embedder.backend})` : ""}`,
    "",
  ];
  for (const set of SETS) {
    const questions = readArticleQuestions(set.path);
    const runs: LabelledReport[] = [];
    for (const { label, engine } of engines)
      runs.push({ label, report: await evaluateArticle(engine, questions) });
    out.push(formatComparison(runs, `${set.title} — ${describe(questions)}`));
    const replies = [];
    for (const { label, engine } of engines) replies.push(await measureReplies(label, engine, questions));
    out.push(formatReplies(replies, set.title));
    const last = runs.at(-1);
    if (last && !values["no-misses"]) out.push(formatMisses(last.report, `${set.path}, model ${last.label}`));
  }
  const all = SETS.flatMap((set) => readArticleQuestions(set.path));
  for (const { label, engine } of engines) out.push(await cutCalibration(engine, all, label));
  return out.join("\n");
}

function describe(questions: readonly ArticleQuestion[]): string {
  const inScope = questions.filter((q) => q.expect !== null).length;
  return `${inScope} in scope, ${questions.length - inScope} out of scope`;
}

async function kazqadSection(embedder: Embedder | null): Promise<string> {
  const rows: string[][] = [];
  const add = async (name: string, run: () => ReturnType<typeof evaluateKazqad>) => {
    const s = await run();
    rows.push([name, String(s.n), fmt(s.hitAt1), fmt(s.hitAt5), fmt(s.mrr)]);
  };
  await add("plain BM25 (surface forms)", () =>
    evaluateKazqad(kazakhAnalyzer({ stemmer: "none", stopwords: false }), null),
  );
  await add("5-letter prefixes", () =>
    evaluateKazqad(kazakhAnalyzer({ stemmer: "prefix5", stopwords: false }), null),
  );
  await add("keyword leg alone (project analyzer)", () => evaluateKazqad(kazakhAnalyzer(), null));
  if (embedder) {
    const indexDir = mkdtempSync(join(tmpdir(), "kazqad-dense-"));
    await add(`dense leg alone (${embedder.modelId})`, () =>
      evaluateKazqad(kazakhAnalyzer(), embedder, KAZQAD_DIR, {
        indexDir,
        retriever: { weights: { keyword: 0 } },
      }),
    );
    await add("fused: keyword + dense", () =>
      evaluateKazqad(kazakhAnalyzer(), embedder, KAZQAD_DIR, { indexDir }),
    );
  }
  return [
    `## KazQAD dev (${KAZQAD_DIR}, document level)`,
    table(["", "n", "R@1", "R@5", "MRR@10"], rows),
    "",
  ].join("\n");
}

const started = performance.now();
const embedder = await modelFor(values.model);
process.stdout.write(`${await articleSections(embedder)}\n`);
if (embedder) {
  const calibrationSet = [...readArticleQuestions(), ...readArticleQuestions("eval/users-dev.jsonl")];
  process.stdout.write(`${await denseCalibration(embedder, calibrationSet)}\n`);
}
if (!values["no-kazqad"]) {
  process.stdout.write(
    kazqadAvailable()
      ? `${await kazqadSection(embedder)}\n`
      : `(KazQAD dev not found at ${KAZQAD_DIR}: skipped)\n`,
  );
}
process.stdout.write(`(eval took ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
