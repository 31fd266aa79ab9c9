/**
 * `npm start`: the Telegram bot. Reads `.env` and the environment, opens the answer engine once
 * (building a missing index), then long-polls Telegram — or serves a webhook when WEBHOOK_URL is
 * set, listening from the start so that its readiness can be watched while it loads, with a secret
 * token derived from the bot token when WEBHOOK_SECRET is not set — until SIGINT/SIGTERM, on which
 * it stops taking updates, lets replies in flight finish and exits 0. While it runs, a changed
 * corpus is indexed into a new version and swapped in, answers carry 👍/👎 buttons whose votes
 * are stored (SQLite in DATA_DIR, or DATABASE_URL), admins manage documents from Telegram, and
 * the rate limit is shared through REDIS_URL when set. A setting, corpus, index or token problem
 * ends start-up with one line on stderr and exit code 1; the token and the database and Redis
 * passwords never appear in anything printed.
 */
import { AnswerEngine } from "../answer/index.js";
import {
  BotStartError,
  createBot,
  createLogger,
  deriveWebhookSecret,
  describeError,
  GracefulShutdown,
  Health,
  initBot,
  type LaunchOptions,
  launchPolling,
  launchWebhook,
  parseStartSettings,
  Redactor,
  startOperatorRuntime,
  startWebhookEndpoint,
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

/**
 * Every secret the process knows of, for the redactor: the token, either webhook secret, and the
 * passwords in DATABASE_URL and REDIS_URL.
 */
function secretsOf(env: NodeJS.ProcessEnv): (string | undefined)[] {
  const token = env.BOT_TOKEN?.trim();
  return [
    token,
    env.WEBHOOK_SECRET,
    token ? deriveWebhookSecret(token) : undefined,
    passwordOf(env.DATABASE_URL),
    passwordOf(env.REDIS_URL),
  ];
}

function passwordOf(url: string | undefined): string | undefined {
  try {
    return url ? decodeURIComponent(new URL(url).password) || undefined : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  const redactor = new Redactor(secretsOf(process.env));
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

  // Webhook mode listens first: alive (and not ready) while the index and the model load.
  const health = new Health(settings.EMBEDDINGS);
  const webhook = settings.WEBHOOK_URL
    ? {
        url: settings.WEBHOOK_URL,
        secret: settings.WEBHOOK_SECRET ?? deriveWebhookSecret(settings.BOT_TOKEN),
      }
    : undefined;
  const endpoint = webhook
    ? await startWebhookEndpoint({
        ...webhook,
        port: settings.PORT,
        host: settings.HOST,
        health,
        logger,
        redactor,
        shutdown,
      })
    : null;

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
  // Reopened whenever the corpus or the index version changes, with the model already loaded.
  const runtime = await startOperatorRuntime({
    settings,
    engine,
    open: () => AnswerEngine.open({ ...engineOptions, embedderInstance: engine.embedder }),
    logger,
    redactor,
    health,
  });
  const live = runtime.live;
  health.engineOpened(live, live.skipped.length);

  const { counter, ...operator } = runtime.botOptions;
  const created = createBot(live, {
    token: settings.BOT_TOKEN,
    apiRoot: settings.TELEGRAM_API_ROOT,
    logger,
    redactor,
    rateLimit: {
      windowMs: settings.RATE_LIMIT_WINDOW_MS,
      max: settings.RATE_LIMIT_MAX,
      ...(counter ? { counter, keyPrefix: `rate-limit:${settings.BOT_TOKEN.split(":")[0]}:` } : {}),
    },
    maxQuestionChars: settings.MAX_QUESTION_CHARS,
    inlineCacheSeconds: settings.INLINE_CACHE_S,
    requestTimeoutSeconds: settings.POLL_TIMEOUT_S + 15,
    admins: settings.ADMIN_USER_IDS,
    ...operator,
  });
  const launch: LaunchOptions = {
    logger,
    redactor,
    shutdown,
    engine: live,
    pollTimeoutSeconds: settings.POLL_TIMEOUT_S,
    admins: settings.ADMIN_USER_IDS,
    afterDrain: (remainingMs) => runtime.close(remainingMs),
    ...(webhook ? { webhook } : {}),
  };
  await initBot(created, launch);
  if (shutdown.requested) return;

  if (endpoint) {
    await launchWebhook(created, launch, endpoint, health);
  } else {
    const { crashed } = await launchPolling(created, launch);
    crashed.catch((error: unknown) => {
      logger.fatal({ error: describeError(error, redactor) }, "polling stopped");
      fail(error, redactor);
    });
  }
  logger.info(
    {
      mode: webhook ? "webhook" : "polling",
      ...(webhook
        ? { webhook_secret: settings.WEBHOOK_SECRET ? "WEBHOOK_SECRET" : "derived from BOT_TOKEN" }
        : {}),
      username: created.bot.botInfo.username,
      passages: live.indexes.passages.length,
      index_version: live.version,
      legs: live.legs,
      startup_ms: Math.round(process.uptime() * 1000),
    },
    "bot started",
  );
}

main().catch((error: unknown) => fail(error, new Redactor(secretsOf(process.env))));
