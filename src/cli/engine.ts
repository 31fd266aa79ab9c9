import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { AnswerEngine } from "../answer/index.js";
import {
  engineOptionsFrom,
  loadDotEnv,
  parseSettings,
  type Settings,
  settingsSchema,
} from "../config/index.js";
import { recordedCorpus } from "../indexes/index.js";
import { staleBuildWarning } from "./build-freshness.js";
import { downloadBar, progressBar } from "./progress-bar.js";

/** Overrides of settings from command-line flags. */
export interface EngineOverrides {
  corpusDir?: string;
  indexDir?: string;
  forceRebuild?: boolean;
  /**
   * With `indexDir` and no `corpusDir`: answer from the corpus the index records it was built
   * from (`ask --index DIR`), when that folder is there. Default false.
   */
  corpusFromIndex?: boolean;
}

/**
 * Opens the answer engine the way every command does: `.env`, validated settings, a progress bar
 * for embedding, one-line notices on stderr.
 */
export async function openEngineFromEnvironment(
  overrides: EngineOverrides = {},
): Promise<{ engine: AnswerEngine; settings: Settings }> {
  loadDotEnv();
  const settings = parseSettings(settingsSchema, process.env);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const stale = staleBuildWarning();
  if (stale) log(`WARNING: ${stale}`);
  const options = engineOptionsFrom(settings, log);
  const corpusDir =
    overrides.corpusDir ?? (overrides.corpusFromIndex ? indexCorpus(overrides, settings, log) : undefined);
  const engine = await AnswerEngine.open({
    ...options,
    ...(corpusDir ? { corpusDir } : {}),
    ...(overrides.indexDir ? { indexDir: overrides.indexDir } : {}),
    forceRebuild: overrides.forceRebuild ?? false,
    embedder: { ...options.embedder, onDownload: downloadBar(settings.EMBEDDING_MODEL) },
    progress: progressBar(),
  });
  return { engine, settings };
}

/**
 * The corpus `overrides.indexDir` was built from, when recorded and present; says so on stderr
 * when it is not the configured corpus.
 */
function indexCorpus(
  overrides: EngineOverrides,
  settings: Settings,
  log: (message: string) => void,
): string | undefined {
  if (!overrides.indexDir) return undefined;
  const recorded = recordedCorpus(overrides.indexDir);
  if (recorded === null || !existsSync(recorded)) return undefined;
  if (recorded !== resolve(settings.CORPUS_DIR))
    log(
      `answering from ${relative(process.cwd(), recorded) || "."}, the corpus ${overrides.indexDir} was built from`,
    );
  return recorded;
}
