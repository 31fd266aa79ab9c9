import { sequentialize } from "@grammyjs/runner";
import { Bot, Composer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { FeedbackRecorder } from "../feedback/index.js";
import { type AdminDocumentsOptions, registerAdminDocuments } from "./admin-documents.js";
import { registerCommands } from "./commands.js";
import type { BotContext } from "./context.js";
import { apologize, logUncaught } from "./errors.js";
import { feedbackHook, registerFeedback } from "./feedback-buttons.js";
import { addressedToBot, isGroup } from "./group.js";
import { InFlight } from "./in-flight.js";
import { registerInline } from "./inline.js";
import { registerMore } from "./more.js";
import { registerQuestions } from "./questions.js";
import { type RateLimitOptions, rateLimit } from "./rate-limit.js";
import { Redactor } from "./redact.js";
import type { BotEngine, BotServices } from "./services.js";
import { pollFailureLog, type RetryOptions, retrying } from "./transformers.js";
import { updateLog } from "./update-log.js";

/** Options of {@link createBot}; only the token and the logger have no default. */
export interface CreateBotOptions {
  token: string;
  logger: Logger;
  /** Bot API root; a local fake in tests, Telegram's by default. */
  apiRoot?: string;
  /** Scrubs secrets from logged errors; by default one that knows the token. */
  redactor?: Redactor;
  rateLimit?: RateLimitOptions;
  retry?: RetryOptions;
  /** Milliseconds the apology after a failed update may take, retries included. Default 5000. */
  apologyTimeoutMs?: number;
  /** The engine's question length limit, quoted in the "answered from the first part" note. */
  maxQuestionChars?: number;
  /** `cache_time` of inline answers, in seconds. Default 10. */
  inlineCacheSeconds?: number;
  /**
   * Seconds before an API request is abandoned. Must exceed the long-poll timeout; grammY's own
   * default of 500 s would let one hung connection stall the bot for minutes.
   */
  requestTimeoutSeconds?: number;
  /** Skips `getMe` at start (tests that know the bot already). */
  botInfo?: UserFromGetMe;
  /** Telegram user ids that /source tells about skipped corpus files. Default none. */
  admins?: readonly number[];
  /** Corpus files the engine left out (its `openResult.skipped`), or how to get the current ones. Default none. */
  skippedFiles?: BotServices["skippedFiles"] | (() => BotServices["skippedFiles"]);
  /** Records answers and votes: every answer then carries 👍/👎 buttons. Default: no buttons. */
  feedback?: FeedbackRecorder;
  /** The admins' document commands (add, list, remove), when the corpus is live. Default: none. */
  adminDocuments?: Omit<AdminDocumentsOptions, "apiRoot">;
}

/** A bot ready to be polled or served by webhook, with what shutdown needs to finish cleanly. */
export interface CreatedBot {
  bot: Bot<BotContext>;
  /** Updates being handled; shutdown waits for it to drain. */
  inFlight: InFlight;
  redactor: Redactor;
}

/**
 * Builds the grammY bot around an opened answer engine. Middleware, outermost first: the
 * one-line update log, per-chat ordering (so one chat's replies never overtake each other while
 * chats run in parallel), then an error boundary holding the group gate, the per-user rate limit
 * and the handlers (votes and the admins' documents first, when given). API calls pass through bounded, logged retries and a scrubbed poll-failure log.
 */
export function createBot(engine: BotEngine, options: CreateBotOptions): CreatedBot {
  const redactor = options.redactor ?? new Redactor([options.token]);
  const { logger } = options;
  const bot = new Bot<BotContext>(options.token, {
    client: {
      // grammY refuses a trailing slash, which is easy to leave in a URL setting.
      ...(options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, "") } : {}),
      timeoutSeconds: options.requestTimeoutSeconds ?? 60,
    },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(retrying(logger, redactor, options.retry), pollFailureLog(logger, redactor));

  const skipped = options.skippedFiles ?? [];
  const services: BotServices = {
    engine,
    logger,
    redactor,
    maxQuestionChars: options.maxQuestionChars ?? 1000,
    inlineCacheSeconds: options.inlineCacheSeconds ?? 10,
    admins: new Set(options.admins ?? []),
    get skippedFiles() {
      return typeof skipped === "function" ? skipped() : skipped;
    },
    ...(options.feedback ? { voteButtons: feedbackHook(options.feedback) } : {}),
  };
  const inFlight = new InFlight();
  // The log (and in-flight count) comes first, so an update waiting behind its chat's earlier
  // ones counts as in flight at shutdown and its latency includes the wait, as the user feels it.
  bot.use(updateLog(logger, inFlight));
  bot.use(sequentialize((ctx: BotContext) => ctx.chat?.id.toString()));

  const handlers = new Composer<BotContext>();
  handlers.use(groupGate);
  handlers.on(["message", "edited_message", "callback_query"], rateLimit(options.rateLimit));
  // Before the commands, whose last handler takes every button press it does not know.
  registerMore(handlers, services);
  if (options.feedback) registerFeedback(handlers, services, options.feedback);
  if (options.adminDocuments)
    registerAdminDocuments(handlers, services, {
      ...options.adminDocuments,
      apiRoot: options.apiRoot ?? "https://api.telegram.org",
    });
  registerCommands(handlers, services);
  registerInline(handlers, services);
  registerQuestions(handlers, services);
  bot.errorBoundary(apologize(logger, redactor, options.apologyTimeoutMs), handlers);

  bot.catch(logUncaught(logger, redactor));
  return { bot, inFlight, redactor };
}

/**
 * In groups the bot answers only what is addressed to it (commands, mentions, replies to it);
 * other messages, and edits of them, end here, before the rate limit counts them. Channel posts
 * are never answered. (An edited question is answered again by the question handlers.)
 */
async function groupGate(ctx: BotContext, next: () => Promise<void>): Promise<void> {
  if (ctx.update.channel_post !== undefined || ctx.update.edited_channel_post !== undefined) {
    ctx.outcome.outcome = "ignored:channel";
    return;
  }
  const message = ctx.update.message ?? ctx.update.edited_message;
  if (message !== undefined && isGroup(message.chat.type) && !addressedToBot(message, ctx.me)) {
    ctx.outcome.outcome = "ignored:group-chatter";
    return;
  }
  await next();
}
