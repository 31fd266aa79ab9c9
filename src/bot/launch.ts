import { setTimeout as sleep } from "node:timers/promises";
import { GrammyError, HttpError } from "grammy";
import type { Logger } from "pino";
import { registerAdminMenus } from "./admin-menu.js";
import type { CreatedBot } from "./create-bot.js";
import { startPolling } from "./polling.js";
import { describeError, type Redactor } from "./redact.js";
import { registerCommands } from "./register-commands.js";
import type { BotEngine } from "./services.js";
import type { GracefulShutdown } from "./shutdown.js";

/**
 * Start-up failed in a way only the operator can fix (Telegram refused the token, the API root is
 * wrong). The message is one line meant for stderr and never contains the token.
 */
export class BotStartError extends Error {
  override readonly name = "BotStartError";
}

/** What launching needs besides the bot. */
export interface LaunchOptions {
  logger: Logger;
  redactor: Redactor;
  shutdown: GracefulShutdown;
  engine: BotEngine;
  /** Long-poll timeout in seconds (polling mode). */
  pollTimeoutSeconds: number;
  /** Milliseconds between `getMe` attempts while Telegram cannot be reached. */
  initRetryMs?: number;
  /** Set for webhook mode: where Telegram posts, and the secret it must send back. */
  webhook?: { url: string; secret: string };
  /** Admins, who get a command menu of their own (admin commands). Default none. */
  admins?: readonly number[];
  /**
   * Runs once the updates in flight are done (or the deadline came), with the time left: closes
   * what the bot wrote to (the feedback database, Redis). Default nothing.
   */
  afterDrain?: (remainingMs: number) => Promise<void>;
}

/** The command menus: everyone's, then each admin's own (best effort, not awaited). */
export function registerMenus(api: CreatedBot["bot"]["api"], options: LaunchOptions): void {
  void registerCommands(api, options.logger, options.redactor).then(() =>
    registerAdminMenus(api, options.admins ?? [], options.logger, options.redactor),
  );
}

/**
 * `getMe`, which the bot needs for its @username (group mentions). Called directly rather than
 * through `bot.init()`, whose built-in retry waits silently and forever. A refusal (401 wrong
 * token, 404 wrong API root, another 4xx) is final and becomes a {@link BotStartError}; a network
 * failure, a 429 or a 5xx is retried with one warning line per attempt until it works or the
 * process is told to stop.
 */
export async function initBot(created: CreatedBot, options: LaunchOptions): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      created.bot.botInfo = await created.bot.api.getMe();
      return;
    } catch (error) {
      if (error instanceof GrammyError && error.error_code < 500 && error.error_code !== 429) {
        throw new BotStartError(refusal(error));
      }
      if (!(error instanceof HttpError) && !(error instanceof GrammyError)) throw error;
      options.logger.warn(
        { attempt, error: describeError(error, options.redactor) },
        "cannot reach the Bot API; retrying",
      );
      if (options.shutdown.requested) return;
      await sleep(options.initRetryMs ?? 2000);
    }
  }
}

/** The one line for a Bot API that refused `getMe`. */
function refusal(error: GrammyError): string {
  if (error.error_code === 401)
    return "Telegram refused BOT_TOKEN (401 Unauthorized): check the token from @BotFather";
  if (error.error_code === 404)
    return "the Bot API answered 404 Not Found to getMe: check BOT_TOKEN and TELEGRAM_API_ROOT";
  return `the Bot API refused getMe (${error.error_code}: ${error.description})`;
}

/** Best-effort API calls at start (command menu, webhook registration): logged, never fatal. */
export async function bestEffort(
  what: string,
  task: () => Promise<unknown>,
  options: LaunchOptions,
): Promise<void> {
  try {
    await task();
  } catch (error) {
    options.logger.warn({ error: describeError(error, options.redactor) }, `${what} failed`);
  }
}

/**
 * Long polling until stopped. A webhook left set by an earlier deployment would make every poll
 * fail with 409, so it is deleted first (pending updates are kept). Polls never confirm an update
 * still being handled (see {@link startPolling}). On stop: fetching stops, replies in flight get
 * until the deadline to finish, and then exactly the finished ones are confirmed to Telegram — so
 * a restart does not answer them twice, and does answer the one whose reply had not gone out (a
 * 429 being waited out). Resolves once polling runs; `crashed` rejects if the runner gives up
 * (token revoked, another instance polling).
 */
export async function launchPolling(
  created: CreatedBot,
  options: LaunchOptions,
): Promise<{ crashed: Promise<void> }> {
  const { bot } = created;
  await bestEffort("deleteWebhook", () => bot.api.deleteWebhook(), options);
  registerMenus(bot.api, options);
  const { runner, window } = startPolling(bot, { timeoutSeconds: options.pollTimeoutSeconds });
  options.shutdown.setStopper(async (remainingMs) => {
    const started = Date.now();
    await runner.stop();
    // The window, not the in-flight count, says what may be confirmed: wait on it.
    const drained = await window.idle(Math.max(0, remainingMs - (Date.now() - started) - 300));
    if (!drained)
      options.logger.warn(
        { in_flight: window.pending.length, unconfirmed: window.pending },
        "replies still in flight at the deadline: left unconfirmed, Telegram delivers them again",
      );
    if (window.offset > 0) {
      await bestEffort(
        "confirming the handled updates",
        () => bot.api.getUpdates({ offset: window.offset, limit: 1, timeout: 0 }),
        options,
      );
    }
    await options.afterDrain?.(Math.max(0, remainingMs - (Date.now() - started)));
  });
  const crashed = (runner.task() ?? Promise.resolve()).then(
    () => {
      if (!options.shutdown.requested) throw new BotStartError("polling stopped unexpectedly");
    },
    (error: unknown) => {
      throw error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409)
        ? new BotStartError(
            error.error_code === 401
              ? "Telegram no longer accepts BOT_TOKEN (401 Unauthorized): was it revoked?"
              : "another process is polling with this BOT_TOKEN (409 Conflict): stop it, or use webhook mode",
          )
        : error;
    },
  );
  return { crashed };
}
