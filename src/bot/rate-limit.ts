import { limit } from "@grammyjs/ratelimiter";
import type { Middleware } from "grammy";
import type { BotContext } from "./context.js";
import { languageFromCode, messagesFor } from "./i18n.js";
import { replyOptions } from "./reply.js";
import type { CounterClient } from "./shared-counter.js";

/** Options of {@link rateLimit}; the defaults are those of `.env.example`. */
export interface RateLimitOptions {
  /** Length of the window in which questions are counted, in milliseconds. */
  windowMs?: number;
  /** Questions one user may ask per window. */
  max?: number;
  /**
   * Where counts are kept: shared by every replica through Redis (REDIS_URL, a
   * {@link CounterClient} given to the plugin's Redis storage), else in this process.
   */
  counter?: CounterClient;
  /** Prefix of the counters' keys, so bots sharing one Redis never share counts. Default "rate-limit:". */
  keyPrefix?: string;
}

/**
 * A per-user limit on messages and button presses, so one person (or a script) cannot keep the
 * engine busy for everyone. The first message over the limit gets a friendly note in the user's
 * language saying when to try again; further ones in the same window are dropped silently, so the
 * note itself cannot become spam. Inline queries are not limited: clients send one per keystroke
 * and Telegram caches the answers. With a shared counter (Redis) the limit holds across replicas.
 */
export function rateLimit(options: RateLimitOptions = {}): Middleware<BotContext> {
  const windowMs = options.windowMs ?? 10_000;
  const seconds = Math.max(1, Math.ceil(windowMs / 1000));
  return limit<BotContext, CounterClient>({
    timeFrame: windowMs,
    limit: options.max ?? 5,
    storageClient: options.counter ?? "MEMORY_STORE",
    keyPrefix: options.keyPrefix ?? "rate-limit:",
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      ctx.outcome.outcome = "rate-limited";
      const text = messagesFor(languageFromCode(ctx.from?.language_code) ?? "kk").rateLimited(seconds);
      if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text });
      else if (ctx.chat !== undefined) await ctx.reply(text, replyOptions(ctx.msg?.message_id));
    },
  });
}
