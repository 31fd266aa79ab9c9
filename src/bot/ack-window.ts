import type { Update } from "grammy/types";

/**
 * Which updates may be confirmed to Telegram, for at-least-once replies in polling mode.
 * `getUpdates` confirms every update below the `offset` it is called with; grammY's runner sends
 * the one after the last update it fetched, so an update still being handled — a reply waiting
 * out a 429 — is confirmed already, and lost if the process stops before the reply goes out. This
 * window tracks what was fetched and what is finished, and gives the offset that confirms exactly
 * the finished prefix: the oldest unfinished update. Telegram keeps delivering the unfinished ones
 * (and those after them) until they are confirmed; a restart answers them.
 */
export class AckWindow {
  private readonly unfinished = new Set<number>();
  /** The first update id not fetched yet; 0 before the first update. */
  private nextId = 0;
  private waiters: (() => void)[] = [];

  /** Records updates handed to the bot. */
  fetched(updates: readonly Update[]): void {
    for (const update of updates) {
      this.unfinished.add(update.update_id);
      this.nextId = Math.max(this.nextId, update.update_id + 1);
    }
  }

  /** An update's handling ended (answered, failed and apologised for, ignored). */
  finish(updateId: number): void {
    if (!this.unfinished.delete(updateId)) return;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Whether an update id was fetched already (Telegram delivers unconfirmed ones again). */
  seen(updateId: number): boolean {
    return updateId < this.nextId;
  }

  /** The `getUpdates` offset that confirms all finished updates and no unfinished one; 0 before any. */
  get offset(): number {
    let oldest = this.nextId;
    for (const id of this.unfinished) if (id < oldest) oldest = id;
    return oldest;
  }

  /** Whether some fetched update is unfinished, so the offset lags behind what was fetched. */
  get holding(): boolean {
    return this.unfinished.size > 0;
  }

  /** Unfinished update ids, oldest first. */
  get pending(): number[] {
    return [...this.unfinished].sort((a, b) => a - b);
  }

  /** Resolves when no fetched update is unfinished, or after `timeoutMs`; tells which happened. */
  async idle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.holding) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.changed(left);
    }
    return true;
  }

  /** Resolves when an update finishes, after `ms`, or when `signal` aborts, whichever is first. */
  changed(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        this.waiters = this.waiters.filter((waiter) => waiter !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener("abort", done);
      this.waiters.push(done);
    });
  }
}
