import { type Composer, InlineKeyboard } from "grammy";
import { sourceTitle } from "../presentation/index.js";
import type { BotContext } from "./context.js";
import { firstWords, sectionHtml } from "./format.js";
import { escapeHtml } from "./html.js";
import { type Language, languageFromCode, messagesFor, type SourceListing } from "./i18n.js";
import { sendChunks } from "./reply.js";
import { replyView } from "./reply-view.js";
import type { BotEngine, BotServices } from "./services.js";
import { splitForTelegram } from "./split.js";

/** Callback data of a directive button: `dir:4`, or `dir:4:1` when several documents are numbered. */
const DIRECTIVE_DATA = /^dir:(\d{1,3})(?::(\d{1,3}))?$/;

/** Buttons per keyboard row: 1–8 fit in two rows on a phone. */
const BUTTONS_PER_ROW = 4;

/** Commands have no text to detect a language from: the client's language, else Kazakh. */
function userLanguage(ctx: BotContext): Language {
  return languageFromCode(ctx.from?.language_code) ?? "kk";
}

/**
 * A document as /start and /source name it: its short title in the reader's language (from
 * `sources.json`, else derived from its first line), its link, author and date.
 */
function listing(
  engine: BotEngine,
  doc: BotEngine["indexes"]["documents"][number],
  language: Language,
): SourceListing {
  const source = engine.sources.get(doc.id);
  return {
    title: source ? sourceTitle(source, language) : doc.title,
    url: source?.url ?? null,
    author: source?.author ?? doc.author,
    date: source?.date ?? null,
  };
}

/** Document ids that own numbered sections, in corpus order: the index in a button's data. */
function numberedDocs(engine: BotEngine): string[] {
  return [...new Set(engine.sections().map((p) => p.doc))];
}

/**
 * The /directives listing: one line per numbered section (its number, label and first words)
 * and a keyboard of numbers whose buttons show that section in full.
 */
export function directivesMessage(
  engine: BotEngine,
  language: Language,
): { html: string; keyboard: InlineKeyboard } {
  const messages = messagesFor(language, engine.examples);
  const sections = engine.sections();
  const docs = numberedDocs(engine);
  const lines = sections.map(
    (p) => `${p.ordinal}. <b>${escapeHtml(p.section ?? "")}</b> — ${escapeHtml(firstWords(p.text, 9, true))}`,
  );
  const keyboard = new InlineKeyboard();
  sections.forEach((p, i) => {
    if (i > 0 && i % BUTTONS_PER_ROW === 0) keyboard.row();
    const doc = docs.length > 1 ? `:${docs.indexOf(p.doc)}` : "";
    keyboard.text(String(p.ordinal), `dir:${p.ordinal}${doc}`);
  });
  return { html: `${messages.directivesHeader(sections.length)}\n\n${lines.join("\n")}`, keyboard };
}

/**
 * The /source text: documents with short titles (linked to the original when known), authors,
 * dates and passage counts, and in plain words whether search by meaning is on; for
 * an admin, also the corpus files that were skipped (file names are the operator's business, so
 * nobody else sees them).
 */
export function sourceMessage(
  engine: BotEngine,
  language: Language,
  skipped: BotServices["skippedFiles"] = [],
): string {
  const messages = messagesFor(language, engine.examples);
  const documents = engine.indexes.documents.map(
    (d) => `• ${messages.sourceDocument(listing(engine, d, language), d.passages)}`,
  );
  const text = `${messages.sourceHeader}\n${documents.join("\n")}\n\n${messages.sourceSearch(engine.legs.includes("dense"))}`;
  return skipped.length > 0 ? `${text}\n\n${messages.sourceSkipped(skipped)}` : text;
}

/** Whether the update comes from an admin in a private chat (never shown to a group). */
function adminInPrivate(ctx: BotContext, services: BotServices): boolean {
  return ctx.chat?.type === "private" && ctx.from !== undefined && services.admins.has(ctx.from.id);
}

/** Registers /start, /help, /directives, /source and the directive buttons. */
export function registerCommands(composer: Composer<BotContext>, services: BotServices): void {
  const { engine } = services;

  composer.command("start", async (ctx) => {
    ctx.outcome.outcome = "command:start";
    const language = userLanguage(ctx);
    const [main] = engine.indexes.documents;
    const title = main ? listing(engine, main, language) : { title: "", url: null, author: null, date: null };
    const html = messagesFor(language, engine.examples).start(title, engine.sections().length);
    await sendChunks(ctx, splitForTelegram([html]));
  });

  composer.command("help", async (ctx) => {
    ctx.outcome.outcome = "command:help";
    await sendChunks(
      ctx,
      splitForTelegram([messagesFor(userLanguage(ctx), engine.examples).help(ctx.me.username)]),
    );
  });

  composer.command("directives", async (ctx) => {
    ctx.outcome.outcome = "command:directives";
    const { html, keyboard } = directivesMessage(engine, userLanguage(ctx));
    await sendChunks(ctx, splitForTelegram([html]), ctx.msg.message_id, { reply_markup: keyboard });
  });

  composer.command("source", async (ctx) => {
    ctx.outcome.outcome = "command:source";
    const skipped = adminInPrivate(ctx, services) ? services.skippedFiles : [];
    await sendChunks(ctx, splitForTelegram([sourceMessage(engine, userLanguage(ctx), skipped)]));
  });

  composer.callbackQuery(DIRECTIVE_DATA, async (ctx) => {
    const view = replyView(engine, userLanguage(ctx));
    const { messages } = view;
    const ordinal = Number(ctx.match[1]);
    const doc = ctx.match[2] === undefined ? undefined : numberedDocs(engine)[Number(ctx.match[2])];
    const passages = engine.section(ordinal, doc);
    ctx.outcome.outcome = `directive:${ordinal}`;
    if (passages.length === 0) {
      ctx.outcome.outcome = "directive:not-found";
      await ctx.answerCallbackQuery({ text: messages.directiveNotFound, show_alert: true });
      return;
    }
    // Stop the button's spinner first: the user sees the press was taken even if sending is slow.
    await ctx.answerCallbackQuery();
    ctx.outcome.passages = passages.length;
    const chunks = splitForTelegram([sectionHtml(passages, view)]);
    await sendChunks(ctx, chunks, ctx.callbackQuery.message?.message_id);
  });

  // Buttons of an older version of the bot, or forged data: stop the spinner, say nothing.
  composer.on("callback_query:data", async (ctx) => {
    ctx.outcome.outcome = "callback:unknown";
    await ctx.answerCallbackQuery();
  });
}
