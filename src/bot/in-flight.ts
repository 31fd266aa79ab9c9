/**
 * Counts updates being handled, so shutdown can wait for the replies already under way. The
 * runner's own `stop()` resolves once polling ends, not when its concurrent handlers do, and the
 * webhook server cannot see them at all: this one counter serves both modes.
 */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  /** Updates currently being handled. */
  get size(): number {
    return this.count;
  }

  /** Runs `task` counted as one update in flight. */
  async track<T>(task: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await task();
    } finally {
      this.count--;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Resolves when nothing is in flight, or after `timeoutMs`; tells which happened. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
