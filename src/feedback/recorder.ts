import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { Answer, AnswerPassage } from "../answer/index.js";
import type { AnswerOutcome, AnswerRecord, FeedbackStore, VoteRecord } from "./types.js";

/** Options of {@link FeedbackRecorder}; the store and the logger have no default. */
export interface FeedbackRecorderOptions {
  store: FeedbackStore;
  logger: Logger;
  /** STORE_QUESTIONS: keep each question's text. Default false: only outcome, language, passages. */
  storeQuestions?: boolean;
  /** One line for an error, scrubbed of secrets. Default: the error's message. */
  describe?: (error: unknown) => string;
  /** The clock, in ms since the epoch (tests pass their own). */
  now?: () => number;
}

/**
 * Records what readers asked and thought, without ever holding up or losing an answer. Writes go
 * to the store in the background: the reply is sent at once and a failed write is counted and
 * logged, never thrown. While the database is down the bot says so once (a warning naming the
 * store and the error), counts the feedback lost at debug level, and says once more when the
 * store works again, with how many events were lost meanwhile.
 */
export class FeedbackRecorder {
  private readonly pending = new Set<Promise<void>>();
  private down = false;
  private lost = 0;

  constructor(private readonly options: FeedbackRecorderOptions) {}

  /** Where feedback goes, for the start-up line. */
  get where(): { kind: string; where: string; questions: boolean } {
    return { kind: this.options.store.kind, where: this.options.store.where, questions: this.storeQuestions };
  }

  /**
   * Records an answer given in a chat and returns its id, for the 👍/👎 buttons; `null` for an
   * empty question (no question, nothing to vote on).
   */
  answered(answer: Answer): string | null {
    if (answer.reason === "empty-question") return null;
    const shown = answer.abstained ? (answer.context ? [answer.context] : []) : answer.passages;
    const record: AnswerRecord = {
      id: randomBytes(8).toString("base64url"),
      at: this.now(),
      language: answer.language,
      outcome: (answer.reason ?? "answered") as AnswerOutcome,
      passages: shown.map(passageRef),
      question: this.storeQuestions ? answer.question : null,
    };
    this.write("answer", () => this.options.store.recordAnswer(record));
    return record.id;
  }

  /** Records a vote; resolves false when it was lost (logged), true when stored. */
  voted(vote: Omit<VoteRecord, "at">): Promise<boolean> {
    return this.write("vote", () => this.options.store.recordVote({ ...vote, at: this.now() }));
  }

  /**
   * Opens the store at start-up (the SQLite file is created on the first run, PostgreSQL's tables
   * made), so that a store that cannot be used is said at once rather than with the first answer.
   * Resolves whether it works; never rejects.
   */
  prepare(): Promise<boolean> {
    return this.write("prepare", () => this.options.store.prepare());
  }

  /** Waits for the writes under way, at most `timeoutMs`; resolves whether they all finished. */
  async flush(timeoutMs: number): Promise<boolean> {
    if (this.pending.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = Promise.allSettled([...this.pending]).then(() => true as const);
    const finished = await Promise.race([done, timeout]);
    clearTimeout(timer);
    return finished;
  }

  /** Flushes (bounded), logs feedback still being lost, and closes the store. */
  async close(timeoutMs = 2000): Promise<void> {
    const flushed = await this.flush(timeoutMs);
    if (!flushed)
      this.options.logger.warn({ pending: this.pending.size }, "feedback writes unfinished at exit: lost");
    if (this.down && this.lost > 0)
      this.options.logger.warn({ lost: this.lost }, "feedback store still unavailable at exit");
    await this.options.store.close().catch(() => {});
  }

  private get storeQuestions(): boolean {
    return this.options.storeQuestions ?? false;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private write(kind: "answer" | "vote" | "prepare", task: () => Promise<void>): Promise<boolean> {
    const { logger } = this.options;
    const run = task().then(
      () => {
        if (this.down) {
          logger.info({ store: this.options.store.where, lost: this.lost }, "feedback store works again");
          this.down = false;
          this.lost = 0;
        }
        return true;
      },
      (error: unknown) => {
        if (kind !== "prepare") this.lost++;
        const described =
          this.options.describe?.(error) ?? (error instanceof Error ? error.message : String(error));
        if (!this.down) {
          this.down = true;
          logger.warn(
            { store: this.options.store.where, kind: this.options.store.kind, error: described },
            "feedback store unavailable: feedback is lost until it works again (answers go on)",
          );
        } else {
          logger.debug({ feedback: kind, error: described }, "feedback lost");
        }
        return false;
      },
    );
    const tracked = run.then(() => {});
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
    return run;
  }
}

/** `doc:36-38`: a passage as stored, stable as long as its document is. */
export function passageRef(passage: Pick<AnswerPassage, "doc" | "paragraphStart" | "paragraphEnd">): string {
  return `${passage.doc}:${passage.paragraphStart}-${passage.paragraphEnd}`;
}
