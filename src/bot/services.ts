import type { InlineKeyboardButton } from "grammy/types";
import type { Logger } from "pino";
import type { Answer, AnswerEngine } from "../answer/index.js";
import type { SkippedFile } from "../corpus/index.js";
import type { Redactor } from "./redact.js";

/** The part of the answer engine the bot uses; a narrower type keeps handler tests light. */
export type BotEngine = Pick<
  AnswerEngine,
  "answer" | "sections" | "section" | "indexes" | "legs" | "examples" | "sources"
>;

/**
 * What every handler shares, built once at start-up and passed down explicitly (no globals), so a
 * test can build a bot around a stub engine and a captured logger.
 */
export interface BotServices {
  readonly engine: BotEngine;
  readonly logger: Logger;
  readonly redactor: Redactor;
  /** The engine's question length limit, for the "answered from the first part" note. */
  readonly maxQuestionChars: number;
  /** `cache_time` of inline answers, in seconds. */
  readonly inlineCacheSeconds: number;
  /** Telegram user ids of the bot's admins (ADMIN_USER_IDS): /source tells them about skipped files. */
  readonly admins: ReadonlySet<number>;
  /** Corpus files left out when the index was opened (empty, not UTF-8, unreadable). */
  readonly skippedFiles: readonly Pick<SkippedFile, "name" | "reason">[];
  /**
   * Called with each answer to a question before it is sent; returns the buttons of a row for the
   * reply's last message (👍/👎: see feedback-buttons.ts). Absent: answers carry no votes.
   */
  readonly voteButtons?: (answer: Answer) => InlineKeyboardButton[] | undefined;
}
