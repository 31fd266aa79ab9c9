import { createHash } from "node:crypto";
import { basename, extname, join } from "node:path";
import { type Composer, InlineKeyboard } from "grammy";
import {
  CorpusError,
  checkDocumentName,
  DocumentFileError,
  listDocumentFiles,
  removeDocument,
  writeDocument,
} from "../corpus/index.js";
import { type AdminMessages, adminMessagesFor } from "./admin-i18n.js";
import type { BotContext } from "./context.js";
import { languageFromCode } from "./i18n.js";
import type { LiveEngine } from "./live-engine.js";
import type { LiveIndex, ReloadOutcome } from "./live-index.js";
import { describeError } from "./redact.js";
import { sendChunks, showTypingIfSlow } from "./reply.js";
import type { BotServices } from "./services.js";
import { splitForTelegram } from "./split.js";
import { downloadTelegramFile, FileDownloadError } from "./telegram-file.js";

/** What the admins' document commands need besides the shared services. */
export interface AdminDocumentsOptions {
  corpusDir: string;
  /** Where removed and replaced files are kept (`<DATA_DIR>/removed-documents`). */
  trashDir: string;
  /** DOCUMENT_MAX_BYTES. */
  maxBytes: number;
  /** Bot API root, for downloading files. */
  apiRoot: string;
  live: LiveEngine;
  /** The live update every change goes through. */
  index: LiveIndex;
}

/** Callback data: `dq:<key>` asks to remove, `dr:<key>` removes, `dk:<key>` keeps. */
const REMOVE_DATA = /^d([qrk]):([A-Za-z0-9_-]{12})$/;

/** Why a file was skipped, for /docs. */
const SKIP_REASONS: Record<string, string> = {
  "empty-file": "empty",
  "not-utf8": "not UTF-8",
  unreadable: "unreadable",
};

/** A short, stable key of a file name for callback data (names may be longer than its 64 bytes). */
function keyOf(name: string): string {
  return createHash("sha256").update(name).digest("base64url").slice(0, 12);
}

function messagesOf(ctx: BotContext): AdminMessages {
  return adminMessagesFor(languageFromCode(ctx.from?.language_code) ?? "kk");
}

/**
 * Documents from Telegram, for the admins (ADMIN_USER_IDS) in a private chat: a `.txt`/`.md` file
 * sent to the bot is checked (extension, size, UTF-8, some text: a bad file gets a clear reply
 * and changes nothing), written into the corpus and taken through the live update; `/docs` lists
 * the documents with a 🗑 button each; `/remove NAME` (or the button) asks, then removes one. A
 * replaced or removed file is moved to the data folder, never deleted. Anyone else — and an
 * admin in a group — gets what the bot says to everyone: the hint for a document, "unknown
 * command" for these commands.
 */
export function registerAdminDocuments(
  composer: Composer<BotContext>,
  services: BotServices,
  options: AdminDocumentsOptions,
): void {
  const isAdmin = (ctx: BotContext) =>
    ctx.chat?.type === "private" && ctx.from !== undefined && services.admins.has(ctx.from.id);
  const reply = (ctx: BotContext, html: string, extra: Record<string, unknown> = {}) =>
    sendChunks(ctx, splitForTelegram([html]), ctx.msg?.message_id, extra);

  composer.on("message:document", async (ctx, next) => {
    if (!isAdmin(ctx)) return next();
    ctx.outcome.outcome = "admin:document";
    await reply(ctx, await addDocument(ctx, services, options));
  });

  composer.command("docs", async (ctx, next) => {
    if (!isAdmin(ctx)) return next();
    ctx.outcome.outcome = "admin:docs";
    const { html, keyboard } = await documentList(ctx, options);
    await reply(ctx, html, { reply_markup: keyboard });
  });

  composer.command("remove", async (ctx, next) => {
    if (!isAdmin(ctx)) return next();
    ctx.outcome.outcome = "admin:remove";
    const messages = messagesOf(ctx);
    const name = ctx.match.trim();
    if (name === "") return void (await reply(ctx, messages.removeUsage));
    const files = await listDocumentFiles(options.corpusDir);
    if (!files.some((file) => file.name === name))
      return void (await reply(ctx, messages.noSuchDocument(name)));
    await reply(ctx, messages.confirmRemove(name), { reply_markup: confirmKeyboard(name, messages) });
  });

  composer.callbackQuery(REMOVE_DATA, async (ctx) => {
    if (!isAdmin(ctx)) {
      ctx.outcome.outcome = "callback:not-admin";
      await ctx.answerCallbackQuery();
      return;
    }
    const messages = messagesOf(ctx);
    const [, step, key] = ctx.match;
    const name = (await listDocumentFiles(options.corpusDir)).find((file) => keyOf(file.name) === key)?.name;
    ctx.outcome.outcome = `admin:remove-${step}`;
    await ctx.answerCallbackQuery();
    const answerIn = (html: string) =>
      ctx.editMessageText(html, { parse_mode: "HTML" }).catch(() => reply(ctx, html));
    if (name === undefined) return void (await answerIn(messages.noSuchDocument("?")));
    if (step === "q") {
      await sendChunks(ctx, [messages.confirmRemove(name)], undefined, {
        reply_markup: confirmKeyboard(name, messages),
      });
      return;
    }
    if (step === "k") return void (await answerIn(messages.removeCancelled(name)));
    await answerIn(await removeOne(ctx, name, services, options));
  });
}

/** The /docs message: each document with its title, passages and size, the skipped files, a 🗑 each. */
async function documentList(
  ctx: BotContext,
  options: AdminDocumentsOptions,
): Promise<{ html: string; keyboard: InlineKeyboard }> {
  const messages = messagesOf(ctx);
  const files = await listDocumentFiles(options.corpusDir);
  const indexed = new Map(options.live.indexes.documents.map((doc) => [doc.id, doc]));
  const skipped = options.live.skipped;
  const served = files.filter((file) => !skipped.some((s) => s.name === file.name));
  const keyboard = new InlineKeyboard();
  const lines = served.map((file, i) => {
    const doc = indexed.get(basename(file.name, extname(file.name)));
    if (i > 0 && i % 4 === 0) keyboard.row();
    keyboard.text(`🗑 ${i + 1}`, `dq:${keyOf(file.name)}`);
    return messages.docLine(i + 1, file.name, doc?.title ?? "—", doc?.passages ?? 0, file.bytes);
  });
  const parts = [messages.docsHeader(served.length), lines.join("\n")];
  if (skipped.length > 0)
    parts.push(
      messages.docsSkipped(
        skipped.map((s) => ({ name: s.name, reason: SKIP_REASONS[s.reason] ?? s.reason })),
      ),
    );
  parts.push(messages.docsHint(options.maxBytes));
  return { html: parts.join("\n\n"), keyboard };
}

function confirmKeyboard(name: string, messages: AdminMessages): InlineKeyboard {
  return new InlineKeyboard()
    .text(messages.removeYes, `dr:${keyOf(name)}`)
    .text(messages.removeNo, `dk:${keyOf(name)}`);
}

/** Checks, downloads, validates and writes a sent document, then rebuilds; returns the reply. */
async function addDocument(
  ctx: BotContext,
  services: BotServices,
  options: AdminDocumentsOptions,
): Promise<string> {
  const messages = messagesOf(ctx);
  const document = ctx.msg?.document;
  if (document === undefined) return messages.downloadFailed;
  const name = (document.file_name ?? "").trim();
  try {
    checkDocumentName(name);
  } catch (error) {
    if (!(error instanceof DocumentFileError)) throw error;
    return error.reason === "wrong-type" ? messages.wrongType(name) : messages.badName(name);
  }
  if (document.file_size !== undefined && document.file_size > options.maxBytes)
    return messages.tooLarge(document.file_size, options.maxBytes);
  let bytes: Uint8Array;
  try {
    bytes = await downloadTelegramFile(ctx.api, options.apiRoot, document.file_id, {
      maxBytes: options.maxBytes,
    });
  } catch (error) {
    if (error instanceof FileDownloadError && error.reason === "too-large")
      return messages.tooLarge(error.bytes ?? options.maxBytes + 1, options.maxBytes);
    services.logger.warn({ error: describeError(error, services.redactor) }, "downloading a document failed");
    return messages.downloadFailed;
  }
  let written: Awaited<ReturnType<typeof writeDocument>>;
  try {
    written = await writeDocument(options.corpusDir, name, bytes, { trashDir: options.trashDir });
  } catch (error) {
    if (error instanceof CorpusError && error.reason === "not-utf8") return messages.notUtf8(name);
    if (error instanceof CorpusError && error.reason === "empty-file") return messages.empty(name);
    throw error;
  }
  services.logger.info(
    { admin: ctx.from?.id, file: name, bytes: bytes.byteLength, replaced: written.replaced },
    "document added by an admin",
  );
  const outcome = await rebuilt(ctx, services, options);
  if (outcome.status === "failed" || outcome.status === "busy")
    return messages.notIndexed(name, failure(outcome));
  return messages.added(
    name,
    written.document.title,
    written.replaced,
    options.live.indexes.documents.length,
    options.live.indexes.passages.length,
    (outcome.status === "reloaded" ? outcome.ms / 1000 : 0).toFixed(1),
  );
}

/** Removes a document (to the trash) and rebuilds; returns the reply. */
async function removeOne(
  ctx: BotContext,
  name: string,
  services: BotServices,
  options: AdminDocumentsOptions,
): Promise<string> {
  const messages = messagesOf(ctx);
  try {
    await removeDocument(options.corpusDir, name, { trashDir: options.trashDir });
  } catch (error) {
    if (error instanceof DocumentFileError && error.reason === "last-document")
      return messages.lastDocument(name);
    if (error instanceof DocumentFileError) return messages.noSuchDocument(name);
    throw error;
  }
  services.logger.info({ admin: ctx.from?.id, file: name }, "document removed by an admin");
  const outcome = await rebuilt(ctx, services, options);
  if (outcome.status === "failed" || outcome.status === "busy")
    return messages.notIndexed(name, failure(outcome));
  return messages.removed(name, options.live.indexes.documents.length, options.live.indexes.passages.length);
}

/** The live update, with "typing…" while it builds. */
async function rebuilt(
  ctx: BotContext,
  services: BotServices,
  options: AdminDocumentsOptions,
): Promise<ReloadOutcome> {
  const stopTyping = showTypingIfSlow(ctx, services.logger, services.redactor);
  try {
    return await options.index.refresh();
  } finally {
    stopTyping();
  }
}

function failure(outcome: ReloadOutcome): string {
  return outcome.status === "failed" ? outcome.error : "another process is rebuilding the index";
}

/** `<DATA_DIR>/removed-documents`: where removed and replaced documents are kept. */
export function trashDirOf(dataDir: string): string {
  return join(dataDir, "removed-documents");
}
