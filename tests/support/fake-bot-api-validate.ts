/**
 * Checks the fake applies to parameters before accepting a call. Each mirrors a rejection the real
 * Bot API gives, with its description, so a bot bug shows up in tests instead of in production.
 */
import type { BotCommand } from "grammy/types";
import { htmlToVisibleText } from "./fake-bot-api-html.js";
import { ApiError, type Params } from "./fake-bot-api-types.js";

/** Telegram's limit for message text, in UTF-16 code units after entity parsing. */
export const MAX_MESSAGE_LENGTH = 4096;
/** Telegram's limit for captions, counted like message text. */
export const MAX_CAPTION_LENGTH = 1024;
/** Telegram's limit for the alert text of answerCallbackQuery. */
export const MAX_CALLBACK_ANSWER_LENGTH = 200;

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

/**
 * Returns the text the user would see for `params[field]` (tags stripped, entities decoded, outer
 * whitespace trimmed as Telegram does), rejecting empty, too long or unparsable text.
 */
export function visibleText(params: Params, field = "text", limit = MAX_MESSAGE_LENGTH): string {
  const raw = params[field];
  const text = typeof raw === "number" ? String(raw) : raw;
  if (text === undefined || text === null || text === "") throw ApiError.badRequest("message text is empty");
  if (typeof text !== "string") throw ApiError.badRequest(`field "${field}" must be of type String`);
  const visible = applyParseMode(text, params.parse_mode).trim();
  if (visible === "") throw ApiError.badRequest("message text is empty");
  if (visible.length > limit) throw ApiError.badRequest("message is too long");
  return visible;
}

function applyParseMode(text: string, parseMode: unknown): string {
  if (parseMode === undefined || parseMode === null || parseMode === "") return text;
  const mode = String(parseMode).toLowerCase();
  if (mode === "html") return htmlToVisibleText(text);
  // Markdown variants are accepted but not parsed: their length is counted on the raw text.
  if (mode === "markdown" || mode === "markdownv2") return text;
  throw ApiError.badRequest("unsupported parse_mode");
}

/** Rejects inline keyboards Telegram refuses; the usual culprit is `callback_data` over 64 bytes. */
export function checkReplyMarkup(markup: unknown): void {
  if (markup === undefined || markup === null) return;
  if (typeof markup !== "object") throw ApiError.badRequest("can't parse reply keyboard markup JSON object");
  if (!("inline_keyboard" in markup)) return;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw ApiError.badRequest(
      'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays',
    );
  }
  for (const button of rows.flat()) checkInlineButton(button);
}

function checkInlineButton(button: unknown): void {
  if (typeof button !== "object" || button === null)
    throw ApiError.badRequest("can't parse inline keyboard button");
  const fields = button as Record<string, unknown>;
  if (typeof fields.text !== "string" || fields.text === "") throw ApiError.badRequest("BUTTON_TEXT_INVALID");
  const actions = Object.keys(fields).filter(
    (key) => key !== "text" && key !== "style" && key !== "icon_custom_emoji_id",
  );
  if (actions.length === 0) throw ApiError.badRequest("text buttons are unallowed in the inline keyboard");
  if ("callback_data" in fields) {
    const bytes = typeof fields.callback_data === "string" ? Buffer.byteLength(fields.callback_data) : 0;
    if (bytes < 1 || bytes > 64) throw ApiError.badRequest("BUTTON_DATA_INVALID");
  }
}

/** answerInlineQuery: at most 50 results with unique ids of 1–64 bytes, and valid message texts. */
export function checkInlineResults(results: unknown): void {
  if (!Array.isArray(results)) throw ApiError.badRequest("can't parse inline query results JSON object");
  if (results.length > 50) throw ApiError.badRequest("RESULTS_TOO_MUCH");
  const ids = new Set<string>();
  for (const result of results) {
    const fields = (typeof result === "object" && result !== null ? result : {}) as Record<string, unknown>;
    const id = fields.id;
    if (typeof id !== "string" || id === "" || Buffer.byteLength(id) > 64) {
      throw ApiError.badRequest("RESULT_ID_INVALID");
    }
    if (ids.has(id)) throw ApiError.badRequest("RESULT_ID_DUPLICATE");
    ids.add(id);
    if (typeof fields.type !== "string") throw ApiError.badRequest("can't parse inline query result");
    const content = fields.input_message_content;
    if (typeof content === "object" && content !== null && "message_text" in content) {
      visibleText(content as Params, "message_text");
    }
  }
}

/** setMyCommands: up to 100 commands, names `[a-z0-9_]{1,32}`, descriptions of 1–256 characters. */
export function checkCommands(commands: unknown): BotCommand[] {
  if (!Array.isArray(commands)) throw ApiError.badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw ApiError.badRequest("BOT_COMMANDS_TOO_MUCH");
  for (const entry of commands) {
    const fields = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof fields.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(fields.command)) {
      throw ApiError.badRequest("BOT_COMMAND_INVALID");
    }
    const description = fields.description;
    if (typeof description !== "string" || description.trim() === "" || description.length > 256) {
      throw ApiError.badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
  }
  return commands as BotCommand[];
}

/** sendChatAction only knows a fixed list of actions. */
export function checkChatAction(action: unknown): void {
  if (typeof action !== "string" || !CHAT_ACTIONS.has(action)) {
    throw ApiError.badRequest("wrong parameter action in request");
  }
}

/** Reads an integer parameter that may arrive as a number or, from forms, as a numeric string. */
export function intParam(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(number)) throw ApiError.badRequest(`field "${name}" must be of type Integer`);
  return number;
}

/** Reads a boolean parameter sent as `true` or, from forms, as `"true"`. */
export function boolParam(params: Params, name: string): boolean {
  const value = params[name];
  return value === true || value === "true" || value === "1" || value === 1;
}

/** Reads an optional string parameter, rejecting other types like Telegram does. */
export function stringParam(params: Params, name: string, maxLength = Number.POSITIVE_INFINITY): string {
  const value = params[name] ?? "";
  if (typeof value !== "string") throw ApiError.badRequest(`field "${name}" must be of type String`);
  if (value.length > maxLength) throw ApiError.badRequest(`${name.toUpperCase()}_TOO_LONG`);
  return value;
}
