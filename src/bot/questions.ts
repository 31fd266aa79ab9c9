import type { Composer } from "grammy";
import type { BotContext } from "./context.js";
import { abstentionHtml, answerParts } from "./format.js";
import { commandNamesBot, isCommand, isGroup, questionText } from "./group.js";
import { languageFromCode, messagesFor } from "./i18n.js";
import { sendChunks, showTypingIfSlow } from "./reply.js";
import type { BotServices } from "./services.js";
import { splitForTelegram } from "./split.js";

/**
 * Content kinds a person sends on purpose and the bot cannot read. Service messages (someone
 * joined, a pinned message…) are not in the list: they get no reply at all.
 */
const NON_TEXT_KINDS = [
  "sticker",
  "photo",
  "voice",
  "video",
  "video_note",
  "animation",
  "document",
  "audio",
  "location",
  "venue",
  "contact",
  "poll",
  "dice",
  "game",
  "story",
  "paid_media",
] as const;

/**
 * Answers a question: the text of a message, or the caption of a photo or document, with the
 * bot's mention removed. The answer is the engine's passages, best first, split into as many
 * messages as Telegram's limit needs — or, when the article does not cover the question, a plain
 * statement of that with suggestions, never a random quote.
 */
export async function answerQuestion(ctx: BotContext, services: BotServices): Promise<void> {
  const message = ctx.msg;
  if (message === undefined) return;
  const question = questionText(message, ctx.me);
  ctx.outcome.question = question;
  const stopTyping = showTypingIfSlow(ctx, services.logger, services.redactor);
  const answer = await services.engine
    .answer(question, { languageHint: languageFromCode(ctx.from?.language_code) })
    .finally(stopTyping);
  const messages = messagesFor(answer.language, services.engine.examples);
  Object.assign(ctx.outcome, {
    language: answer.language,
    abstained: answer.abstained,
    passages: answer.abstained ? 0 : answer.passages.length,
    outcome: answer.abstained ? `abstained:${answer.reason}` : "answered",
  });
  const parts = answer.abstained
    ? [abstentionHtml(answer, messages, services.engine.sections().length, services.maxQuestionChars)]
    : answerParts(answer, messages, { maxQuestionChars: services.maxQuestionChars });
  await sendChunks(ctx, splitForTelegram(parts), undefined, services.answerExtra?.(answer));
}

/** Registers the handlers of ordinary messages: questions, unknown commands, non-text content. */
export function registerQuestions(composer: Composer<BotContext>, services: BotServices): void {
  composer.on(["message:text", "message:caption"], async (ctx) => {
    if (!isCommand(ctx.msg)) return answerQuestion(ctx, services);
    // A command no handler took. In a group a bare one may be another bot's: say nothing.
    if (isGroup(ctx.chat.type) && !commandNamesBot(ctx.msg, ctx.me)) {
      ctx.outcome.outcome = "ignored:other-command";
      return;
    }
    ctx.outcome.outcome = "unknown-command";
    const messages = messagesFor(languageFromCode(ctx.from?.language_code) ?? "kk", services.engine.examples);
    await sendChunks(ctx, [messages.unknownCommand]);
  });
  composer.on("message", async (ctx) => {
    if (!NON_TEXT_KINDS.some((kind) => kind in ctx.msg)) {
      ctx.outcome.outcome = "service-message";
      return;
    }
    ctx.outcome.outcome = "non-text";
    await sendChunks(ctx, [
      messagesFor(languageFromCode(ctx.from?.language_code) ?? "kk", services.engine.examples).nonText,
    ]);
  });
}
