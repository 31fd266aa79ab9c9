import { type RunnerHandle, run } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { BotContext } from "./context.js";

/** Update kinds the bot handles; Telegram does not send the others at all. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

/** Options of {@link startPolling}. */
export interface PollingOptions {
  /** Seconds one `getUpdates` may wait for updates. Default 30. */
  timeoutSeconds?: number;
  /** Pause between retries of a failed poll, in milliseconds. Default 1000. */
  retryIntervalMs?: number;
}

/**
 * Long polling with `@grammyjs/runner`: updates are handled concurrently (chats in parallel, each
 * chat in order thanks to `sequentialize` in the bot), and a failed poll is retried every
 * `retryIntervalMs` for as long as the bot runs — a constant pause rather than the runner's
 * unbounded exponential one, so the bot resumes promptly after an outage. Errors the runner would
 * print raw (with the token in the URL) are silenced here and logged scrubbed by the bot's
 * poll-failure transformer.
 */
export function startPolling(bot: Bot<BotContext>, options: PollingOptions = {}): RunnerHandle {
  return run(bot, {
    runner: {
      fetch: { timeout: options.timeoutSeconds ?? 30, allowed_updates: ALLOWED_UPDATES },
      retryInterval: options.retryIntervalMs ?? 1000,
      maxRetryTime: Number.POSITIVE_INFINITY,
      silent: true,
    },
  });
}
