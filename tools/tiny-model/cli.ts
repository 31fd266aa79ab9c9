/**
 * Command-line front end of the tiny-model generator, used by benchmarks that need an embedding model
 * without network access:
 *
 *   tsx tools/tiny-model/cli.ts --out DIR [--model org/name] [--texts-from CORPUS_DIR]
 *
 * `DIR` is a model root: the files land in `DIR/<org>/<name>/`, so point transformers.js at it with
 * `env.localModelPath = DIR` and load the model id. The vocabulary comes from the `.txt`/`.md` files of
 * `CORPUS_DIR` (searched recursively; default: the project's `corpus/`).
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateTinyModel } from "./generate.js";

/** Model id written when `--model` is omitted; tests and benchmarks can rely on it. */
export const DEFAULT_MODEL_ID = "test/tiny-bag-of-words";

/** The project's `corpus/` folder, found relative to this file so the CLI works from any directory. */
export const DEFAULT_CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "corpus");

const USAGE = "Usage: tsx tools/tiny-model/cli.ts --out DIR [--model org/name] [--texts-from CORPUS_DIR]";

/** Reads every `.txt`/`.md` file below `dir` in a stable order, so the vocabulary is reproducible. */
export async function readCorpusTexts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.(txt|md)$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(files.map((file) => readFile(file, "utf8")));
}

/** Parses the arguments, generates the model and prints where it went; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: "string" },
      model: { type: "string", default: DEFAULT_MODEL_ID },
      "texts-from": { type: "string", default: DEFAULT_CORPUS_DIR },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) {
    console.error(`Missing --out.\n${USAGE}`);
    return 2;
  }
  const modelId = values.model;
  if (!/^[\w.-]+\/[\w.-]+$/.test(modelId)) {
    console.error(`--model must look like org/name, got "${modelId}".`);
    return 2;
  }
  const texts = await readCorpusTexts(values["texts-from"]);
  if (texts.length === 0) {
    console.error(`No .txt or .md files found in ${values["texts-from"]}.`);
    return 1;
  }
  const root = resolve(values.out);
  const dir = join(root, ...modelId.split("/"));
  const { vocabSize, dimensions } = await generateTinyModel(dir, { texts });
  console.log(
    `Wrote ${modelId} to ${dir} (vocab ${vocabSize}, ${dimensions} dimensions, ${texts.length} text files). ` +
      `Load it with env.localModelPath = ${JSON.stringify(root)}.`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
