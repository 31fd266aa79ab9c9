import type { AbstentionReason, Language } from "../answer/index.js";

/** What became of a question: answered with quotes, or declined for one of the engine's reasons. */
export type AnswerOutcome = "answered" | Exclude<AbstentionReason, "empty-question">;

/**
 * One answer the bot gave in a chat, as stored: enough to count questions, declines and votes per
 * language and to see which passages were shown. The question's text only when the operator
 * enabled it (STORE_QUESTIONS): readers did not consent to more.
 */
export interface AnswerRecord {
  /** Random id, also carried by the answer's 👍/👎 buttons. */
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly language: Language;
  readonly outcome: AnswerOutcome;
  /** The passages shown, as `doc:paragraphStart-paragraphEnd` (a declined answer's context too). */
  readonly passages: readonly string[];
  /** The question as asked, or `null` when questions are not stored. */
  readonly question: string | null;
}

/** A 👍 (1) or 👎 (-1) on an answer; a later press on the same answer replaces it. */
export interface VoteRecord {
  readonly answerId: string;
  readonly at: number;
  readonly language: Language;
  readonly vote: 1 | -1;
}

/** A count per language of something (an outcome, a vote, a question). */
export interface LanguageCount<K extends string = string> {
  readonly language: string;
  readonly key: K;
  readonly count: number;
}

/** What `npm run report` is made from: counts since a time, aggregated by the database. */
export interface FeedbackSummary {
  /** Answers per language and outcome. */
  readonly outcomes: readonly LanguageCount<AnswerOutcome>[];
  /** Votes per language, key "up" or "down". */
  readonly votes: readonly LanguageCount<"up" | "down">[];
  /** How many of the answers carry their question's text. */
  readonly questionsStored: number;
  /** The most common declined questions per language, key = the question as first asked. */
  readonly topDeclined: readonly LanguageCount[];
  /** The most common questions whose answer got 👎, per language. */
  readonly topDisliked: readonly LanguageCount[];
}

/**
 * Durable storage of answers and votes, in SQLite (a file under the data folder) or PostgreSQL
 * (shared by every replica). Methods reject when the database cannot be reached; callers on the
 * reply path never wait for them (see FeedbackRecorder).
 */
export interface FeedbackStore {
  /** "sqlite" or "postgres". */
  readonly kind: string;
  /** Where it stores, for log lines: a file path, or host and database (never a password). */
  readonly where: string;
  /** Opens the file or connects and creates the tables, ahead of the first write. */
  prepare(): Promise<void>;
  recordAnswer(record: AnswerRecord): Promise<void>;
  recordVote(vote: VoteRecord): Promise<void>;
  /** Counts since `since` (ms since the epoch), with the `top` most common questions per language. */
  summary(since: number, top: number): Promise<FeedbackSummary>;
  close(): Promise<void>;
}
