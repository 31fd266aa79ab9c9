import { limit } from "@grammyjs/ratelimiter";
import type { Middleware } from "grammy";
import type { BotContext } from "./context.js";
import { languageFromCode, messagesFor } from "./i18n.js";
import { replyOptions } from "./reply.js";

/** Options of {@link rateLimit}; the defaults are those of `.env.example`. */
export interface RateLimitOptions {
  /** Length of the window in which questions are counted, in milliseconds. */
  windowMs?: number;
  /** Questions one user may ask per window. */
  max?: number;
}

/**
 * A per-user limit on messages and button presses, so one person (or a script) cannot keep the
 * engine busy for everyone. The first message over the limit gets a friendly note in the user's
 * language saying when to try again; further ones in the same window are dropped silently, so the
 * note itself cannot become spam. Inline queries are not limited: clients send one per keystroke
 * and Telegram caches the answers.
 */
export function rateLimit(options: RateLimitOptions = {}): Middleware<BotContext> {
  const windowMs = options.windowMs ?? 10_000;
  const seconds = Math.max(1, Math.ceil(windowMs / 1000));
  return limit<BotContext, never>({
    timeFrame: windowMs,
    limit: options.max ?? 5,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      ctx.outcome.outcome = "rate-limited";
      const text = messagesFor(languageFromCode(ctx.from?.language_code) ?? "kk").rateLimited(seconds);
      if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text });
      else if (ctx.chat !== undefined) await ctx.reply(text, replyOptions(ctx.msg?.message_id));
    },
  });
}
