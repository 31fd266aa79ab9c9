/**
 * Drives the real bot (createBot with its handlers, formatting and splitting) in-process on
 * updates a test user would send, and records what it sends — without Telegram: every API call
 * is answered here, as Telegram would, and the messages kept in order. What the screenshots show
 * is therefore the HTML the bot actually sends.
 */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import type { BotEngine } from "../../src/bot/index.js";
import { createBot, createLogger, Redactor } from "../../src/bot/index.js";
import { FeedbackRecorder, feedbackStoreFor } from "../../src/feedback/index.js";

/** One bubble of a chat: the user's text, or a message the bot sent (Telegram HTML). */
export interface Bubble {
  readonly from: "user" | "bot";
  /** Plain text for the user's bubbles; Telegram HTML for the bot's. */
  readonly text: string;
  /** Labels of the inline buttons under the message, by row. */
  readonly buttons: readonly (readonly string[])[];
  /** The bot message this one replies to, when it is a reply to one of the bot's messages. */
  readonly replyTo?: number;
  readonly id: number;
}

const BOT: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: "Мақала бот",
  username: "article_bot",
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

type Keyboard = { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;

/** A private chat with the bot; say something, press a button, read the bubbles. */
export class Conversation {
  readonly bubbles: Bubble[] = [];
  private readonly keyboards = new Map<number, { text: string; data: string }[][]>();
  private readonly bot;
  private nextId = 1;
  private nextUpdate = 1;
  private readonly chat = { id: 4242, type: "private" as const, first_name: "Reader" };

  constructor(
    engine: BotEngine,
    private readonly languageCode: string,
  ) {
    const redactor = new Redactor(["0:screenshots"]);
    const logger = createLogger({ level: "silent", redactor });
    // Votes as in production (👍/👎 under every answer), stored in a throwaway SQLite file.
    const feedback = new FeedbackRecorder({
      store: feedbackStoreFor({ dataDir: mkdtempSync(join(tmpdir(), "screenshots-feedback-")) }),
      logger,
    });
    this.bot = createBot(engine, {
      token: "0:screenshots",
      logger,
      redactor,
      botInfo: BOT,
      rateLimit: { max: 1000, windowMs: 1000 },
      feedback,
    }).bot;
    this.bot.api.config.use(async (_prev, method, payload) => ({
      ok: true as const,
      result: this.answer(method, payload as Record<string, unknown>) as never,
    }));
  }

  /** The user writes `text`. */
  async say(text: string): Promise<void> {
    const message = this.userMessage(text);
    this.bubbles.push({ from: "user", text, buttons: [], id: message.message_id });
    await this.bot.handleUpdate({ update_id: this.nextUpdate++, message } as Update);
  }

  /** The user presses the button labelled `label` under the bot's latest message that has it. */
  async press(label: string): Promise<void> {
    const found = [...this.keyboards.entries()]
      .reverse()
      .flatMap(([id, rows]) => rows.flat().map((button) => ({ id, button })))
      .find(({ button }) => button.text === label);
    if (found === undefined) throw new Error(`no button "${label}" in the conversation`);
    // As Telegram does, the pressed message comes with its keyboard.
    const keyboard = (this.keyboards.get(found.id) ?? []).map((row) =>
      row.map((button) => ({ text: button.text, callback_data: button.data })),
    );
    const message = {
      message_id: found.id,
      date: 0,
      chat: this.chat,
      from: BOT,
      text: "",
      reply_markup: { inline_keyboard: keyboard },
    } as Message;
    await this.bot.handleUpdate({
      update_id: this.nextUpdate++,
      callback_query: {
        id: String(this.nextUpdate),
        from: this.user(),
        chat_instance: "1",
        message,
        data: found.button.data,
      },
    } as Update);
  }

  private user() {
    return { id: this.chat.id, is_bot: false, first_name: "Reader", language_code: this.languageCode };
  }

  private userMessage(text: string): Message {
    const command = /^\/\w+/.exec(text);
    return {
      message_id: this.nextId++,
      date: 0,
      chat: this.chat,
      from: this.user(),
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    } as Message;
  }

  /** Telegram's answer to one API call, recording the messages the bot sends or edits. */
  private answer(method: string, payload: Record<string, unknown>): unknown {
    if (method === "sendMessage") {
      const id = this.nextId++;
      const replyTo = (payload.reply_parameters as { message_id?: number } | undefined)?.message_id;
      const buttons = this.remember(id, payload.reply_markup as Keyboard);
      this.bubbles.push({
        from: "bot",
        text: String(payload.text),
        buttons,
        id,
        ...(replyTo !== undefined && this.bubbles.some((b) => b.id === replyTo && b.from === "bot")
          ? { replyTo }
          : {}),
      });
      return { message_id: id, date: 0, chat: this.chat, from: BOT, text: String(payload.text) };
    }
    if (method === "editMessageReplyMarkup") {
      const id = Number(payload.message_id);
      const buttons = this.remember(id, payload.reply_markup as Keyboard);
      const at = this.bubbles.findIndex((b) => b.id === id);
      if (at >= 0) this.bubbles[at] = { ...(this.bubbles[at] as Bubble), buttons };
      return true;
    }
    return true;
  }

  private remember(id: number, markup: Keyboard): string[][] {
    const rows = (markup?.inline_keyboard ?? []).map((row) =>
      row.map((button) => ({ text: button.text, data: button.callback_data ?? "" })),
    );
    this.keyboards.set(id, rows);
    return rows.map((row) => row.map((button) => button.text));
  }
}
