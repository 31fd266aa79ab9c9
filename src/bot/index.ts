/** The Telegram presentation of the answer engine: the bot, its formatting and its process life. */

export { AckWindow } from "./ack-window.js";
export {
  type AnswerReply,
  type AnswerReplyOptions,
  abstentionHtml,
  answerReply,
  leadHtml,
} from "./answer-reply.js";
export { directivesMessage, sourceMessage } from "./commands.js";
export type { BotContext, UpdateOutcome } from "./context.js";
export { type CreateBotOptions, type CreatedBot, createBot } from "./create-bot.js";
export {
  type CitablePassage,
  citationHtml,
  type FormatOptions,
  firstWords,
  highlightHtml,
  passageHtml,
  quoteHtml,
  type ReplyView,
  sectionHtml,
} from "./format.js";
export { addressedToBot, type BotIdentity, isGroup, questionText } from "./group.js";
export { Health, type HealthReport, type ModelState, type Phase } from "./health.js";
export { escapeHtml, linkHtml, visibleLength, visibleText } from "./html.js";
export {
  chooseLanguage,
  LANGUAGES,
  languageFromCode,
  type Messages,
  messagesFor,
  type SourceListing,
} from "./i18n.js";
export { InFlight } from "./in-flight.js";
export { BotStartError, initBot, type LaunchOptions, launchPolling } from "./launch.js";
export { type HeldEngine, LiveEngine } from "./live-engine.js";
export { LiveIndex, type LiveIndexOptions, type ReloadOutcome } from "./live-index.js";
export { createLogger, type LoggerOptions, type LogLevel } from "./logger.js";
export { moreKeyboard } from "./more.js";
export {
  type OperatorRuntime,
  type OperatorRuntimeOptions,
  startOperatorRuntime,
} from "./operator-runtime.js";
export {
  ALLOWED_UPDATES,
  fetchUnconfirmed,
  type Polling,
  type PollingOptions,
  startPolling,
} from "./polling.js";
export { describeError, REDACTED, Redactor } from "./redact.js";
export { registerCommands } from "./register-commands.js";
export { ReplyMemory } from "./reply-memory.js";
export { replyView, sourceLookup } from "./reply-view.js";
export type { BotEngine, BotServices } from "./services.js";
export {
  type BotRuntimeSettings,
  botRuntimeSchema,
  parseStartSettings,
  type StartSettings,
} from "./settings.js";
// Types only: the class (and ioredis with it) is loaded when REDIS_URL asks for it.
export type { CounterClient, SharedCounter, SharedCounterOptions } from "./shared-counter.js";
export { GracefulShutdown, type ShutdownOptions, type Stopper } from "./shutdown.js";
export { type SplitOptions, splitForTelegram, TELEGRAM_MESSAGE_LIMIT } from "./split.js";
export {
  createWebhookServer,
  DEFAULT_MAX_BODY_BYTES,
  type WebhookServer,
  type WebhookServerOptions,
} from "./webhook.js";
export { launchWebhook, startWebhookEndpoint, type WebhookEndpointOptions } from "./webhook-launch.js";
export { deriveWebhookSecret, SECRET_HEADER, secretMatches } from "./webhook-secret.js";
