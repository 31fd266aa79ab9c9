import { z } from "zod";
import {
  type BotSettings,
  botSettingsSchema,
  parseSettings,
  type Settings,
  SettingsError,
  settingsSchema,
} from "../config/index.js";

/**
 * Settings only the bot process reads, kept here rather than in `src/config` because nothing else
 * needs them. Every one is listed in `.env.example`.
 */
export const botRuntimeSchema = z.object({
  /**
   * Seconds a `getUpdates` long poll stays open. Telegram allows up to 50; 30 is grammY's default.
   * Tests use 1 so a stopped bot releases its poll at once.
   */
  POLL_TIMEOUT_S: z.coerce.number().int().min(0).max(50).default(30),
  /** Seconds Telegram may cache inline results for the same query (small: the index may change). */
  INLINE_CACHE_S: z.coerce.number().int().min(0).max(3600).default(10),
  /** Telegram user ids, comma-separated, whom /source (in a private chat) tells about skipped files. */
  ADMIN_USER_IDS: z
    .string()
    .regex(/^\s*\d+\s*(,\s*\d+\s*)*$/, {
      error: "ADMIN_USER_IDS must be Telegram user ids separated by commas, e.g. 12345678,87654321",
    })
    .transform((ids) => ids.split(",").map((id) => Number(id.trim())))
    .default([]),
});

/** Bot-only runtime settings after validation. */
export type BotRuntimeSettings = z.infer<typeof botRuntimeSchema>;

/** Everything `npm start` needs: retrieval, bot and runtime settings in one object. */
export type StartSettings = Settings & BotSettings & BotRuntimeSettings;

/**
 * Validates all three schemas and reports every problem at once, so an operator fixes `.env` in one
 * go instead of one variable per restart. The messages never contain values (one may be the token).
 */
export function parseStartSettings(env: Record<string, string | undefined>): StartSettings {
  const problems: string[] = [];
  const parse = <T extends z.ZodType>(schema: T): z.infer<T> | undefined => {
    try {
      return parseSettings(schema, env);
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const core = parse(settingsSchema);
  const bot = parse(botSettingsSchema);
  const runtime = parse(botRuntimeSchema);
  if (core === undefined || bot === undefined || runtime === undefined) throw new SettingsError(problems);
  return { ...core, ...bot, ...runtime };
}
