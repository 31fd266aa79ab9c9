import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Logger } from "pino";
import { adminMessagesFor } from "./admin-i18n.js";
import { LANGUAGES, messagesFor } from "./i18n.js";
import { describeError, type Redactor } from "./redact.js";

/** Commands only admins have. */
const ADMIN_COMMANDS = ["docs", "remove"] as const;

/** Everyone's commands (from the readers' interface) followed by the admins' own. */
function adminList(language: "kk" | "ru" | "en"): BotCommand[] {
  const everyone = Object.entries(messagesFor(language).commands).map(([command, description]) => ({
    command,
    description,
  }));
  const own = adminMessagesFor(language).commands;
  return [...everyone, ...ADMIN_COMMANDS.map((command) => ({ command, description: own[command] }))];
}

/**
 * Gives each admin a command menu with the admin commands, scoped to their private chat with the
 * bot (Telegram's `chat` scope), so nobody else's menu shows them — one list per interface
 * language and an English default, like everyone's menu. Best effort: Telegram refuses the scope
 * for a user who has never written to the bot ("chat not found"), which is logged, and the
 * commands work all the same. Returns how many lists were set.
 */
export async function registerAdminMenus(
  api: Api,
  admins: readonly number[],
  logger: Logger,
  redactor: Redactor,
): Promise<number> {
  let set = 0;
  for (const admin of admins) {
    const scope = { type: "chat" as const, chat_id: admin };
    for (const language of [undefined, ...LANGUAGES]) {
      try {
        await api.setMyCommands(
          adminList(language ?? "en"),
          language ? { scope, language_code: language } : { scope },
        );
        set++;
      } catch (error) {
        logger.warn(
          { admin, language: language ?? "default", error: describeError(error, redactor) },
          "setting an admin's command menu failed",
        );
        break;
      }
    }
  }
  return set;
}
