import { OUTCOMES, QUESTIONS_STORED, TOP_DECLINED, TOP_DISLIKED, VOTES } from "./sql.js";
import type { FeedbackSummary, LanguageCount } from "./types.js";

/** Rows of the summary queries as a driver returns them (PostgreSQL's COUNT is a string). */
export interface SummaryRows {
  outcomes: unknown[];
  votes: unknown[];
  questionsStored: unknown[];
  topDeclined: unknown[];
  topDisliked: unknown[];
}

/** The summary from raw rows, counts made numbers, in the same shape from either database. */
export function summaryFrom(rows: SummaryRows): FeedbackSummary {
  const counts = <K extends string>(list: unknown[]): LanguageCount<K>[] =>
    list.map((row) => {
      const { language, key, count } = row as { language: string; key: K; count: number | string };
      return { language, key, count: Number(count) };
    });
  const stored = rows.questionsStored[0] as { count: number | string } | undefined;
  return {
    outcomes: counts(rows.outcomes),
    votes: counts(rows.votes),
    questionsStored: Number(stored?.count ?? 0),
    topDeclined: counts(rows.topDeclined),
    topDisliked: counts(rows.topDisliked),
  };
}

/**
 * Runs the summary queries through `rows` (one database's way of getting a query's rows) and
 * reads the summary from them: both stores ask the same questions with the same parameters.
 */
export async function readSummary(
  rows: (sql: string, params: readonly number[]) => Promise<unknown[]> | unknown[],
  since: number,
  top: number,
): Promise<FeedbackSummary> {
  return summaryFrom({
    outcomes: await rows(OUTCOMES, [since]),
    votes: await rows(VOTES, [since]),
    questionsStored: await rows(QUESTIONS_STORED, [since]),
    topDeclined: await rows(TOP_DECLINED, [since, top]),
    topDisliked: await rows(TOP_DISLIKED, [since, top]),
  });
}
