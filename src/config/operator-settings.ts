import { z } from "zod";
import { flag } from "./settings.js";

/**
 * Settings of what the operator keeps beside the index — the feedback database and the data
 * folder — read by the bot and by `npm run report`. Each one is documented in `.env.example`.
 */
export const feedbackSettingsSchema = z.object({
  /** Where the bot keeps its own files: the SQLite feedback database, documents removed by admins. */
  DATA_DIR: z.string().min(1).default("data"),
  /** PostgreSQL for feedback, shared by every replica; unset: SQLite in DATA_DIR. */
  DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      error: "DATABASE_URL must be a postgres:// URL, e.g. postgres://bot:password@127.0.0.1:5432/bot",
    })
    .optional(),
  /** Store each question's text with its feedback (readers did not consent to more: off by default). */
  STORE_QUESTIONS: flag.default(false),
});

/** Feedback settings after validation. */
export type FeedbackSettings = z.infer<typeof feedbackSettingsSchema>;

/** Settings of the running bot's shared state and live corpus. */
export const liveSettingsSchema = z.object({
  /** Redis, for the per-user rate limit shared by replicas; unset: counted in each process. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// URL, e.g. redis://127.0.0.1:6379/0" })
    .optional(),
  /** Milliseconds between checks of the corpus folder and the index version; 0: only at start. */
  CORPUS_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(2000),
  /** Largest document an admin may send, in bytes (Telegram lets bots download up to 20 MB). */
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(20 * 1024 * 1024)
    .default(1024 * 1024),
});

/** Live settings after validation. */
export type LiveSettings = z.infer<typeof liveSettingsSchema>;
