/**
 * The pending-updates queue behind getUpdates, with Telegram's long-polling semantics: updates stay
 * until confirmed by a higher `offset`, a poll waits up to `timeout` seconds for the first update,
 * and a second concurrent poll ends the first one with 409 Conflict (two bot instances running).
 */
import type { Update } from "grammy/types";
import { ApiError } from "./fake-bot-api-types.js";

/** The update kinds Telegram sends when `allowed_updates` is empty or was never set. */
const NOT_SENT_BY_DEFAULT = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

/** What getUpdates accepts, already coerced to numbers. */
export interface PollOptions {
  offset?: number;
  limit?: number;
  timeout?: number;
  allowedUpdates?: unknown;
}

interface PendingPoll {
  limit: number;
  finish: (updates: Update[]) => void;
  fail: (error: ApiError) => void;
}

/** Holds unconfirmed updates and at most one waiting getUpdates request. */
export class UpdateQueue {
  private queue: Update[] = [];
  private nextId: number;
  private allowed: Set<string> | undefined;
  private pending: PendingPoll | undefined;
  private closed = false;
  private onWaiting: Array<() => void> = [];

  constructor(firstUpdateId = 1) {
    this.nextId = firstUpdateId;
  }

  /** Number of updates not yet confirmed, as reported by getWebhookInfo. */
  get size(): number {
    return this.queue.length;
  }

  /** Resolves once a getUpdates request is being held open, i.e. the bot is idle and polling. */
  whenWaiting(): Promise<void> {
    if (this.pending !== undefined) return Promise.resolve();
    return new Promise((resolve) => this.onWaiting.push(resolve));
  }

  /** Assigns the next update id, queues the update and wakes a waiting poll. */
  push<T extends Omit<Update, "update_id">>(body: T): T & { update_id: number } {
    const update = { update_id: this.nextId++, ...body };
    this.queue.push(update);
    this.wake();
    return update;
  }

  /** getUpdates: confirms by offset, then answers at once or waits up to `timeout` seconds. */
  async poll(options: PollOptions, signal: AbortSignal): Promise<Update[]> {
    this.confirm(options.offset);
    this.setAllowed(options.allowedUpdates);
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 100);
    const ready = this.take(limit);
    const timeout = options.timeout ?? 0;
    if (ready.length > 0 || timeout <= 0 || this.closed) return ready;
    return this.wait(limit, timeout, signal);
  }

  /** deleteWebhook/setWebhook with `drop_pending_updates`. */
  dropAll(): void {
    this.queue = [];
  }

  /** Answers a waiting poll with `[]`, as when the server shuts down. */
  close(): void {
    this.closed = true;
    this.pending?.finish([]);
  }

  private wait(limit: number, timeoutSeconds: number, signal: AbortSignal): Promise<Update[]> {
    this.pending?.fail(
      new ApiError(
        409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      ),
    );
    return new Promise<Update[]>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = (done: () => void) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        if (this.pending === poll) this.pending = undefined;
        done();
      };
      const poll: PendingPoll = {
        limit,
        finish: (updates) => settle(() => resolve(updates)),
        fail: (error) => settle(() => reject(error)),
      };
      const onAbort = () => poll.finish([]);
      this.pending = poll;
      if (signal.aborted) return onAbort();
      timer = setTimeout(onAbort, timeoutSeconds * 1000);
      signal.addEventListener("abort", onAbort);
      for (const notify of this.onWaiting.splice(0)) notify();
    });
  }

  private wake(): void {
    const poll = this.pending;
    if (poll === undefined) return;
    const ready = this.take(poll.limit);
    if (ready.length > 0) poll.finish(ready);
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset > 0) this.queue = this.queue.filter((update) => update.update_id >= offset);
    else this.queue = this.queue.slice(offset);
  }

  private setAllowed(allowedUpdates: unknown): void {
    if (!Array.isArray(allowedUpdates)) return;
    this.allowed = allowedUpdates.length === 0 ? undefined : new Set(allowedUpdates.map(String));
  }

  /** Returns up to `limit` deliverable updates, dropping the kinds the bot opted out of. */
  private take(limit: number): Update[] {
    this.queue = this.queue.filter((update) => this.isAllowed(update));
    return this.queue.slice(0, limit);
  }

  private isAllowed(update: Update): boolean {
    const kind = Object.keys(update).find((key) => key !== "update_id") ?? "";
    return this.allowed === undefined ? !NOT_SENT_BY_DEFAULT.has(kind) : this.allowed.has(kind);
  }
}
