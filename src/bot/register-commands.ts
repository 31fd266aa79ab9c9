import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Logger } from "pino";
import { LANGUAGES, messagesFor } from "./i18n.js";
import { describeError, type Redactor } from "./redact.js";

const COMMANDS = ["start", "help", "directives", "source"] as const;

function commandsIn(language: "kk" | "ru" | "en"): BotCommand[] {
  const descriptions = messagesFor(language).commands;
  return COMMANDS.map((command) => ({ command, description: descriptions[command] }));
}

/**
 * Publishes the command menu: one list per interface language (Telegram picks it by the client's
 * `language_code`) and an English default for every other language, matching how the bot picks
 * its reply language. Best effort: the menu is a convenience, so each failure (an old Bot API, a
 * local server without the method, a flaky network) is logged and start-up carries on.
 * Returns how many lists were set.
 */
export async function registerCommands(api: Api, logger: Logger, redactor: Redactor): Promise<number> {
  const lists: { language_code?: "kk" | "ru" | "en"; commands: BotCommand[] }[] = [
    { commands: commandsIn("en") },
    ...LANGUAGES.map((language) => ({ language_code: language, commands: commandsIn(language) })),
  ];
  let set = 0;
  for (const { commands, language_code } of lists) {
    try {
      await api.setMyCommands(commands, language_code === undefined ? {} : { language_code });
      set++;
    } catch (error) {
      logger.warn(
        { language: language_code ?? "default", error: describeError(error, redactor) },
        "setMyCommands failed",
      );
    }
  }
  return set;
}
