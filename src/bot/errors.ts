import type { BotError } from "grammy";
import type { Logger } from "pino";
import type { BotContext } from "./context.js";
import { languageFromCode, messagesFor } from "./i18n.js";
import { describeError, type Redactor } from "./redact.js";
import { replyOptions } from "./reply.js";

/**
 * The handler of the error boundary around all handlers: a failure in one update is logged with
 * its update id (scrubbed of the token) and the user gets a short apology in their language
 * instead of silence. The apology is best effort and bounded: it gets `timeoutMs` (default 5 s),
 * retries included — if Telegram itself is failing, it fails too, and that is logged, never
 * thrown: one bad update must not stop the bot, nor hold its chat much longer.
 */
export function apologize(logger: Logger, redactor: Redactor, timeoutMs = 5_000) {
  return async (error: BotError<BotContext>): Promise<void> => {
    const ctx = error.ctx;
    ctx.outcome.outcome = "error";
    logger.error(
      {
        update: ctx.update.update_id,
        error: describeError(error.error, redactor),
        stack: stackOf(error.error),
      },
      "handler failed",
    );
    const text = messagesFor(languageFromCode(ctx.from?.language_code) ?? "kk").apology;
    // grammY types its signal with its own shim; at run time it is Node's AbortSignal.
    const signal = AbortSignal.timeout(timeoutMs) as unknown as Parameters<typeof ctx.reply>[2];
    try {
      if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text }, signal);
      else if (ctx.inlineQuery !== undefined) await ctx.answerInlineQuery([], { cache_time: 0 }, signal);
      else if (ctx.chat !== undefined) await ctx.reply(text, replyOptions(ctx.msg?.message_id), signal);
    } catch (apologyError) {
      logger.warn(
        { update: ctx.update.update_id, error: describeError(apologyError, redactor) },
        "apology failed",
      );
    }
  };
}

/** A stack for the log (the logger's output stream scrubs secrets from it like from any line). */
function stackOf(error: unknown): string | undefined {
  return error instanceof Error ? error.stack : undefined;
}

/**
 * The last line of defence, `bot.catch`: errors outside the boundary (in the logging middleware
 * itself) are logged and swallowed, so the runner keeps polling.
 */
export function logUncaught(logger: Logger, redactor: Redactor) {
  return (error: BotError<BotContext>): void => {
    logger.error(
      { update: error.ctx.update.update_id, error: describeError(error.error, redactor) },
      "update failed",
    );
  };
}
