import type { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { BotContext } from "./context.js";
import { type CitablePassage, firstWords, passageHtml, type ReplyView, sectionHtml } from "./format.js";
import { visibleText } from "./html.js";
import { type Language, languageFromCode } from "./i18n.js";
import { replyView } from "./reply-view.js";
import type { BotServices } from "./services.js";
import { splitForTelegram } from "./split.js";

/** Telegram shows at most 50 inline results; a handful of passages is what anyone reads. */
const MAX_RESULTS = 10;

/**
 * One inline result: a title and description for the picker (plain text), and the message the
 * user's chat receives when they choose it — the quote with its citation, in Telegram HTML.
 */
function article(id: string, title: string, description: string, html: string): InlineQueryResultArticle {
  // A result's message has the same 4096 limit as any other; a longer quote keeps its first part.
  const [text = html] = splitForTelegram([html]);
  return {
    type: "article",
    id,
    title: title.slice(0, 256),
    description: description.slice(0, 256),
    input_message_content: {
      message_text: text,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
  };
}

/** The picker title of a passage: its section and paragraphs (plain text, not HTML). */
function titleOf(p: CitablePassage, { messages }: ReplyView): string {
  const paragraphs = messages.paragraphs(p.paragraphStart, p.paragraphEnd);
  return visibleText(
    p.section === null ? paragraphs : `${messages.sectionName(p.section, p.ordinal)} · ${paragraphs}`,
  );
}

/** Results for an empty query: the directives, so the picker is useful before typing. */
function directiveResults(services: BotServices, language: Language): InlineQueryResultArticle[] {
  const view = replyView(services.engine, language);
  return services.engine
    .sections()
    .slice(0, MAX_RESULTS)
    .flatMap((first) => {
      const passages = services.engine.section(first.ordinal ?? 0, first.doc);
      if (passages.length === 0) return [];
      const id = `dir-${first.ordinal}-${first.id}`;
      return [
        article(id, titleOf(first, view), firstWords(first.text, 12, true), sectionHtml(passages, view)),
      ];
    });
}

/**
 * Inline mode: `@bot question` in any chat offers the best passages, each sending its quote and
 * citation; an empty query offers the directives. A question the article does not cover offers
 * nothing — an empty list is the honest answer in a picker.
 */
export function registerInline(composer: Composer<BotContext>, services: BotServices): void {
  composer.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    const hint = languageFromCode(ctx.from.language_code);
    let results: InlineQueryResultArticle[];
    if (query === "") {
      ctx.outcome.outcome = "inline:directives";
      results = directiveResults(services, hint ?? "kk");
    } else {
      ctx.outcome.question = query;
      const answer = await services.engine.answer(query, { languageHint: hint });
      const view = replyView(services.engine, answer.language);
      Object.assign(ctx.outcome, {
        outcome: answer.abstained ? `inline:abstained:${answer.reason}` : "inline:answered",
        language: answer.language,
        abstained: answer.abstained,
        passages: answer.abstained ? 0 : answer.passages.length,
      });
      const passages = answer.abstained ? [] : answer.passages.slice(0, MAX_RESULTS);
      results = passages.map((p, i) =>
        article(
          `p${i}-${p.paragraphStart}-${p.paragraphEnd}`,
          titleOf(p, view),
          firstWords(p.text, 14),
          passageHtml(p, view),
        ),
      );
    }
    await ctx.answerInlineQuery(results, { cache_time: services.inlineCacheSeconds, is_personal: false });
  });
}
