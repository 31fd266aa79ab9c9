/**
 * Builders for what users do: the Message, CallbackQuery and InlineQuery objects Telegram would put
 * into updates, with the fields real clients fill in (bot_command entities, file ids, chat shapes),
 * so handlers see the same data in tests as in production.
 */
import { randomBytes } from "node:crypto";
import type {
  CallbackQuery,
  Chat,
  InlineQuery,
  Message,
  MessageEntity,
  PhotoSize,
  Sticker,
  Update,
  User,
  Voice,
} from "grammy/types";
import type { BotWorld } from "./fake-bot-api-world.js";

/** Chat kinds a user can write to the bot from. */
export type ChatType = "private" | "group" | "supergroup";

/** Who writes and where; shared by every action that produces a message. */
export interface UserMessageOptions {
  /** Positive for private chats (then equal to the user id), negative for groups. */
  chatId: number;
  /** Defaults to `chatId` in private chats and to 10001 in groups. */
  userId?: number;
  /** Defaults from the id: positive → private, `-100…` → supergroup, other negative → group. */
  chatType?: ChatType;
  languageCode?: string;
  firstName?: string;
  username?: string;
  chatTitle?: string;
  /** `message_id` of an earlier message in this chat that the new one replies to. */
  replyTo?: number;
}

/** A text message; the common case for a question-answering bot. */
export interface SendTextOptions extends UserMessageOptions {
  text: string;
  /** Defaults to the `bot_command` entities a Telegram client would add for `/commands`. */
  entities?: MessageEntity[];
}

/** Editing an earlier text message of the user's; Telegram sends the whole new version. */
export interface EditTextOptions {
  chatId: number;
  /** The user's message to edit (one the fake produced with `sendText`). */
  messageId: number;
  text: string;
  entities?: MessageEntity[];
}

/** A sticker, to check the bot copes with non-text messages. */
export interface SendStickerOptions extends UserMessageOptions {
  emoji?: string;
  setName?: string;
  isAnimated?: boolean;
  isVideo?: boolean;
}

/** A photo (several PhotoSize variants, as Telegram sends), optionally captioned. */
export interface SendPhotoOptions extends UserMessageOptions {
  caption?: string;
  captionEntities?: MessageEntity[];
  width?: number;
  height?: number;
}

/** A voice note, another kind of message a text bot must answer gracefully. */
export interface SendVoiceOptions extends UserMessageOptions {
  duration?: number;
  caption?: string;
}

/** A file (a document) sent to the bot; its bytes can then be downloaded through getFile. */
export interface SendDocumentOptions extends UserMessageOptions {
  fileName: string;
  bytes: Uint8Array;
  mimeType?: string;
  caption?: string;
  /** The `file_size` Telegram reports; the bytes' length by default. */
  fileSize?: number;
}

/** Pressing an inline button; only buttons the bot really offered can be pressed. */
export interface PressButtonOptions {
  chatId: number;
  userId?: number;
  /** A message the bot sent in `chatId`, carrying an inline button with this `data`. */
  messageId: number;
  data: string;
  languageCode?: string;
  firstName?: string;
  username?: string;
}

/** Typing `@bot query` in any chat. */
export interface InlineQueryOptions {
  userId: number;
  query: string;
  offset?: string;
  chatType?: InlineQuery["chat_type"];
  languageCode?: string;
  firstName?: string;
  username?: string;
}

/** A message as embedded in `reply_to_message`. */
export type RepliedMessage = NonNullable<Message["reply_to_message"]>;

/** Telegram embeds a replied message without its own `reply_to_message`. */
export function asReply(message: Message): RepliedMessage {
  return { ...message, reply_to_message: undefined };
}

/** A message from a user, as found in `Update.message`. */
export type UserMessage = Message & Update.NonChannel;

/** An edited message from a user, as found in `Update.edited_message`. */
export type EditedUserMessage = Message & Update.Edited & Update.NonChannel;

const DEFAULT_GROUP_USER_ID = 10001;

/** Builds, remembers and returns a user's message with the given content fields. */
export function userMessage(
  world: BotWorld,
  options: UserMessageOptions,
  content: Partial<Message>,
): UserMessage {
  const chat = registerChat(world, options);
  const from = userOf(chat.type === "private" ? chat.id : (options.userId ?? DEFAULT_GROUP_USER_ID), options);
  const message: UserMessage = { ...content, message_id: world.nextMessageId(), from, chat, date: unixNow() };
  if (options.replyTo !== undefined)
    message.reply_to_message = repliedMessage(world, chat.id, options.replyTo);
  return world.remember(message);
}

/** Text fields of a message, with the entities a client would add. */
export function textContent(options: SendTextOptions): Partial<Message> {
  const entities = options.entities ?? commandEntities(options.text);
  return entities.length > 0 ? { text: options.text, entities } : { text: options.text };
}

/** A regular 512×512 sticker with fresh file ids. */
export function stickerContent(options: SendStickerOptions): Partial<Message> {
  const sticker: Sticker = {
    ...fileIds("CAACAgIAAxkBAAI"),
    type: "regular",
    width: 512,
    height: 512,
    is_animated: options.isAnimated ?? false,
    is_video: options.isVideo ?? false,
    emoji: options.emoji ?? "👍",
    file_size: 23_456,
  };
  if (options.setName !== undefined) sticker.set_name = options.setName;
  return { sticker };
}

/** A photo as Telegram delivers it: thumbnails first, the full size last. */
export function photoContent(options: SendPhotoOptions): Partial<Message> {
  const width = options.width ?? 1280;
  const height = options.height ?? 960;
  const photo: PhotoSize[] = [90, 320, 800, width]
    .filter((side, index) => index === 3 || side < width)
    .map((side) => ({
      ...fileIds("AgACAgIAAxkBAAI"),
      width: side,
      height: Math.round((height * side) / width),
    }))
    .map((size) => ({ ...size, file_size: Math.round((size.width * size.height) / 12) }));
  return withCaption({ photo }, options.caption, options.captionEntities);
}

/** An OGG voice note. */
export function voiceContent(options: SendVoiceOptions): Partial<Message> {
  const duration = options.duration ?? 3;
  const voice: Voice = {
    ...fileIds("AwACAgIAAxkBAAI"),
    duration,
    mime_type: "audio/ogg",
    file_size: duration * 4000,
  };
  return withCaption({ voice }, options.caption);
}

/** A document message; the bytes are kept in the world under a fresh file_id. */
export function documentContent(world: BotWorld, options: SendDocumentOptions): Partial<Message> {
  const ids = fileIds("BQACAgIAAxkBAAI");
  world.files.set(ids.file_id, { bytes: options.bytes, uniqueId: ids.file_unique_id });
  return withCaption(
    {
      document: {
        ...ids,
        file_name: options.fileName,
        mime_type: options.mimeType ?? "text/plain",
        file_size: options.fileSize ?? options.bytes.byteLength,
      },
    },
    options.caption,
  );
}

/**
 * The edited version of a user's text message, as Telegram puts it into `edited_message`: same id,
 * chat, sender and date, the new text and an `edit_date`. Throws when there is no such message.
 */
export function editedMessage(world: BotWorld, options: EditTextOptions): EditedUserMessage {
  const original = world.message(options.chatId, options.messageId);
  if (original === undefined || original.text === undefined || original.from?.id === world.botUser.id) {
    throw new Error(`editText: no user text message ${options.messageId} in chat ${options.chatId}`);
  }
  const { entities: _old, ...rest } = original;
  const edited = {
    ...rest,
    ...textContent({
      chatId: options.chatId,
      text: options.text,
      ...(options.entities ? { entities: options.entities } : {}),
    }),
    edit_date: unixNow(),
  } as EditedUserMessage;
  return world.remember(edited);
}

/** A button press on a bot message; throws if the message or the button does not exist. */
export function callbackQuery(world: BotWorld, options: PressButtonOptions): CallbackQuery {
  const message = world.message(options.chatId, options.messageId);
  if (message === undefined || message.from?.id !== world.botUser.id) {
    throw new Error(`pressButton: the bot sent no message ${options.messageId} in chat ${options.chatId}`);
  }
  const offered = (message.reply_markup?.inline_keyboard ?? [])
    .flat()
    .flatMap((button) =>
      "callback_data" in button && typeof button.callback_data === "string" ? [button.callback_data] : [],
    );
  if (!offered.includes(options.data)) {
    throw new Error(
      `pressButton: message ${options.messageId} has no button "${options.data}" (has ${JSON.stringify(offered)})`,
    );
  }
  const userId =
    message.chat.type === "private" ? message.chat.id : (options.userId ?? DEFAULT_GROUP_USER_ID);
  return {
    id: world.nextQueryId(),
    from: userOf(userId, options),
    message,
    chat_instance: String(-(Math.abs(message.chat.id) * 7919 + 4242)),
    data: options.data,
  };
}

/** An inline query with a fresh id the bot must answer once. */
export function inlineQuery(world: BotWorld, options: InlineQueryOptions): InlineQuery {
  const query: InlineQuery = {
    id: world.nextQueryId(),
    from: userOf(options.userId, options),
    query: options.query,
    offset: options.offset ?? "",
  };
  if (options.chatType !== undefined) query.chat_type = options.chatType;
  return query;
}

/** Telegram clients mark `/command` and `/command@bot` words as bot_command entities; grammY relies on them. */
function commandEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const match of text.matchAll(/(^|\s)(\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?)(?=$|\s)/g)) {
    const command = match[2] ?? "";
    entities.push({
      type: "bot_command",
      offset: (match.index ?? 0) + (match[1] ?? "").length,
      length: command.length,
    });
  }
  return entities;
}

function registerChat(world: BotWorld, options: UserMessageOptions): Exclude<Chat, Chat.ChannelChat> {
  const type =
    options.chatType ?? (options.chatId > 0 ? "private" : options.chatId <= -1e12 ? "supergroup" : "group");
  if ((type === "private") !== options.chatId > 0) {
    throw new Error(`chat ${options.chatId}: private chats have positive ids, groups negative ones`);
  }
  if (type === "private" && options.userId !== undefined && options.userId !== options.chatId) {
    throw new Error(
      `chat ${options.chatId}: in a private chat the chat id equals the user id (${options.userId})`,
    );
  }
  const chat: Exclude<Chat, Chat.ChannelChat> =
    type === "private"
      ? { id: options.chatId, type, first_name: options.firstName ?? "Test", ...usernameOf(options) }
      : { id: options.chatId, type, title: options.chatTitle ?? "Test group" };
  world.chats.set(chat.id, chat);
  return chat;
}

function userOf(id: number, options: { firstName?: string; username?: string; languageCode?: string }): User {
  const user: User = { id, is_bot: false, first_name: options.firstName ?? "Test", ...usernameOf(options) };
  if (options.languageCode !== undefined) user.language_code = options.languageCode;
  return user;
}

function usernameOf(options: { username?: string }): { username?: string } {
  return options.username === undefined ? {} : { username: options.username };
}

function repliedMessage(world: BotWorld, chatId: number, messageId: number): RepliedMessage {
  const original = world.message(chatId, messageId);
  if (original === undefined) throw new Error(`replyTo: no message ${messageId} in chat ${chatId}`);
  return asReply(original);
}

function withCaption(
  content: Partial<Message>,
  caption?: string,
  entities?: MessageEntity[],
): Partial<Message> {
  if (caption === undefined) return content;
  return entities === undefined
    ? { ...content, caption }
    : { ...content, caption, caption_entities: entities };
}

function fileIds(prefix: string): { file_id: string; file_unique_id: string } {
  return {
    file_id: prefix + randomBytes(48).toString("base64url"),
    file_unique_id: `AQAD${randomBytes(8).toString("base64url")}`,
  };
}

/** Telegram dates are Unix seconds. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
