/**
 * The fake bot's identity and everything the fake Telegram remembers between calls: chats users have
 * written from, every message in them, open callback and inline queries, and the bot's settings. Keeping it in one place lets the
 * method handlers reject what Telegram would (unknown chat, editing a missing message, stale query ids).
 */
import { randomBytes } from "node:crypto";
import type { BotCommand, Chat, Message, UserFromGetMe } from "grammy/types";
import { ApiError, type Params } from "./fake-bot-api-types.js";
import { intParam } from "./fake-bot-api-validate.js";

/** The mutable state of the fake server, shared by the method handlers and the user actions. */
export class BotWorld {
  /** Chats known from updates the fake produced; the bot can only write to these. */
  readonly chats = new Map<number, Chat>();
  /** Callback and inline query ids issued and not yet answered. */
  readonly openQueries = new Set<string>();
  /** setMyCommands lists, keyed by scope and language. */
  readonly commands = new Map<string, BotCommand[]>();
  /** setMyDescription / setMyShortDescription values, keyed by field and language. */
  readonly descriptions = new Map<string, string>();
  webhookUrl = "";
  /** Files users sent, by file_id: their bytes and, once getFile was called, their path. */
  readonly files = new Map<string, { bytes: Uint8Array; uniqueId: string; path?: string }>();
  private readonly messages = new Map<string, Message>();
  private lastMessageId = 0;
  private lastQueryId = 0;

  constructor(readonly botUser: UserFromGetMe) {}

  /** Message ids only grow, shared by user and bot messages like in a single Telegram chat. */
  nextMessageId(): number {
    this.lastMessageId += 1;
    return this.lastMessageId;
  }

  /** A fresh query id in Telegram's style: a long decimal string. */
  nextQueryId(): string {
    this.lastQueryId += 1;
    const id = `${this.botUser.id}${String(this.lastQueryId).padStart(8, "0")}`;
    this.openQueries.add(id);
    return id;
  }

  /** Marks a query answered; Telegram refuses unknown, repeated or late answers with the same error. */
  answerQuery(id: unknown): void {
    if (typeof id !== "string" || !this.openQueries.delete(id)) {
      throw ApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
    }
  }

  /** Stores (or replaces) a message so it can be replied to, edited or have its button pressed. */
  remember<T extends Message>(message: T): T {
    this.messages.set(key(message.chat.id, message.message_id), message);
    return message;
  }

  /** The current version of a message, if it exists (not deleted). */
  message(chatId: number, messageId: number): Message | undefined {
    return this.messages.get(key(chatId, messageId));
  }

  /** Deletes a message; returns false if there was none, which Telegram reports as an error. */
  forget(chatId: number, messageId: number): boolean {
    return this.messages.delete(key(chatId, messageId));
  }

  /** Resolves `chat_id` to a known chat; Telegram answers "chat not found" for any other id. */
  requireChat(params: Params): Chat {
    const raw = params.chat_id;
    if (raw === undefined || raw === null || raw === "") throw ApiError.badRequest("chat_id is empty");
    const chatId = Number(raw); // "@channel" usernames become NaN: the fake has no public chats
    const chat = Number.isInteger(chatId) ? this.chats.get(chatId) : undefined;
    if (chat === undefined) throw ApiError.badRequest("chat not found");
    return chat;
  }

  /** Resolves `chat_id` + `message_id`; `what` completes Telegram's "message to … not found". */
  requireMessage(params: Params, what: "edit" | "delete"): Message {
    const chat = this.requireChat(params);
    const messageId = intParam(params, "message_id");
    if (messageId === undefined) throw ApiError.badRequest("message identifier is not specified");
    const message = this.message(chat.id, messageId);
    if (message === undefined) throw ApiError.badRequest(`message to ${what} not found`);
    return message;
  }
}

function key(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}

/** A token shaped like BotFather's: numeric bot id, colon, 35 characters starting with "AAE". */
export function randomToken(): string {
  const botId = 100_000_000 + Math.floor(Math.random() * 899_999_999);
  return `${botId}:AAE${randomBytes(24).toString("base64url")}`;
}

/** getMe of the fake bot; the id is the token's prefix, as for every real bot. */
export function botUserFor(token: string): UserFromGetMe {
  const id = Number(token.split(":")[0]);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new Error(`FakeBotApi: token must start with the bot id: "${token}"`);
  return {
    id,
    is_bot: true,
    first_name: "Test Doc Bot",
    username: "test_doc_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}
