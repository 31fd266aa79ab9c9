import type pg from "pg";
import { FeedbackStoreError } from "./errors.js";
import { readSummary } from "./rows.js";
import { answerParams, INSERT_ANSWER, SCHEMA, UPSERT_VOTE, voteParams } from "./sql.js";
import type { AnswerRecord, FeedbackStore, FeedbackSummary, VoteRecord } from "./types.js";

/** Options of {@link PostgresFeedbackStore}; only the URL has no default. */
export interface PostgresStoreOptions {
  /** DATABASE_URL: `postgres://user:password@host:5432/database`. */
  url: string;
  /** Milliseconds to wait for a connection before a call fails. Default 3000. */
  connectTimeoutMs?: number;
  /** Milliseconds one statement may take before it fails. Default 5000. */
  statementTimeoutMs?: number;
  /** Connections per process. Default 4: feedback writes are small and rare. */
  maxConnections?: number;
  /** Told about errors of idle connections (a restarted server); they are never thrown. */
  onIdleError?: (error: Error) => void;
}

/**
 * Feedback in PostgreSQL (DATABASE_URL), which every replica writes to, so the report sees all of
 * them. Connections come from a small pool with bounded connect and statement times, so a server
 * that is down makes a call fail within seconds instead of hanging a handler. The tables are
 * created on first use, under an advisory lock (replicas starting together would otherwise race
 * on CREATE TABLE IF NOT EXISTS); until that succeeds, every call tries again. The driver is
 * loaded with the first call, so a bot that stores feedback in SQLite never loads it (a start
 * faster by ~30 ms).
 */
export class PostgresFeedbackStore implements FeedbackStore {
  readonly kind = "postgres";
  readonly where: string;
  private pool: pg.Pool | null = null;
  private schema: Promise<void> | null = null;

  constructor(private readonly options: PostgresStoreOptions) {
    this.where = describeUrl(options.url);
  }

  async prepare(): Promise<void> {
    await this.query("SELECT 1", []);
  }

  async recordAnswer(record: AnswerRecord): Promise<void> {
    await this.query(INSERT_ANSWER, answerParams(record));
  }

  async recordVote(vote: VoteRecord): Promise<void> {
    await this.query(UPSERT_VOTE, voteParams(vote));
  }

  async summary(since: number, top: number): Promise<FeedbackSummary> {
    return readSummary(async (sql, params) => (await this.query(sql, [...params])).rows, since, top);
  }

  async close(): Promise<void> {
    if (this.pool === null || this.pool.ended || this.pool.ending) return;
    await this.pool.end();
  }

  private async query(sql: string, params: unknown[]): Promise<pg.QueryResult> {
    try {
      await this.ensureSchema();
      return await (await this.poolOf()).query(sql, params);
    } catch (error) {
      if (error instanceof FeedbackStoreError) throw error;
      throw new FeedbackStoreError(
        `PostgreSQL at ${this.where}: ${(error as Error).message || (error as { code?: string }).code || "unavailable"}`,
        this.where,
        "unavailable",
      );
    }
  }

  private ensureSchema(): Promise<void> {
    this.schema ??= this.createSchema().catch((error: unknown) => {
      this.schema = null;
      throw error;
    });
    return this.schema;
  }

  /** The connection pool, made (and the driver loaded) on first use. */
  private async poolOf(): Promise<pg.Pool> {
    if (this.pool) return this.pool;
    const { default: driver } = await import("pg");
    // Another call may have made it while the driver loaded.
    if (this.pool) return this.pool;
    this.pool = new driver.Pool({
      connectionString: this.options.url,
      max: this.options.maxConnections ?? 4,
      connectionTimeoutMillis: this.options.connectTimeoutMs ?? 3000,
      query_timeout: this.options.statementTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      allowExitOnIdle: true,
    });
    // An idle connection the server drops emits "error" on the pool; unhandled, it would end the process.
    this.pool.on("error", (error) => this.options.onIdleError?.(error));
    return this.pool;
  }

  private async createSchema(): Promise<void> {
    const client = await (await this.poolOf()).connect();
    try {
      await client.query("BEGIN");
      // Any constant shared by every replica of this bot: 'kdbf' (kazakh-doc-bot feedback).
      await client.query("SELECT pg_advisory_xact_lock(1801741926)");
      for (const statement of SCHEMA) await client.query(statement);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}

/** `host:port/database` of a connection URL, for log lines: never the user's password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}
