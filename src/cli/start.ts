/**
 * `npm start`: the Telegram bot. Reads `.env` and the environment, opens the answer engine once
 * (building a missing index), then long-polls Telegram — or serves a webhook when WEBHOOK_URL is
 * set — until SIGINT/SIGTERM, on which it stops taking updates, lets replies in flight finish and
 * exits 0. A setting, corpus, index or token problem ends start-up with one line on stderr and
 * exit code 1; the token never appears in anything printed.
 */
import { AnswerEngine } from "../answer/index.js";
import {
  BotStartError,
  createBot,
  createLogger,
  describeError,
  GracefulShutdown,
  initBot,
  type LaunchOptions,
  launchPolling,
  launchWebhook,
  parseStartSettings,
  Redactor,
} from "../bot/index.js";
import { engineOptionsFrom, loadDotEnv } from "../config/index.js";
import { staleBuildWarning } from "./build-freshness.js";
import { downloadBar, progressBar } from "./progress-bar.js";
import { isOperatorError } from "./run.js";

const NAME = "start";

/** Writes one scrubbed line to stderr and exits 1. */
function fail(error: unknown, redactor: Redactor): never {
  const expected = error instanceof BotStartError || isOperatorError(error);
  const message = expected
    ? redactor.scrub((error as Error).message)
    : `unexpected error: ${describeError(error, redactor)}`;
  process.stderr.write(`${NAME}: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  if (!expected && process.env.DEBUG && error instanceof Error)
    process.stderr.write(`${redactor.scrub(error.stack ?? "")}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  loadDotEnv();
  const redactor = new Redactor([process.env.BOT_TOKEN, process.env.WEBHOOK_SECRET]);
  let settings: ReturnType<typeof parseStartSettings>;
  try {
    settings = parseStartSettings(process.env);
  } catch (error) {
    fail(error, redactor);
  }
  const logger = createLogger({ level: settings.LOG_LEVEL, redactor });
  const stale = staleBuildWarning();
  if (stale) logger.warn(stale);
  const shutdown = new GracefulShutdown({ graceMs: settings.SHUTDOWN_GRACE_MS, logger, redactor });
  shutdown.install();
  for (const event of ["uncaughtException", "unhandledRejection"] as const) {
    process.on(event, (error: unknown) => {
      logger.fatal({ error: describeError(error, redactor) }, event);
      fail(error, redactor);
    });
  }

  const engineLog = (message: string) =>
    message.startsWith("WARNING") ? logger.warn(message) : logger.info(message);
  const engineOptions = engineOptionsFrom(settings, engineLog);
  const engine = await AnswerEngine.open({
    ...engineOptions,
    // First run on an operator's machine: the model download and the corpus embedding draw
    // progress bars on a terminal (and print one line each otherwise).
    embedder: { ...engineOptions.embedder, onDownload: downloadBar(settings.EMBEDDING_MODEL) },
    progress: progressBar(),
  });
  if (shutdown.requested) return;

  const created = createBot(engine, {
    token: settings.BOT_TOKEN,
    apiRoot: settings.TELEGRAM_API_ROOT,
    logger,
    redactor,
    rateLimit: { windowMs: settings.RATE_LIMIT_WINDOW_MS, max: settings.RATE_LIMIT_MAX },
    maxQuestionChars: settings.MAX_QUESTION_CHARS,
    inlineCacheSeconds: settings.INLINE_CACHE_S,
    requestTimeoutSeconds: settings.POLL_TIMEOUT_S + 15,
    admins: settings.ADMIN_USER_IDS,
    skippedFiles: engine.openResult.skipped,
  });
  const launch: LaunchOptions = {
    logger,
    redactor,
    shutdown,
    engine,
    pollTimeoutSeconds: settings.POLL_TIMEOUT_S,
    ...(settings.WEBHOOK_URL
      ? {
          webhook: {
            url: settings.WEBHOOK_URL,
            port: settings.PORT,
            host: settings.HOST,
            ...(settings.WEBHOOK_SECRET ? { secret: settings.WEBHOOK_SECRET } : {}),
          },
        }
      : {}),
  };
  await initBot(created, launch);
  if (shutdown.requested) return;

  if (launch.webhook) {
    await launchWebhook(created, launch);
  } else {
    const { crashed } = await launchPolling(created, launch);
    crashed.catch((error: unknown) => {
      logger.fatal({ error: describeError(error, redactor) }, "polling stopped");
      fail(error, redactor);
    });
  }
  logger.info(
    {
      mode: launch.webhook ? "webhook" : "polling",
      username: created.bot.botInfo.username,
      passages: engine.indexes.passages.length,
      legs: engine.legs,
      startup_ms: Math.round(process.uptime() * 1000),
    },
    "bot started",
  );
}

main().catch((error: unknown) =>
  fail(error, new Redactor([process.env.BOT_TOKEN, process.env.WEBHOOK_SECRET])),
);
