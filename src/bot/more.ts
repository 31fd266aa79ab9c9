import { type Composer, InlineKeyboard } from "grammy";
import type { AnswerPassage, Language } from "../answer/index.js";
import type { Passage } from "../passages/index.js";
import { replaceButtons } from "./answer-keyboard.js";
import type { BotContext } from "./context.js";
import { passageHtml } from "./format.js";
import { LANGUAGES, languageFromCode } from "./i18n.js";
import { describeError } from "./redact.js";
import { sendChunks } from "./reply.js";
import { replyView } from "./reply-view.js";
import type { BotEngine, BotServices } from "./services.js";
import { splitForTelegram } from "./split.js";

/**
 * Callback data of a "more" button: `more:<language>:<corpus>:<id>.<id>…` — the reply's language,
 * the first six hex digits of the corpus fingerprint, and the passages' positions in the index.
 * Everything the button needs is in it (as with the directive buttons), so it works after a
 * restart and on any replica; a corpus changed since is recognised, never misquoted.
 */
const MORE_DATA = /^more:(kk|ru|en):([0-9a-f]{6}):(\d{1,6}(?:\.\d{1,6})*)$/;

/** Telegram's limit on callback data, in bytes. */
const CALLBACK_DATA_BYTES = 64;

/** The corpus an index was built from, as the short form buttons carry. */
function corpusTag(engine: Pick<BotEngine, "indexes">): string {
  return engine.indexes.manifest.corpusHash.slice(0, 6);
}

/** The index position of an answer's passage (passages never overlap: document and first line name one). */
function passageId(engine: Pick<BotEngine, "indexes">, p: AnswerPassage): number {
  return engine.indexes.passages.findIndex((q) => q.doc === p.doc && q.lineStart === p.lineStart);
}

/**
 * The keyboard under an answer whose other passages wait behind "more", or `undefined` when
 * there are none. As many passages as fit in Telegram's 64 bytes of callback data.
 */
export function moreKeyboard(
  engine: Pick<BotEngine, "indexes">,
  language: Language,
  label: (n: number) => string,
  more: readonly AnswerPassage[],
): InlineKeyboard | undefined {
  const prefix = `more:${language}:${corpusTag(engine)}:`;
  const ids: number[] = [];
  for (const id of more.map((p) => passageId(engine, p)).filter((id) => id >= 0)) {
    if (Buffer.byteLength(`${prefix}${[...ids, id].join(".")}`) > CALLBACK_DATA_BYTES) break;
    ids.push(id);
  }
  if (ids.length === 0) return undefined;
  return new InlineKeyboard().text(label(ids.length), `${prefix}${ids.join(".")}`);
}

/**
 * The "more" button: quotes the answer's other passages, with citations, under the answer, and
 * takes the button away, leaving the others (best effort: a message too old to edit keeps it, harmlessly). When the
 * corpus changed since the answer, an alert asks to ask again.
 */
export function registerMore(composer: Composer<BotContext>, services: BotServices): void {
  const { engine } = services;
  composer.callbackQuery(MORE_DATA, async (ctx) => {
    const language =
      LANGUAGES.find((l) => l === ctx.match[1]) ?? languageFromCode(ctx.from.language_code) ?? "kk";
    const view = replyView(engine, language);
    const passages = ctx.match[2] === corpusTag(engine) ? passagesAt(engine, ctx.match[3] ?? "") : null;
    if (passages === null) {
      ctx.outcome.outcome = "more:gone";
      await ctx.answerCallbackQuery({ text: view.messages.moreGone, show_alert: true });
      return;
    }
    ctx.outcome.outcome = "more";
    ctx.outcome.passages = passages.length;
    await ctx.answerCallbackQuery();
    const answer = ctx.callbackQuery.message?.message_id;
    await sendChunks(ctx, splitForTelegram(passages.map((p) => passageHtml(p, view))), answer);
    // The 👍/👎 row stays; only the "more" button goes.
    await ctx
      .editMessageReplyMarkup({
        reply_markup: replaceButtons(ctx.callbackQuery.message?.reply_markup, "more:"),
      })
      .catch((error: unknown) =>
        services.logger.debug(
          { update: ctx.update.update_id, error: describeError(error, services.redactor) },
          "could not remove the more button",
        ),
      );
  });
}

/** The passages at the index positions `ids` ("12.3"), or `null` when one is not there. */
function passagesAt(engine: Pick<BotEngine, "indexes">, ids: string): Passage[] | null {
  const passages = ids.split(".").map((id) => engine.indexes.passages[Number(id)]);
  return passages.every((p) => p !== undefined) ? (passages as Passage[]) : null;
}
