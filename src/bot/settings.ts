import { z } from "zod";
import {
  type BotSettings,
  botSettingsSchema,
  type FeedbackSettings,
  feedbackSettingsSchema,
  type LiveSettings,
  liveSettingsSchema,
  parseSettings,
  type Settings,
  SettingsError,
  settingsSchema,
} from "../config/index.js";

/** Telegram user ids, comma-separated, as ADMIN_USER_IDS (or its alias ADMIN_IDS) holds them. */
const userIds = (name: string) =>
  z
    .string()
    .regex(/^\s*\d+\s*(,\s*\d+\s*)*$/, {
      error: `${name} must be Telegram user ids separated by commas, e.g. 12345678,87654321`,
    })
    .transform((ids) => ids.split(",").map((id) => Number(id.trim())));

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
  /**
   * The bot's admins, Telegram user ids, comma-separated: in a private chat they add, list and
   * remove documents, and /source tells them about skipped files. ADMIN_IDS is accepted as another
   * name for it; both set, they must agree.
   */
  ADMIN_USER_IDS: userIds("ADMIN_USER_IDS").optional(),
  ADMIN_IDS: userIds("ADMIN_IDS").optional(),
});

/** Bot-only runtime settings after validation, the admins under one name. */
export type BotRuntimeSettings = Omit<z.infer<typeof botRuntimeSchema>, "ADMIN_USER_IDS" | "ADMIN_IDS"> & {
  readonly ADMIN_USER_IDS: readonly number[];
};

/** Everything `npm start` needs: retrieval, bot, runtime, feedback and live-corpus settings in one object. */
export type StartSettings = Settings & BotSettings & BotRuntimeSettings & FeedbackSettings & LiveSettings;

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
  const feedback = parse(feedbackSettingsSchema);
  const live = parse(liveSettingsSchema);
  const admins = runtime && adminsOf(runtime, problems);
  if (!core || !bot || !runtime || !feedback || !live || !admins) throw new SettingsError(problems);
  const { ADMIN_IDS: _alias, ...rest } = runtime;
  return { ...core, ...bot, ...rest, ADMIN_USER_IDS: admins, ...feedback, ...live };
}

/** The admins from ADMIN_USER_IDS or its alias ADMIN_IDS; `undefined` (and a problem) when they disagree. */
function adminsOf(runtime: z.infer<typeof botRuntimeSchema>, problems: string[]): number[] | undefined {
  const { ADMIN_USER_IDS: named, ADMIN_IDS: alias } = runtime;
  if (named && alias && [...named].sort().join() !== [...alias].sort().join()) {
    problems.push(
      "ADMIN_USER_IDS and ADMIN_IDS are both set and differ: keep one (ADMIN_IDS is another name for it)",
    );
    return undefined;
  }
  return named ?? alias ?? [];
}
