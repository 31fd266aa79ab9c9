import type { Logger } from "pino";
import type { BotContext } from "./context.js";
import type { Redactor } from "./redact.js";
import { describeError } from "./redact.js";

/**
 * Options of every message the bot sends: Telegram HTML, no link previews (the quotes are text,
 * a preview card would only push them off-screen), and, when there is one, a reply to the message
 * being answered so that in a busy group the answer sits under its question. A deleted question
 * must not cost the answer, hence `allow_sending_without_reply`.
 */
export function replyOptions(replyTo: number | undefined) {
  return {
    parse_mode: "HTML" as const,
    link_preview_options: { is_disabled: true },
    ...(replyTo === undefined
      ? {}
      : { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }),
  };
}

/**
 * Sends `chunks` in order into the update's chat, each replying to `replyTo` (the user's message
 * by default). Returns how many were sent.
 */
export async function sendChunks(
  ctx: BotContext,
  chunks: readonly string[],
  replyTo: number | undefined = ctx.msg?.message_id,
  extra: Record<string, unknown> = {},
): Promise<number> {
  let sent = 0;
  for (const chunk of chunks) {
    // Reply markup (a keyboard) belongs under the last message of a split reply.
    const last = sent === chunks.length - 1;
    await ctx.reply(chunk, { ...replyOptions(replyTo), ...(last ? extra : {}) });
    sent++;
  }
  ctx.outcome.messages = (ctx.outcome.messages ?? 0) + sent;
  return sent;
}

/**
 * Shows "typing…" if an answer takes longer than `afterMs` (a model loading, a busy machine).
 * Most answers take milliseconds: the indicator would only cost a request per question, and
 * under load those requests slow every other reply. Purely cosmetic, so it is never awaited and
 * its failure (a 429, a chat that forbids it) is logged at debug level and forgotten. Returns the
 * function that cancels it once the answer is ready.
 */
export function showTypingIfSlow(
  ctx: BotContext,
  logger: Logger,
  redactor: Redactor,
  afterMs = 300,
): () => void {
  if (ctx.chat === undefined) return () => {};
  const timer = setTimeout(() => {
    ctx.replyWithChatAction("typing").catch((error: unknown) => {
      logger.debug(
        { update: ctx.update.update_id, error: describeError(error, redactor) },
        "sendChatAction failed",
      );
    });
  }, afterMs);
  return () => clearTimeout(timer);
}
