import { Redis } from "ioredis";
import type { Logger } from "pino";

/** What @grammyjs/ratelimiter's Redis storage calls on its client. */
export interface CounterClient {
  incr(key: string): Promise<number>;
  pexpire(key: string, milliseconds: number): Promise<number>;
}

/** Options of {@link SharedCounter}; only the URL and the logger have no default. */
export interface SharedCounterOptions {
  /** REDIS_URL. */
  url: string;
  /** The rate limit's window: each key expires this long after its first count. */
  windowMs: number;
  logger: Logger;
  /** Milliseconds one Redis command may take before the local count is used. Default 500. */
  commandTimeoutMs?: number;
}

/** INCR and, on the first count, PEXPIRE in one step: a crash between the two cannot leave a key that never expires. */
const INCREMENT =
  "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

/**
 * The client given to @grammyjs/ratelimiter's Redis storage when REDIS_URL is set, so the
 * per-user limit is counted once across every replica. Commands fail fast instead of queueing
 * (a bounded command time, no offline queue): while Redis cannot be reached, counts fall back to
 * this process's own window — the limit holds per replica, as without Redis — with one warning
 * when that starts and one line when Redis is back. A rate limit must never cost an answer.
 */
export class SharedCounter implements CounterClient {
  private readonly redis: Redis;
  private readonly local = new Map<string, { count: number; until: number }>();
  private fallingBack = false;

  constructor(private readonly options: SharedCounterOptions) {
    this.redis = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 500,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      lazyConnect: true,
    });
    // Connection errors arrive as events; unhandled, ioredis prints each one to stderr.
    this.redis.on("error", (error: Error) => this.unavailable(error));
  }

  /** Where counts go, for the start-up line: `host:port/db`, never a password. */
  get where(): string {
    const { host, port, db } = this.redis.options;
    return `${host}:${port}/${db ?? 0}`;
  }

  /** Connects, waiting at most `timeoutMs`; resolves whether Redis answered (else counts start locally). */
  async connect(timeoutMs = 2000): Promise<boolean> {
    const connected = this.redis.connect().then(
      () => true,
      (error: Error) => {
        this.unavailable(error);
        return false;
      },
    );
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    return Promise.race([connected, timeout]);
  }

  async incr(key: string): Promise<number> {
    try {
      const count = Number(await this.redis.eval(INCREMENT, 1, key, String(this.options.windowMs)));
      if (this.fallingBack) {
        this.fallingBack = false;
        this.options.logger.info(
          { redis: this.where },
          "Redis reachable again: the rate limit is shared again",
        );
      }
      return count;
    } catch (error) {
      this.unavailable(error as Error);
      return this.countLocally(key);
    }
  }

  /** The expiry was set with the first count ({@link incr}): nothing left to do. */
  async pexpire(): Promise<number> {
    return 1;
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    this.redis.disconnect();
  }

  private countLocally(key: string): number {
    const now = Date.now();
    const entry = this.local.get(key);
    if (entry === undefined || entry.until <= now) {
      this.local.set(key, { count: 1, until: now + this.options.windowMs });
      if (this.local.size > 10_000) for (const [k, e] of this.local) if (e.until <= now) this.local.delete(k);
      return 1;
    }
    entry.count++;
    return entry.count;
  }

  private unavailable(error: Error): void {
    if (this.fallingBack) return;
    this.fallingBack = true;
    this.options.logger.warn(
      { redis: this.where, error: error.message },
      "Redis unavailable: the rate limit is counted in this process until it is back",
    );
  }
}
