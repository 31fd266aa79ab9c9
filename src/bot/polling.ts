import { setTimeout as sleep } from "node:timers/promises";
import {
  createConcurrentSink,
  createRunner,
  createSource,
  type RunnerHandle,
  type UpdateSupplier,
} from "@grammyjs/runner";
import { type Api, type Bot, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import { AckWindow } from "./ack-window.js";
import type { BotContext } from "./context.js";

/** Update kinds the bot handles; Telegram does not send the others at all. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query"] as const;

/** Options of {@link startPolling}. */
export interface PollingOptions {
  /** Seconds one `getUpdates` may wait for updates. Default 30. */
  timeoutSeconds?: number;
  /** Pause between retries of a failed poll, in milliseconds. Default 1000. */
  retryIntervalMs?: number;
  /**
   * While a fetched update is still being handled, polls cannot wait long (Telegram returns the
   * unconfirmed update at once): the pause between them, unless an update finishes sooner.
   * Default 500 ms — new updates then arrive within that.
   */
  heldPollIntervalMs?: number;
}

/** Long polling under way: the runner, and the window of updates it may confirm. */
export interface Polling {
  readonly runner: RunnerHandle;
  readonly window: AckWindow;
}

/**
 * Long polling with `@grammyjs/runner`'s source and concurrent sink: updates are handled
 * concurrently (chats in parallel, each chat in order thanks to `sequentialize` in the bot). The
 * runner's own fetcher is replaced by {@link fetchUnconfirmed}, which never confirms an update
 * still being handled, so one whose reply has not gone out when the process stops is delivered
 * again to the next one. A failed poll is retried every `retryIntervalMs` for as long as the bot
 * runs — a constant pause, so the bot resumes promptly after an outage. Errors are logged,
 * scrubbed, by the bot's poll-failure transformer, never printed raw (with the token in the URL).
 */
export function startPolling(bot: Bot<BotContext>, options: PollingOptions = {}): Polling {
  const window = new AckWindow();
  const source = createSource({ supply: fetchUnconfirmed(bot.api, window, options) });
  const sink = createConcurrentSink<Update>(
    { consume: (update) => bot.handleUpdate(update).finally(() => window.finish(update.update_id)) },
    async (error) => {
      try {
        await bot.errorHandler(error as Parameters<typeof bot.errorHandler>[0]);
      } catch {
        // bot.catch logs and swallows; nothing is left to report here.
      }
    },
  );
  const runner = createRunner(source, sink);
  runner.start();
  return { runner, window };
}

/**
 * The runner's update supplier: `getUpdates` with the window's offset (the oldest update still
 * being handled, else the next new one), returning only updates not fetched before. While an
 * update is held, Telegram returns it to every poll at once, so a poll that brings nothing new
 * waits for an update to finish (or `heldPollIntervalMs`) before asking again. 401 and 409 end
 * polling (token revoked, another instance polling); a 429 waits its `retry_after`.
 */
export function fetchUnconfirmed(
  api: Api,
  window: AckWindow,
  options: PollingOptions = {},
): UpdateSupplier<Update>["supply"] {
  const timeout = options.timeoutSeconds ?? 30;
  const retryMs = options.retryIntervalMs ?? 1000;
  const heldMs = options.heldPollIntervalMs ?? 500;
  return async (_batchSize, runnerSignal) => {
    // The runner and grammY type their signals with their own shims; at run time it is Node's.
    const signal = runnerSignal as unknown as AbortSignal;
    for (;;) {
      const holding = window.holding;
      let updates: Update[];
      try {
        updates = await api.getUpdates(
          {
            offset: window.offset,
            limit: 100,
            timeout: holding ? 0 : timeout,
            allowed_updates: ALLOWED_UPDATES,
          },
          signal as Parameters<Api["getUpdates"]>[1],
        );
      } catch (error) {
        if (signal.aborted) throw error;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409))
          throw error;
        const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
        await sleep(retryAfter === undefined ? retryMs : retryAfter * 1000, undefined, { signal });
        continue;
      }
      const fresh = updates.filter((update) => !window.seen(update.update_id));
      if (fresh.length > 0) {
        window.fetched(fresh);
        return fresh;
      }
      if (!holding) return [];
      await window.changed(heldMs, signal);
      if (signal.aborted) return [];
    }
  };
}
