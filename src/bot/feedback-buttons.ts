import type { Composer } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Answer, Language } from "../answer/index.js";
import type { FeedbackRecorder } from "../feedback/index.js";
import { adminMessagesFor } from "./admin-i18n.js";
import { replaceButtons } from "./answer-keyboard.js";
import type { BotContext } from "./context.js";
import { describeError } from "./redact.js";
import type { BotServices } from "./services.js";

/**
 * Callback data of a vote: `fb:+:<answer id>:<language>` (👍) or `fb:-:…` (👎). Everything the
 * vote needs is in it — no state in the bot — so a button pressed after a restart, or on another
 * replica, still counts.
 */
const VOTE_DATA = /^fb:([+-]):([A-Za-z0-9_-]{6,22}):(kk|ru|en)$/;

/** The 👍/👎 row under an answer; the reader's choice, once made, is marked. */
export function voteRow(answerId: string, language: Language, chosen?: 1 | -1): InlineKeyboardButton[] {
  return [
    { text: chosen === 1 ? "👍 ✓" : "👍", callback_data: `fb:+:${answerId}:${language}` },
    { text: chosen === -1 ? "👎 ✓" : "👎", callback_data: `fb:-:${answerId}:${language}` },
  ];
}

/**
 * The hook the question handler calls with each answer before sending it
 * (`BotServices.voteButtons`): records the answer and returns the 👍/👎 row carrying the answer's
 * id, which goes under the reply's last message. An empty question gets nothing.
 */
export function feedbackHook(
  recorder: FeedbackRecorder,
): (answer: Answer) => InlineKeyboardButton[] | undefined {
  return (answer) => {
    const id = recorder.answered(answer);
    return id === null ? undefined : voteRow(id, answer.language);
  };
}

/**
 * Registers the vote buttons: a press is stored (in the background: a database that is down
 * loses the vote, logged, never the reply), thanked in the reader's language, and marked on the
 * answer's keyboard (best effort).
 */
export function registerFeedback(
  composer: Composer<BotContext>,
  services: BotServices,
  recorder: FeedbackRecorder,
): void {
  composer.callbackQuery(VOTE_DATA, async (ctx) => {
    const vote = ctx.match[1] === "+" ? 1 : -1;
    const answerId = ctx.match[2] as string;
    const language = ctx.match[3] as Language;
    ctx.outcome.outcome = vote === 1 ? "vote:up" : "vote:down";
    ctx.outcome.language = language;
    void recorder.voted({ answerId, language, vote });
    await ctx.answerCallbackQuery({ text: adminMessagesFor(language).thanks });
    const current = ctx.callbackQuery.message?.reply_markup;
    const marked = replaceButtons(current, "fb:", voteRow(answerId, language, vote));
    if (sameKeyboard(current, marked)) return;
    try {
      await ctx.editMessageReplyMarkup({ reply_markup: marked });
    } catch (error) {
      services.logger.debug(
        { update: ctx.update.update_id, error: describeError(error, services.redactor) },
        "marking the vote failed",
      );
    }
  });
}

function sameKeyboard(current: InlineKeyboardMarkup | undefined, next: InlineKeyboardMarkup): boolean {
  const text = (markup: InlineKeyboardMarkup | undefined) =>
    JSON.stringify(markup?.inline_keyboard.map((row) => row.map((button) => button.text)) ?? []);
  return text(current) === text(next);
}
