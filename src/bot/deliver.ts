import { GrammyError, type InlineKeyboard } from "grammy";
import type { BotContext } from "./context.js";
import { describeError } from "./redact.js";
import { replyOptions } from "./reply.js";
import type { ReplyMemory } from "./reply-memory.js";
import type { BotServices } from "./services.js";

/**
 * Sends a reply to the update's message — or, when the update is an edit of a question the bot
 * answered and still remembers, edits that answer in place: the chat keeps one answer per
 * question, the current one. An answer that now needs a different number of messages, or that
 * Telegram will not let the bot edit, is sent anew instead. The keyboard goes under the last
 * message. Returns the ids of the messages that hold the reply now.
 */
export async function deliverReply(
  ctx: BotContext,
  services: Pick<BotServices, "logger" | "redactor">,
  memory: ReplyMemory,
  chunks: readonly string[],
  keyboard?: InlineKeyboard,
): Promise<number[]> {
  const message = ctx.msg;
  const chat = ctx.chat;
  if (message === undefined || chat === undefined) return [];
  const earlier = ctx.editedMessage ? memory.recall(chat.id, message.message_id) : undefined;
  const markup = (last: boolean) => (last && keyboard ? { reply_markup: keyboard } : {});
  if (earlier !== undefined && earlier.length === chunks.length) {
    try {
      for (const [i, chunk] of chunks.entries()) {
        await editText(ctx, chat.id, earlier[i] as number, chunk, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          // An edit without a keyboard removes the one the earlier answer had.
          reply_markup: i === chunks.length - 1 && keyboard ? keyboard : { inline_keyboard: [] },
        });
      }
      ctx.outcome.messages = (ctx.outcome.messages ?? 0) + chunks.length;
      return [...earlier];
    } catch (error) {
      services.logger.debug(
        { update: ctx.update.update_id, error: describeError(error, services.redactor) },
        "could not edit the earlier answer; answering anew",
      );
    }
  }
  const ids: number[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const sent = await ctx.reply(chunk, {
      ...replyOptions(message.message_id),
      ...markup(i === chunks.length - 1),
    });
    ids.push(sent.message_id);
  }
  ctx.outcome.messages = (ctx.outcome.messages ?? 0) + ids.length;
  memory.remember(chat.id, message.message_id, ids);
  return ids;
}

/** Edits one message's text; an edit that changes nothing ("message is not modified") is done already. */
async function editText(
  ctx: BotContext,
  chatId: number,
  messageId: number,
  text: string,
  other: Parameters<BotContext["api"]["editMessageText"]>[3],
): Promise<void> {
  try {
    await ctx.api.editMessageText(chatId, messageId, text, other);
  } catch (error) {
    if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return;
    throw error;
  }
}
