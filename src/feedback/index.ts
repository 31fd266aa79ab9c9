/**
 * Feedback, after the answer stage: what readers asked and thought of the answers (👍/👎), stored
 * durably in SQLite or PostgreSQL, and the operator's report of it. Question texts only when the
 * operator enables it.
 */
export { FeedbackStoreError } from "./errors.js";
export { FEEDBACK_FILE, type FeedbackStoreOptions, feedbackStoreFor } from "./open-store.js";
export { describeUrl, PostgresFeedbackStore, type PostgresStoreOptions } from "./postgres-store.js";
export { questionKey } from "./question-key.js";
export { FeedbackRecorder, type FeedbackRecorderOptions, passageRef } from "./recorder.js";
export { figuresOf, formatReport, type LanguageFigures, type ReportOptions } from "./report.js";
export { SqliteFeedbackStore, type SqliteStoreOptions } from "./sqlite-store.js";
export type {
  AnswerOutcome,
  AnswerRecord,
  FeedbackStore,
  FeedbackSummary,
  LanguageCount,
  VoteRecord,
} from "./types.js";
