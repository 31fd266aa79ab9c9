import type { Logger } from "pino";
import { describeUrl, FeedbackRecorder, feedbackStoreFor } from "../feedback/index.js";
import { trashDirOf } from "./admin-documents.js";
import type { CreateBotOptions } from "./create-bot.js";
import type { Health } from "./health.js";
import { type HeldEngine, LiveEngine } from "./live-engine.js";
import { LiveIndex } from "./live-index.js";
import { describeError, type Redactor } from "./redact.js";
import type { StartSettings } from "./settings.js";
import type { SharedCounter } from "./shared-counter.js";

/** Options of {@link startOperatorRuntime}. */
export interface OperatorRuntimeOptions {
  settings: StartSettings;
  /** The engine opened at start. */
  engine: HeldEngine;
  /** Opens a fresh engine over the corpus as it is now (reusing the loaded model). */
  open: () => Promise<HeldEngine>;
  logger: Logger;
  redactor: Redactor;
  health: Health;
}

/** What the operator's features add to a running bot, and how to close them. */
export interface OperatorRuntime {
  readonly live: LiveEngine;
  readonly index: LiveIndex;
  readonly recorder: FeedbackRecorder;
  readonly counter: SharedCounter | null;
  /** What `createBot` takes from it: the live engine's skipped files, feedback, documents, the shared counter. */
  readonly botOptions: Pick<CreateBotOptions, "skippedFiles" | "feedback" | "adminDocuments"> & {
    counter?: SharedCounter;
  };
  /** Stops watching the corpus, waits for feedback writes (at most `remainingMs`) and closes connections. */
  close(remainingMs: number): Promise<void>;
}

/**
 * Starts what an operator runs beside the answers: the live corpus (polled every
 * CORPUS_POLL_MS, swapped in without a restart), feedback storage (SQLite in DATA_DIR, or
 * DATABASE_URL), and the rate limit's shared counter (REDIS_URL). None of them can stop the bot:
 * a database or Redis that is down is logged once and the bot answers on.
 */
export async function startOperatorRuntime(options: OperatorRuntimeOptions): Promise<OperatorRuntime> {
  const { settings, logger, redactor, health } = options;
  const describe = (error: unknown) => describeError(error, redactor);
  const live = new LiveEngine(options.engine);
  const index = new LiveIndex({
    corpusDir: settings.CORPUS_DIR,
    indexDir: settings.INDEX_DIR,
    live,
    open: options.open,
    logger,
    redactor,
    pollMs: settings.CORPUS_POLL_MS,
    onReload: (engine) => health.engineOpened(live, engine.openResult.skipped.length),
  });
  await index.start();
  const store = feedbackStoreFor({
    databaseUrl: settings.DATABASE_URL,
    dataDir: settings.DATA_DIR,
    onIdleError: (error) => logger.warn({ error: describe(error) }, "feedback database connection lost"),
  });
  const recorder = new FeedbackRecorder({
    store,
    logger,
    storeQuestions: settings.STORE_QUESTIONS,
    describe,
  });
  let counter: SharedCounter | null = null;
  if (settings.REDIS_URL) {
    // Loaded only when asked for: ioredis costs ~25 ms of every start that does not use it.
    const { SharedCounter } = await import("./shared-counter.js");
    counter = new SharedCounter({ url: settings.REDIS_URL, windowMs: settings.RATE_LIMIT_WINDOW_MS, logger });
    await counter.connect();
  }
  logger.info(
    {
      corpus_poll_ms: settings.CORPUS_POLL_MS,
      feedback: settings.DATABASE_URL
        ? `postgres ${describeUrl(settings.DATABASE_URL)}`
        : `sqlite ${store.where}`,
      store_questions: settings.STORE_QUESTIONS,
      rate_limit: counter ? `redis ${counter.where}` : "in this process",
      admins: settings.ADMIN_USER_IDS.length,
    },
    "operator features",
  );
  return {
    live,
    index,
    recorder,
    counter,
    botOptions: {
      skippedFiles: () => live.skipped,
      feedback: recorder,
      adminDocuments: {
        corpusDir: settings.CORPUS_DIR,
        trashDir: trashDirOf(settings.DATA_DIR),
        maxBytes: settings.DOCUMENT_MAX_BYTES,
        live,
        index,
      },
      ...(counter ? { counter } : {}),
    },
    async close(remainingMs) {
      index.stop();
      await recorder.close(Math.max(0, remainingMs - 100));
      await counter?.close();
    },
  };
}
