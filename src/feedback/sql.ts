import { questionKey } from "./question-key.js";
import type { AnswerRecord, VoteRecord } from "./types.js";

/**
 * The SQL both stores run, written once with PostgreSQL's `$1` placeholders ({@link forSqlite}
 * turns them into SQLite's). Times are milliseconds since the epoch (BIGINT), the same in both.
 * Votes are one row per answer: the last press counts (no reader id is stored).
 */
export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS feedback_answers (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    language TEXT NOT NULL,
    outcome TEXT NOT NULL,
    passages TEXT NOT NULL,
    question TEXT,
    question_key TEXT
  )`,
  "CREATE INDEX IF NOT EXISTS feedback_answers_at ON feedback_answers (at)",
  `CREATE TABLE IF NOT EXISTS feedback_votes (
    answer_id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    language TEXT NOT NULL,
    vote SMALLINT NOT NULL
  )`,
  "CREATE INDEX IF NOT EXISTS feedback_votes_at ON feedback_votes (at)",
];

export const INSERT_ANSWER = `INSERT INTO feedback_answers (id, at, language, outcome, passages, question, question_key)
  VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`;

/** The parameters of {@link INSERT_ANSWER} for one answer, in its order. */
export function answerParams(record: AnswerRecord): unknown[] {
  return [
    record.id,
    record.at,
    record.language,
    record.outcome,
    JSON.stringify(record.passages),
    record.question,
    record.question === null ? null : questionKey(record.question),
  ];
}

/** The parameters of {@link UPSERT_VOTE} for one vote, in its order. */
export function voteParams(vote: VoteRecord): unknown[] {
  return [vote.answerId, vote.at, vote.language, vote.vote];
}

export const UPSERT_VOTE = `INSERT INTO feedback_votes (answer_id, at, language, vote) VALUES ($1, $2, $3, $4)
  ON CONFLICT (answer_id) DO UPDATE SET at = excluded.at, language = excluded.language, vote = excluded.vote`;

export const OUTCOMES = `SELECT language, outcome AS key, COUNT(*) AS count FROM feedback_answers
  WHERE at >= $1 GROUP BY language, outcome`;

export const VOTES = `SELECT language, CASE WHEN vote > 0 THEN 'up' ELSE 'down' END AS key, COUNT(*) AS count
  FROM feedback_votes WHERE at >= $1 GROUP BY language, CASE WHEN vote > 0 THEN 'up' ELSE 'down' END`;

export const QUESTIONS_STORED =
  "SELECT COUNT(*) AS count FROM feedback_answers WHERE at >= $1 AND question IS NOT NULL";

/** The `$2` most common declined questions per language (window functions: SQLite 3.25+, PostgreSQL). */
export const TOP_DECLINED = `SELECT language, key, count FROM (
    SELECT language, MIN(question) AS key, COUNT(*) AS count,
      ROW_NUMBER() OVER (PARTITION BY language ORDER BY COUNT(*) DESC, MIN(question)) AS place
    FROM feedback_answers
    WHERE at >= $1 AND outcome <> 'answered' AND question_key IS NOT NULL
    GROUP BY language, question_key
  ) ranked WHERE place <= $2 ORDER BY language, count DESC, key`;

/** The `$2` most common questions per language whose answer's last vote was 👎. */
export const TOP_DISLIKED = `SELECT language, key, count FROM (
    SELECT a.language AS language, MIN(a.question) AS key, COUNT(*) AS count,
      ROW_NUMBER() OVER (PARTITION BY a.language ORDER BY COUNT(*) DESC, MIN(a.question)) AS place
    FROM feedback_votes v JOIN feedback_answers a ON a.id = v.answer_id
    WHERE v.at >= $1 AND v.vote < 0 AND a.question_key IS NOT NULL
    GROUP BY a.language, a.question_key
  ) ranked WHERE place <= $2 ORDER BY language, count DESC, key`;

/**
 * The same statement for SQLite: each `$n` becomes `?`, and `bind` puts the parameters in the
 * order the placeholders occur (better-sqlite3 binds anonymous parameters by position).
 */
export function forSqlite(sql: string): { sql: string; bind: (params: readonly unknown[]) => unknown[] } {
  const order: number[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    order.push(Number(n) - 1);
    return "?";
  });
  return { sql: text, bind: (params) => order.map((i) => params[i]) };
}
