import { z } from "zod";

/** `true`/`false`/`1`/`0`/`yes`/`no` from the environment. */
export const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const positiveInt = z.coerce.number().int().positive();
const fraction = z.coerce.number().min(0).max(1);

/**
 * Every setting of the bot and the command line, read from the environment (and `.env`). Each
 * one is documented in `.env.example`; zod gives a clear message for a wrong value instead of a
 * crash later. The bot token is validated separately ({@link botSettingsSchema}) so the command
 * line works without one.
 */
export const settingsSchema = z.object({
  CORPUS_DIR: z.string().min(1).default("corpus"),
  INDEX_DIR: z.string().min(1).default("index"),
  EMBEDDINGS: z.enum(["auto", "on", "off"]).default("auto"),
  EMBEDDING_MODEL: z.string().min(1).default("Xenova/multilingual-e5-small"),
  MODEL_DIR: z.string().min(1).default("models"),
  MODEL_OFFLINE: flag.default(false),
  MODEL_REMOTE_HOST: z.url().optional(),
  MODEL_DTYPE: z.enum(["q8", "fp32", "fp16", "q4"]).optional(),
  MODEL_STALL_TIMEOUT_MS: positiveInt.default(15_000),
  EMBEDDING_BATCH_SIZE: positiveInt.default(1),
  EMBEDDINGS_URL: z
    .url({
      protocol: /^https?$/,
      error: "EMBEDDINGS_URL must be an http(s) URL, e.g. http://127.0.0.1:8000/v1",
    })
    .optional(),
  EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  EMBEDDINGS_PREFIXES: z.enum(["client", "server"]).default("client"),
  EMBEDDINGS_TIMEOUT_MS: positiveInt.default(15_000),
  RETRIEVAL_K: positiveInt.max(10).default(3),
  MIN_KEYWORD_COVERAGE: fraction.optional(),
  MIN_DENSE_SIMILARITY: fraction.optional(),
  MAX_QUESTION_CHARS: positiveInt.default(1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** Settings after validation. */
export type Settings = z.infer<typeof settingsSchema>;

/** The shape of a bot token from @BotFather: digits, a colon, 35 URL-safe characters. */
export const BOT_TOKEN_PATTERN = /^\d{5,16}:[A-Za-z0-9_-]{30,50}$/;

/** Settings only the bot needs. */
export const botSettingsSchema = z.object({
  BOT_TOKEN: z
    .string({ error: "BOT_TOKEN is not set: put the token from @BotFather in .env or the environment" })
    .trim()
    .regex(BOT_TOKEN_PATTERN, {
      error: "BOT_TOKEN is malformed: expected digits, a colon and 35 characters, as @BotFather gives it",
    }),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  RATE_LIMIT_WINDOW_MS: positiveInt.default(10_000),
  RATE_LIMIT_MAX: positiveInt.default(5),
  WEBHOOK_URL: z.url().optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, { error: "WEBHOOK_SECRET may hold only letters, digits, _ and -" })
    .optional(),
  PORT: positiveInt.max(65535).default(8080),
  HOST: z.string().default("0.0.0.0"),
  SHUTDOWN_GRACE_MS: positiveInt.default(4000),
});

/** Bot settings after validation. */
export type BotSettings = z.infer<typeof botSettingsSchema>;

/**
 * A setting has a wrong value. The message is one line per problem, naming the variable, and
 * never echoes the value (it might be the token).
 */
export class SettingsError extends Error {
  override readonly name = "SettingsError";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("; "));
  }
}

/** Validates `env` against a schema, turning zod's issues into a {@link SettingsError}. */
export function parseSettings<T extends z.ZodType>(
  schema: T,
  env: Record<string, string | undefined>,
): z.infer<T> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new SettingsError(
    result.error.issues.map((issue) => {
      const key = issue.path.join(".");
      return issue.message.startsWith(key) ? issue.message : `${key}: ${issue.message}`;
    }),
  );
}
