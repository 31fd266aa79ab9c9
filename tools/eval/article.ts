import { readFileSync } from "node:fs";
import type { Answer, AnswerEngine } from "../../src/answer/index.js";
import type { Retrieval } from "../../src/retriever/index.js";
import { type RankSummary, summarise } from "./metrics.js";

/** One line of a question file in `eval/` (see eval/README.md). */
export interface ArticleQuestion {
  readonly id: string;
  readonly lang: "kk" | "ru" | "en";
  readonly category: "ordinal" | "who" | "number" | "paraphrase" | "summary" | "out-of-scope";
  readonly q: string;
  /** A substring of the answering passage, or null for out-of-scope questions. */
  readonly expect: string | null;
  /** How it is typed: "standard", "no-kazakh-letters" (Kazakh on a Russian keyboard), "latin". */
  readonly typing?: string;
  /** "in", or for out-of-scope questions "near-miss" (the article's topic, not its facts) or "unrelated". */
  readonly scope?: string;
  /** For near misses: what the article does not say. */
  readonly missing?: string;
  /** "digit-ordinal", "surname-only", "short", "typo", "informal". */
  readonly tags?: readonly string[];
}

/** The per-question outcome, for the miss list and for tests' floors. */
export interface ArticleOutcome {
  readonly question: ArticleQuestion;
  /** Rank as users see it (see {@link evaluateArticle}). */
  readonly rank: number | null;
  /** Rank in the retriever's own order. */
  readonly retrievalRank: number | null;
  readonly abstained: boolean;
  readonly first: string | null;
}

/** The whole article evaluation: outcomes plus the summaries the table prints. */
export interface ArticleReport {
  readonly outcomes: readonly ArticleOutcome[];
  readonly byLanguage: Record<string, RankSummary>;
  readonly byCategory: Record<string, RankSummary>;
  readonly total: RankSummary;
  /** The same, in the retriever's own order (before the answer puts its lead's passage first). */
  readonly retrievalTotal: RankSummary;
  /** In-scope ranks by how the question is typed, and by tag ("digit-ordinal", "surname-only"). */
  readonly byTyping: Record<string, RankSummary>;
  readonly byTag: Record<string, RankSummary>;
  /** Share of out-of-scope questions the engine declined. */
  readonly abstention: number;
  /** The same per kind of out-of-scope question ("near-miss", "unrelated"; "out-of-scope" when unmarked). */
  readonly abstentionByScope: Record<string, { readonly n: number; readonly declined: number }>;
  /** Share of in-scope questions the engine wrongly declined. */
  readonly falseAbstention: number;
}

/** Reads the question set (JSON lines). */
export function readArticleQuestions(path = "eval/article-questions.jsonl"): ArticleQuestion[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ArticleQuestion);
}

/**
 * Asks every question through the engine and scores: rank of the first passage containing
 * `expect`, abstention on out-of-scope questions, false abstention on in-scope ones. Ranks are
 * what users see — the answer's quoted passages, where the passage its lead lines come from goes
 * first — and, past those or when the answer declines, the retriever's candidates (kept even
 * when it abstains). `retrievalTotal` scores the retriever's order alone.
 */
export async function evaluateArticle(
  engine: AnswerEngine,
  questions: readonly ArticleQuestion[],
): Promise<ArticleReport> {
  const retrievals = await engine.retrieveMany(
    questions.map((q) => q.q),
    10,
  );
  // Abstention as users see it: from the answers, which may decline where retrieval did not.
  const answers = await engine.answerMany(questions.map((q) => q.q));
  const outcomes = questions.map((question, i) =>
    outcomeOf(question, retrievals[i] as Retrieval, answers[i]),
  );
  const inScope = outcomes.filter((o) => o.question.expect !== null);
  const outOfScope = outcomes.filter((o) => o.question.expect === null);
  const group = (keys: (o: ArticleOutcome) => readonly string[]) => {
    const groups: Record<string, (number | null)[]> = {};
    for (const o of inScope) for (const name of keys(o)) groups[name] = [...(groups[name] ?? []), o.rank];
    return Object.fromEntries(Object.entries(groups).map(([k, ranks]) => [k, summarise(ranks)]));
  };
  const abstentionByScope: Record<string, { n: number; declined: number }> = {};
  for (const o of outOfScope) {
    const scope = o.question.scope ?? "out-of-scope";
    const entry = abstentionByScope[scope] ?? { n: 0, declined: 0 };
    abstentionByScope[scope] = { n: entry.n + 1, declined: entry.declined + (o.abstained ? 1 : 0) };
  }
  return {
    outcomes,
    byLanguage: group((o) => [o.question.lang]),
    byCategory: group((o) => [`${o.question.lang}/${o.question.category}`, `all/${o.question.category}`]),
    byTyping: group((o) => (o.question.typing ? [`${o.question.lang}/${o.question.typing}`] : [])),
    byTag: group((o) => o.question.tags ?? []),
    abstentionByScope,
    total: summarise(inScope.map((o) => o.rank)),
    retrievalTotal: summarise(inScope.map((o) => o.retrievalRank)),
    abstention: outOfScope.filter((o) => o.abstained).length / Math.max(1, outOfScope.length),
    falseAbstention: inScope.filter((o) => o.abstained).length / Math.max(1, inScope.length),
  };
}

function outcomeOf(
  question: ArticleQuestion,
  retrieval: Retrieval,
  answer: Answer | undefined,
): ArticleOutcome {
  const expect = question.expect;
  const candidates = retrieval.passages.map((p) => p.passage.text);
  const shown = answer?.abstained === false ? answer.passages.map((p) => p.text) : [];
  const retrievalIndex = expect === null ? -1 : candidates.findIndex((text) => text.includes(expect));
  const shownIndex = expect === null ? -1 : shown.findIndex((text) => text.includes(expect));
  const index = shownIndex >= 0 ? shownIndex : retrievalIndex;
  const first = (shown[0] ?? candidates[0])?.split("\n").join(" ").slice(0, 70) ?? null;
  return {
    question,
    rank: index >= 0 ? index + 1 : null,
    retrievalRank: retrievalIndex >= 0 ? retrievalIndex + 1 : null,
    abstained: answer?.abstained ?? true,
    first,
  };
}

/** Every in-scope question not answered first, and every out-of-scope one answered, with what came first. */
export function formatMisses(report: ArticleReport, title: string): string {
  const misses = report.outcomes
    .filter((o) => o.question.expect !== null && (o.rank !== 1 || o.abstained))
    .map(
      (o) =>
        `  ${o.question.id} ${o.abstained ? "[abstained] " : ""}rank ${o.rank ?? "-"}: ${o.question.q}\n      expected «${o.question.expect}»; first: ${o.first ?? "(nothing)"}`,
    );
  const wrongAnswers = report.outcomes
    .filter((o) => o.question.expect === null && !o.abstained)
    .map(
      (o) =>
        `  ${o.question.id}${o.question.scope ? ` (${o.question.scope})` : ""} answered: ${o.question.q}\n      first: ${o.first ?? "(nothing)"}`,
    );
  return [
    `### ${title}: misses (${misses.length})`,
    ...misses,
    `### ${title}: out-of-scope questions answered (${wrongAnswers.length})`,
    ...wrongAnswers,
    "",
  ].join("\n");
}
