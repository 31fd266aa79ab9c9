import type { Composer } from "grammy";
import { answerKeyboard } from "./answer-keyboard.js";
import { abstentionHtml, answerReply } from "./answer-reply.js";
import type { BotContext } from "./context.js";
import { deliverReply } from "./deliver.js";
import { commandNamesBot, isCommand, isGroup, questionText } from "./group.js";
import { languageFromCode, messagesFor } from "./i18n.js";
import { moreKeyboard } from "./more.js";
import { sendChunks, showTypingIfSlow } from "./reply.js";
import { ReplyMemory } from "./reply-memory.js";
import { replyView } from "./reply-view.js";
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
 * bot's mention removed. The reply leads with the answer line when the engine has one, quotes
 * the passage that holds it, adds only passages nearly as relevant, and puts the rest behind a
 * "more" button — split into as many messages as Telegram's limit needs. When the article does
 * not cover the question it says so plainly with suggestions, never a random quote; a message
 * with no words gets the "write your question in words" hint. An edited question is answered
 * again, in place of the earlier answer when the bot still knows it (`memory`).
 */
export async function answerQuestion(
  ctx: BotContext,
  services: BotServices,
  memory: ReplyMemory,
): Promise<void> {
  const message = ctx.msg;
  if (message === undefined) return;
  const question = questionText(message, ctx.me);
  ctx.outcome.question = question;
  const stopTyping = showTypingIfSlow(ctx, services.logger, services.redactor);
  const answer = await services.engine
    .answer(question, { languageHint: languageFromCode(ctx.from?.language_code) })
    .finally(stopTyping);
  const view = replyView(services.engine, answer.language);
  const reply = answer.abstained
    ? {
        parts: [abstentionHtml(answer, view, services.engine.sections().length, services.maxQuestionChars)],
        more: [],
      }
    : answerReply(answer, view, { maxQuestionChars: services.maxQuestionChars });
  Object.assign(ctx.outcome, {
    language: answer.language,
    abstained: answer.abstained,
    passages: answer.abstained ? 0 : answer.passages.length,
    outcome: `${ctx.editedMessage ? "edited:" : ""}${answer.abstained ? `abstained:${answer.reason}` : "answered"}`,
  });
  const keyboard = answerKeyboard(
    moreKeyboard(services.engine, answer.language, view.messages.moreButton, reply.more),
    services.voteButtons?.(answer),
  );
  await deliverReply(ctx, services, memory, splitForTelegram(reply.parts), keyboard);
}

/**
 * Registers the handlers of ordinary messages and their edits: questions, unknown commands,
 * non-text content.
 */
export function registerQuestions(composer: Composer<BotContext>, services: BotServices): void {
  const memory = new ReplyMemory();
  composer.on(["edited_message:text", "edited_message:caption"], async (ctx) => {
    // An edit into a command is not a question; the earlier answer stands.
    if (isCommand(ctx.msg)) {
      ctx.outcome.outcome = "ignored:edited-command";
      return;
    }
    await answerQuestion(ctx, services, memory);
  });
  composer.on(["message:text", "message:caption"], async (ctx) => {
    if (!isCommand(ctx.msg)) return answerQuestion(ctx, services, memory);
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
