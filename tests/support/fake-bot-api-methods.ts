/**
 * Handlers of the messaging methods (sendMessage, editMessageText, answers to queries …). Each
 * validates like Telegram and returns the same result shape, so the bot's code paths that use the
 * results (message ids, edits) are exercised for real.
 */
import type { InlineKeyboardMarkup, Message, User } from "grammy/types";
import { ApiError, type Params } from "./fake-bot-api-types.js";
import type { UpdateQueue } from "./fake-bot-api-updates.js";
import { asReply, unixNow } from "./fake-bot-api-users.js";
import {
  checkChatAction,
  checkInlineResults,
  checkReplyMarkup,
  intParam,
  MAX_CALLBACK_ANSWER_LENGTH,
  stringParam,
  visibleText,
} from "./fake-bot-api-validate.js";
import type { BotWorld } from "./fake-bot-api-world.js";

/** What a handler may use besides the parameters: the shared state and the request's lifetime. */
export interface MethodContext {
  world: BotWorld;
  updates: UpdateQueue;
  /** Aborted when the client disconnects, so a long poll stops waiting. */
  signal: AbortSignal;
}

/** A Bot API method: returns the `result`, or throws ApiError for `ok: false`. */
export type MethodHandler = (params: Params, context: MethodContext) => unknown;

/** Bots may download files up to 20 MB through the Bot API. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

/** Raw text, parse mode and markup of each bot message, to detect "message is not modified" edits. */
const sources = new WeakMap<Message, string>();

/** Handlers by method name (matched case-insensitively, like Telegram). */
export const MESSAGE_METHODS: Record<string, MethodHandler> = {
  sendMessage: (params, { world }) => {
    const chat = world.requireChat(params);
    const message: Message = {
      message_id: 0,
      from: botAsUser(world),
      chat,
      date: unixNow(),
      text: visibleText(params),
    };
    checkReplyMarkup(params.reply_markup);
    const replied = repliedMessage(world, chat.id, params);
    if (replied !== undefined) message.reply_to_message = asReply(replied);
    setMarkup(message, params.reply_markup);
    message.message_id = world.nextMessageId();
    return rememberBotMessage(world, message, params);
  },

  editMessageText: (params, { world }) => {
    const text = visibleText(params);
    checkReplyMarkup(params.reply_markup);
    if (params.inline_message_id !== undefined) return true;
    const original = editableMessage(world, params);
    if (original.text === undefined) throw ApiError.badRequest("there is no text in the message to edit");
    return applyEdit(world, original, { ...original, text }, params);
  },

  editMessageReplyMarkup: (params, { world }) => {
    checkReplyMarkup(params.reply_markup);
    if (params.inline_message_id !== undefined) return true;
    const original = editableMessage(world, params);
    const source = JSON.parse(sources.get(original) ?? "{}") as Params;
    return applyEdit(world, original, { ...original }, { ...source, reply_markup: params.reply_markup });
  },

  deleteMessage: (params, { world }) => {
    const message = world.requireMessage(params, "delete");
    world.forget(message.chat.id, message.message_id);
    return true;
  },

  sendChatAction: (params, { world }) => {
    world.requireChat(params);
    checkChatAction(params.action);
    return true;
  },

  answerCallbackQuery: (params, { world }) => {
    stringParam(params, "text", MAX_CALLBACK_ANSWER_LENGTH);
    world.answerQuery(params.callback_query_id);
    return true;
  },

  getFile: (params, { world }) => {
    const fileId = stringParam(params, "file_id");
    const file = world.files.get(fileId);
    if (file === undefined) throw ApiError.badRequest("invalid file_id");
    if (file.bytes.byteLength > MAX_DOWNLOAD_BYTES) throw ApiError.badRequest("file is too big");
    file.path ??= `documents/file_${world.files.size}_${file.uniqueId}.txt`;
    return {
      file_id: fileId,
      file_unique_id: file.uniqueId,
      file_size: file.bytes.byteLength,
      file_path: file.path,
    };
  },

  answerInlineQuery: (params, { world }) => {
    checkInlineResults(params.results);
    world.answerQuery(params.inline_query_id);
    return true;
  },
};

function botAsUser({ botUser }: BotWorld): User {
  return { id: botUser.id, is_bot: true, first_name: botUser.first_name, username: botUser.username };
}

/** The message named by `reply_parameters` (or the legacy `reply_to_message_id`) in the same chat. */
function repliedMessage(world: BotWorld, chatId: number, params: Params): Message | undefined {
  const reply = (typeof params.reply_parameters === "object" ? params.reply_parameters : {}) as Params | null;
  const messageId = intParam(reply ?? {}, "message_id") ?? intParam(params, "reply_to_message_id");
  if (messageId === undefined) return undefined;
  const replied = world.message(chatId, messageId);
  const allowMissing =
    reply?.allow_sending_without_reply === true || params.allow_sending_without_reply === true;
  if (replied === undefined && !allowMissing) throw ApiError.badRequest("message to be replied not found");
  return replied;
}

function setMarkup(message: Message, markup: unknown): void {
  if (typeof markup === "object" && markup !== null && "inline_keyboard" in markup) {
    message.reply_markup = markup as InlineKeyboardMarkup;
  } else {
    delete message.reply_markup;
  }
}

function rememberBotMessage(world: BotWorld, message: Message, params: Params): Message {
  const { text, parse_mode, reply_markup } = params;
  sources.set(message, JSON.stringify({ text, parse_mode, reply_markup }));
  return world.remember(message);
}

function editableMessage(world: BotWorld, params: Params): Message {
  const message = world.requireMessage(params, "edit");
  if (message.from?.id !== world.botUser.id) throw ApiError.badRequest("message can't be edited");
  return message;
}

/** Stores the edited copy, unless nothing changed, which Telegram refuses. */
function applyEdit(world: BotWorld, original: Message, edited: Message, params: Params): Message {
  const { text, parse_mode, reply_markup } = params;
  if (sources.get(original) === JSON.stringify({ text, parse_mode, reply_markup })) {
    throw ApiError.badRequest(NOT_MODIFIED);
  }
  setMarkup(edited, params.reply_markup);
  edited.edit_date = unixNow();
  return rememberBotMessage(world, edited, params);
}
