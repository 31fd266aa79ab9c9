import type { Message, MessageEntity } from "grammy/types";

/** The bot's own identity, as `getMe` gives it. */
export interface BotIdentity {
  readonly id: number;
  readonly username: string;
}

/** Groups and supergroups, where the bot must not answer every line of conversation. */
export function isGroup(chatType: string | undefined): boolean {
  return chatType === "group" || chatType === "supergroup";
}

function textAndEntities(message: Message): { text: string; entities: readonly MessageEntity[] } {
  if (message.text !== undefined) return { text: message.text, entities: message.entities ?? [] };
  return { text: message.caption ?? "", entities: message.caption_entities ?? [] };
}

/** Entities that name the bot: `@username` mentions and `text_mention`s of its user. */
function mentionsOfBot(message: Message, me: BotIdentity): MessageEntity[] {
  const { text, entities } = textAndEntities(message);
  const handle = `@${me.username}`.toLowerCase();
  return entities.filter(
    (e) =>
      (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
      (e.type === "text_mention" && e.user.id === me.id),
  );
}

/** A leading `/command` or `/command@someone`; returns the target username (lower case) or "" for none. */
function leadingCommand(message: Message): { target: string } | undefined {
  const { text, entities } = textAndEntities(message);
  const command = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  if (command === undefined) return undefined;
  const word = text.slice(0, command.length);
  const at = word.indexOf("@");
  return { target: at < 0 ? "" : word.slice(at + 1).toLowerCase() };
}

/**
 * Whether a group message is meant for the bot: a command (bare, or addressed to this bot), a
 * mention of it, or a reply to one of its messages. Everything else is conversation between
 * people, which the bot ignores (and, with privacy mode on, mostly never receives).
 */
export function addressedToBot(message: Message, me: BotIdentity): boolean {
  const command = leadingCommand(message);
  if (command !== undefined) return command.target === "" || command.target === me.username.toLowerCase();
  if (mentionsOfBot(message, me).length > 0) return true;
  return message.reply_to_message?.from?.id === me.id;
}

/** Whether the message starts with a `/command` (known or not). */
export function isCommand(message: Message): boolean {
  return leadingCommand(message) !== undefined;
}

/**
 * Whether a command names this bot explicitly (`/help@doc_bot`). In a group a bare `/foo` may be
 * meant for another bot, so only an explicit one earns a "no such command" reply there.
 */
export function commandNamesBot(message: Message, me: BotIdentity): boolean {
  return leadingCommand(message)?.target === me.username.toLowerCase();
}

/**
 * The question in a message: its text or caption with the bot's mentions removed
 * ("@doc_bot кім?" → "кім?"), so the mention neither reaches the search nor decides the language.
 */
export function questionText(message: Message, me: BotIdentity): string {
  const { text } = textAndEntities(message);
  const cuts = mentionsOfBot(message, me).sort((a, b) => b.offset - a.offset);
  let question = text;
  for (const e of cuts) question = `${question.slice(0, e.offset)} ${question.slice(e.offset + e.length)}`;
  return question
    .replace(/[ \t]+/g, " ")
    .replace(/^[\s,:]+/, "")
    .trim();
}
