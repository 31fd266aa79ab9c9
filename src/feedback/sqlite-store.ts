import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { FeedbackStoreError } from "./errors.js";
import { readSummary } from "./rows.js";
import { answerParams, forSqlite, INSERT_ANSWER, SCHEMA, UPSERT_VOTE, voteParams } from "./sql.js";
import type { AnswerRecord, FeedbackStore, FeedbackSummary, VoteRecord } from "./types.js";

/** Options of {@link SqliteFeedbackStore}. */
export interface SqliteStoreOptions {
  /** The database file; its folder is created on first use. */
  path: string;
  /** Create the file when missing (the bot); false opens only an existing one (the report). Default true. */
  create?: boolean;
  /** Milliseconds a write waits for another process's lock on the file before it fails. Default 5000. */
  busyTimeoutMs?: number;
}

/**
 * Feedback in one SQLite file (better-sqlite3 12: version 13 needs Node 22), the default for one
 * machine. Opened on first use, not at construction, so a folder that cannot be written is a
 * failure of that write (logged, retried with the next one), never of start-up. WAL mode, so
 * several processes on the machine may share the file and the report reads while the bot writes.
 * better-sqlite3 is an optional dependency (a native build): without it every call rejects with a
 * {@link FeedbackStoreError} saying what to install.
 */
export class SqliteFeedbackStore implements FeedbackStore {
  readonly kind = "sqlite";
  readonly where: string;
  private db: BetterSqlite3.Database | null = null;
  /** Statements prepared once per SQL text: preparing costs more than running an insert. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  /** Writes waiting for this turn of the event loop to end: committed together, in one transaction. */
  private queued: QueuedWrite[] = [];

  constructor(private readonly options: SqliteStoreOptions) {
    this.where = options.path;
  }

  async prepare(): Promise<void> {
    await this.open();
  }

  async recordAnswer(record: AnswerRecord): Promise<void> {
    await this.run(INSERT_ANSWER, answerParams(record));
  }

  async recordVote(vote: VoteRecord): Promise<void> {
    await this.run(UPSERT_VOTE, voteParams(vote));
  }

  async summary(since: number, top: number): Promise<FeedbackSummary> {
    const db = await this.open();
    return readSummary(
      (sql, params) => {
        const statement = forSqlite(sql);
        return db.prepare(statement.sql).all(...statement.bind(params));
      },
      since,
      top,
    );
  }

  async close(): Promise<void> {
    this.commitQueued();
    this.statements.clear();
    this.db?.close();
    this.db = null;
  }

  /**
   * Queues one write; the writes queued in one turn of the event loop commit together. A commit
   * per answer wrote the log file fifty times for fifty people asking at once, holding the event
   * loop their replies wait on.
   */
  private async run(sql: string, params: readonly unknown[]): Promise<void> {
    await this.open();
    return new Promise((resolve, reject) => {
      if (this.queued.length === 0) setImmediate(() => this.commitQueued());
      this.queued.push({ sql, params, resolve, reject });
    });
  }

  /**
   * Commits the queued writes in one transaction; if it fails, each alone, so only a bad one
   * fails — unless the database is locked (another process writing past the busy timeout): then
   * every write fails at once rather than each waiting out the timeout again.
   */
  private commitQueued(): void {
    const writes = this.queued;
    this.queued = [];
    const db = this.db;
    if (writes.length === 0) return;
    if (db === null) {
      for (const write of writes)
        write.reject(new FeedbackStoreError("the store was closed", this.where, "unavailable"));
      return;
    }
    try {
      db.transaction(() => {
        for (const write of writes) this.execute(db, write);
      })();
      for (const write of writes) write.resolve();
    } catch (error) {
      if (isLocked(error)) {
        for (const write of writes) write.reject(error);
        return;
      }
      for (const write of writes) {
        try {
          this.execute(db, write);
          write.resolve();
        } catch (error) {
          write.reject(error);
        }
      }
    }
  }

  private execute(db: BetterSqlite3.Database, write: QueuedWrite): void {
    const statement = forSqlite(write.sql);
    let prepared = this.statements.get(write.sql);
    if (prepared === undefined) {
      prepared = db.prepare(statement.sql);
      this.statements.set(write.sql, prepared);
    }
    prepared.run(...statement.bind(write.params));
  }

  private async open(): Promise<BetterSqlite3.Database> {
    if (this.db) return this.db;
    const Database = await loadDriver(this.where);
    const create = this.options.create ?? true;
    let db: BetterSqlite3.Database;
    try {
      if (create) mkdirSync(dirname(this.options.path), { recursive: true });
      db = new Database(this.options.path, { fileMustExist: !create });
    } catch (error) {
      if (!create && !existsSync(this.options.path))
        throw new FeedbackStoreError(
          `${this.where} does not exist: no feedback recorded yet`,
          this.where,
          "missing",
        );
      throw new FeedbackStoreError(
        `cannot open ${this.where} (${(error as Error).message})`,
        this.where,
        "unavailable",
      );
    }
    db.pragma("journal_mode = WAL");
    // In WAL mode NORMAL syncs at checkpoints, not at every answer: a power cut may lose the last
    // moments of feedback, never the file. A sync per insert held the event loop under load.
    db.pragma("synchronous = NORMAL");
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(this.options.busyTimeoutMs ?? 5000))}`);
    for (const statement of SCHEMA) db.exec(statement);
    this.db = db;
    return db;
  }
}

/** SQLite's "database is locked" errors (SQLITE_BUSY, SQLITE_LOCKED and their extended codes). */
function isLocked(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(?:BUSY|LOCKED)/.test(code);
}

/** One write waiting in {@link SqliteFeedbackStore}'s queue. */
interface QueuedWrite {
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

let driver: Promise<typeof BetterSqlite3> | null = null;

/** better-sqlite3, loaded on first use (an optional dependency: its native build may have failed). */
function loadDriver(where: string): Promise<typeof BetterSqlite3> {
  driver ??= import("better-sqlite3").then((module) => module.default);
  return driver.catch(() => {
    driver = null;
    throw new FeedbackStoreError(
      "better-sqlite3 is not installed (its native build failed in npm ci: it needs python3, make and g++); install them and run npm ci again, or set DATABASE_URL",
      where,
      "no-driver",
    );
  });
}
