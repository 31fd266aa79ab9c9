import { join } from "node:path";
import { PostgresFeedbackStore } from "./postgres-store.js";
import { SqliteFeedbackStore } from "./sqlite-store.js";
import type { FeedbackStore } from "./types.js";

/** The SQLite file's name in the data folder. */
export const FEEDBACK_FILE = "feedback.sqlite";

/** Options of {@link feedbackStoreFor}; every field has a default. */
export interface FeedbackStoreOptions {
  /** DATABASE_URL: PostgreSQL, shared by replicas. Unset: SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** DATA_DIR: where the SQLite file lives. Default `data`. */
  dataDir?: string;
  /** Create the SQLite file when missing. Default true (the report passes false). */
  create?: boolean;
  /** Told about errors of idle PostgreSQL connections. */
  onIdleError?: (error: Error) => void;
  /** Milliseconds to wait for a PostgreSQL connection. Default 3000. */
  connectTimeoutMs?: number;
}

/**
 * The feedback store the settings ask for: PostgreSQL when DATABASE_URL is set (every replica
 * writes to one database), else SQLite in `<DATA_DIR>/feedback.sqlite` (one machine). Nothing is
 * connected or opened yet: the first call does that, so a database that is down is a failure of
 * that call, never of start-up.
 */
export function feedbackStoreFor(options: FeedbackStoreOptions = {}): FeedbackStore {
  if (options.databaseUrl) {
    return new PostgresFeedbackStore({
      url: options.databaseUrl,
      ...(options.onIdleError ? { onIdleError: options.onIdleError } : {}),
      ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    });
  }
  return new SqliteFeedbackStore({
    path: join(options.dataDir ?? "data", FEEDBACK_FILE),
    create: options.create ?? true,
  });
}
