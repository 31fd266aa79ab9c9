import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { corpusHash, corpusSignature, readCorpus } from "../corpus/index.js";
import { currentVersion, tryBuildLock } from "../indexes/index.js";
import type { HeldEngine, LiveEngine } from "./live-engine.js";
import { describeError, type Redactor } from "./redact.js";

/** Options of {@link LiveIndex}; the folders, the engine, its opener and the logger have no default. */
export interface LiveIndexOptions {
  corpusDir: string;
  indexDir: string;
  /** The engine being served; a successful reload swaps a new one into it. */
  live: LiveEngine;
  /**
   * Opens an engine over the corpus as it is now: loads the current index version when it matches
   * the corpus, else builds and publishes a new one (`AnswerEngine.open`, reusing the loaded model).
   */
  open: () => Promise<HeldEngine>;
  logger: Logger;
  redactor: Redactor;
  /** Milliseconds between checks of the corpus and the index pointer; 0 turns polling off. Default 2000. */
  pollMs?: number;
  /** Called after each successful swap (readiness report, skipped files). */
  onReload?: (engine: HeldEngine) => void;
  /** How long {@link LiveIndex.refresh} waits for another process's rebuild. Default 120 000 ms. */
  refreshTimeoutMs?: number;
}

/** What a check did. */
export type ReloadOutcome =
  | { readonly status: "unchanged" }
  /** Another process holds the build lock; its version is picked up by a later check. */
  | { readonly status: "busy" }
  | {
      readonly status: "reloaded";
      readonly action: HeldEngine["openResult"]["action"];
      readonly version: string | null;
      readonly documents: number;
      readonly passages: number;
      readonly ms: number;
    }
  /** The reload failed; the previous engine keeps answering. */
  | { readonly status: "failed"; readonly error: string };

/**
 * Keeps the served index in step with the corpus while the bot runs. Every `pollMs` it compares a
 * cheap signature of the corpus folder (names, sizes, times) and the index folder's `current`
 * pointer with what the served engine was opened from. A corpus change is acted on once the
 * folder has stayed the same for one more check (a file still being copied in is not indexed
 * half-way); a pointer moved by another replica is acted on at once. Acting means opening a new
 * engine beside the old one — which builds a new index version in the background, or loads the
 * version another replica built — and swapping it in. Under the folder's build lock only one
 * replica builds; the others find its version on their next check. A failed reload keeps the
 * old engine answering and logs why, once per corpus state.
 */
export class LiveIndex {
  private corpusSeen: string | null = null;
  private pointerSeen: string | null = null;
  private pending: string | null = null;
  /** Checks run one after another, in the order asked for. */
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: LiveIndexOptions) {}

  /**
   * Records the state the served engine was opened from and starts polling (unless `pollMs` is 0).
   * A corpus that changed while the engine was being opened (a first build can take minutes) is
   * not taken for the served one: its text is compared with the served index's, and the first
   * check rebuilds when they differ.
   */
  async start(): Promise<void> {
    const signature = await corpusSignature(this.options.corpusDir);
    const served = this.options.live.indexes.manifest.corpusHash;
    const now = await readCorpus(this.options.corpusDir).then(
      (reading) => corpusHash(reading.documents),
      () => null,
    );
    this.corpusSeen = now === served ? signature : null;
    this.pointerSeen = currentVersion(this.options.indexDir);
    const pollMs = this.options.pollMs ?? 2000;
    if (pollMs > 0) this.schedule(pollMs);
  }

  /** Stops polling; a reload under way finishes (its version is saved) but is not awaited. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /**
   * Checks now, without waiting for the corpus to settle (a document an admin just wrote whole),
   * and resolves with what happened — after a check already under way, and after another
   * replica's rebuild (up to `refreshTimeoutMs`).
   */
  async refresh(): Promise<ReloadOutcome> {
    const deadline = Date.now() + (this.options.refreshTimeoutMs ?? 120_000);
    for (;;) {
      const outcome = await this.check(true);
      if (outcome.status !== "busy" || Date.now() > deadline) return outcome;
      await sleep(250);
    }
  }

  private schedule(pollMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      // A poll while checks are queued (an admin's refresh) would only repeat them.
      void (this.queued > 0 ? Promise.resolve() : this.check(false)).finally(() => this.schedule(pollMs));
    }, pollMs);
    this.timer.unref();
  }

  /** Queues a check behind those asked for before: never two at once. */
  private check(now: boolean): Promise<ReloadOutcome> {
    this.queued++;
    const run = this.queue.then(() => this.checkOnce(now)).finally(() => this.queued--);
    this.queue = run.catch(() => {});
    return run;
  }

  private async checkOnce(now: boolean): Promise<ReloadOutcome> {
    const corpus = await corpusSignature(this.options.corpusDir);
    const pointer = currentVersion(this.options.indexDir);
    const corpusChanged = corpus !== this.corpusSeen;
    if (!corpusChanged && pointer === this.pointerSeen) return { status: "unchanged" };
    if (corpusChanged && !now && corpus !== this.pending) {
      // Wait one more check: a file still being written changes the signature again.
      this.pending = corpus;
      return { status: "unchanged" };
    }
    this.pending = null;
    return this.reload(corpus, pointer);
  }

  private async reload(corpus: string, pointer: string | null): Promise<ReloadOutcome> {
    const { logger, redactor, live } = this.options;
    let lock: ReturnType<typeof tryBuildLock>;
    try {
      lock = tryBuildLock(this.options.indexDir);
    } catch (error) {
      return this.failed(corpus, pointer, describeError(error, redactor));
    }
    if (lock === null) {
      logger.debug("another process is rebuilding the index; waiting for its version");
      return { status: "busy" };
    }
    const started = performance.now();
    try {
      const engine = await this.options.open();
      live.swap(engine);
      this.corpusSeen = corpus;
      this.pointerSeen = currentVersion(this.options.indexDir);
      const { action, reason, version, skipped, saveError } = engine.openResult;
      const outcome = {
        status: "reloaded",
        action,
        version,
        documents: engine.indexes.documents.length,
        passages: engine.indexes.passages.length,
        ms: Math.round(performance.now() - started),
      } as const;
      logger.info(
        {
          ...outcome,
          status: undefined,
          reason,
          skipped: skipped.map((file) => file.name),
          save_error: saveError,
        },
        action === "loaded" ? "index reloaded" : "index rebuilt and swapped in",
      );
      this.options.onReload?.(engine);
      return outcome;
    } catch (error) {
      return this.failed(corpus, pointer, describeError(error, redactor));
    } finally {
      lock.release();
    }
  }

  /** Logs a failed reload once for this state of the corpus and keeps the served engine. */
  private failed(corpus: string, pointer: string | null, error: string): ReloadOutcome {
    this.corpusSeen = corpus;
    this.pointerSeen = pointer;
    this.options.logger.error(
      { error, version: this.options.live.version },
      "the corpus changed but the index could not be rebuilt; the previous index keeps answering",
    );
    return { status: "failed", error };
  }
}
