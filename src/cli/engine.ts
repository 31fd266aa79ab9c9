import { AnswerEngine } from "../answer/index.js";
import {
  engineOptionsFrom,
  loadDotEnv,
  parseSettings,
  type Settings,
  settingsSchema,
} from "../config/index.js";
import { staleBuildWarning } from "./build-freshness.js";
import { downloadBar, progressBar } from "./progress-bar.js";

/** Overrides of settings from command-line flags. */
export interface EngineOverrides {
  corpusDir?: string;
  indexDir?: string;
  forceRebuild?: boolean;
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
  const engine = await AnswerEngine.open({
    ...options,
    ...(overrides.corpusDir ? { corpusDir: overrides.corpusDir } : {}),
    ...(overrides.indexDir ? { indexDir: overrides.indexDir } : {}),
    forceRebuild: overrides.forceRebuild ?? false,
    embedder: { ...options.embedder, onDownload: downloadBar(settings.EMBEDDING_MODEL) },
    progress: progressBar(),
  });
  return { engine, settings };
}
