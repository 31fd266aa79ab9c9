import type { Logger } from "pino";
import { describeError, type Redactor } from "./redact.js";

/** Options of {@link GracefulShutdown}. */
export interface ShutdownOptions {
  /** Milliseconds between the signal and the exit, whatever is still running. */
  graceMs: number;
  logger: Logger;
  redactor: Redactor;
  /** How to end the process; `process.exit` by default (tests pass a spy). */
  exit?: (code: number) => void;
}

/** Stops whatever the bot is running (polling, a server); given the time left before the hard exit. */
export type Stopper = (remainingMs: number) => Promise<void>;

/**
 * SIGINT/SIGTERM handling for the bot process. The first signal stops the bot (no new updates),
 * lets replies in flight finish, and exits 0 — or exits 0 anyway when the grace period runs out,
 * so systemd or a container runtime never has to SIGKILL it. Later signals are ignored rather than
 * treated as "hurry up": when a whole process group is signalled (Ctrl-C, systemd), the same
 * signal arrives twice within milliseconds — directly, and relayed by the `npm start` that
 * launched node — and must not cut the graceful stop short.
 */
export class GracefulShutdown {
  private stopper: Stopper = async () => {};
  private stopping = false;
  private finished = false;
  private readonly exit: (code: number) => void;

  constructor(private readonly options: ShutdownOptions) {
    this.exit = options.exit ?? ((code) => process.exit(code));
  }

  /** Whether a signal was received; start-up steps check it to stop early. */
  get requested(): boolean {
    return this.stopping;
  }

  /** Sets what stopping means at this point of start-up. */
  setStopper(stopper: Stopper): void {
    this.stopper = stopper;
  }

  /**
   * Listens for SIGINT and SIGTERM. `npm start` execs node as its direct child (no shell in
   * between), so a signal sent to npm alone is passed on to node by npm itself.
   */
  install(): void {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void this.stop(signal));
  }

  /** Stops the bot and exits; safe to call more than once. */
  async stop(reason: string): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const { logger, graceMs } = this.options;
    const started = Date.now();
    logger.info({ signal: reason, grace_ms: graceMs }, "stopping");
    const deadline = setTimeout(() => {
      logger.warn({ waited_ms: Date.now() - started }, "grace period over: exiting with replies unfinished");
      this.finish(started);
    }, graceMs);
    try {
      await this.stopper(graceMs - 50);
      logger.info({ ms: Date.now() - started }, "stopped");
    } catch (error) {
      logger.error({ error: describeError(error, this.options.redactor) }, "error while stopping");
    } finally {
      clearTimeout(deadline);
      this.finish(started);
    }
  }

  /** The last line of the process: with `npm start` the exit code of node is not visible to the caller. */
  private finish(started: number): void {
    if (this.finished) return;
    this.finished = true;
    this.options.logger.info({ code: 0, ms: Date.now() - started }, "exit");
    this.exit(0);
  }
}
