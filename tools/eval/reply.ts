/**
 * What users see of an answer, measured on the eval questions: how long the reply is on the
 * screen (the visible characters of the messages the bot sends, from the HTML it sends) and
 * whether the expected passage is in it — at once, or one tap away behind "more" — and, to set
 * the cut between the two, the trade-off of the cut's thresholds.
 */
import type { Answer, AnswerEngine } from "../../src/answer/index.js";
import {
  abstentionHtml,
  answerReply,
  replyView,
  splitForTelegram,
  visibleLength,
} from "../../src/bot/index.js";
import { planReply, type ReplyPlanOptions } from "../../src/presentation/index.js";
import type { ArticleQuestion } from "./article.js";
import { fmt, pct, table } from "./metrics.js";

/** One run's reply figures for a question set. */
export interface ReplyReport {
  readonly label: string;
  /** In-scope questions answered (not declined). */
  readonly answered: number;
  /** Median and 90th percentile of the visible characters of an answer's messages ("more" not pressed). */
  readonly medianLength: number;
  readonly p90Length: number;
  /** Median visible characters of a decline. */
  readonly medianDecline: number;
  /** Share of in-scope questions whose expected passage is quoted first / at once / within reach (at once or behind "more"). */
  readonly hitAt1: number;
  readonly hitAtOnce: number;
  readonly reachableAt3: number;
  /** Share of answers with a "more" button. */
  readonly withMore: number;
}

/** The bot's reply to an answer, as sent: messages' HTML, and the passages behind "more". */
function replyOf(engine: AnswerEngine, answer: Answer): { html: string[]; shown: number } {
  const view = replyView(engine, answer.language);
  if (answer.abstained) return { html: [abstentionHtml(answer, view, engine.sections().length)], shown: 0 };
  const reply = answerReply(answer, view);
  return { html: splitForTelegram(reply.parts), shown: answer.passages.length - reply.more.length };
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

/** Answers every question of a set as the bot does and measures what the user sees. */
export async function measureReplies(
  label: string,
  engine: AnswerEngine,
  questions: readonly ArticleQuestion[],
): Promise<ReplyReport> {
  const answers = await engine.answerMany(questions.map((q) => q.q));
  const lengths: number[] = [];
  const declines: number[] = [];
  let first = 0;
  let atOnce = 0;
  let reachable = 0;
  let withMore = 0;
  let inScope = 0;
  questions.forEach((question, i) => {
    const answer = answers[i] as Answer;
    const { html, shown } = replyOf(engine, answer);
    const length = html.reduce((sum, message) => sum + visibleLength(message), 0);
    if (answer.abstained) declines.push(length);
    if (question.expect === null) return;
    inScope++;
    if (answer.abstained) return;
    lengths.push(length);
    if (shown < answer.passages.length) withMore++;
    // Ranks over what the user can reach: the answer's own passages, shown or behind "more".
    const rank = answer.passages.findIndex((p) => p.text.includes(question.expect as string));
    if (rank === 0) first++;
    if (rank >= 0 && rank < shown) atOnce++;
    if (rank >= 0 && rank < 3) reachable++;
  });
  const share = (n: number) => n / Math.max(1, inScope);
  return {
    label,
    answered: lengths.length,
    medianLength: quantile(lengths, 0.5),
    p90Length: quantile(lengths, 0.9),
    medianDecline: quantile(declines, 0.5),
    hitAt1: share(first),
    hitAtOnce: share(atOnce),
    reachableAt3: share(reachable),
    withMore: withMore / Math.max(1, lengths.length),
  };
}

/** The reply figures of the runs side by side. */
export function formatReplies(reports: readonly ReplyReport[], title: string): string {
  const row = (name: string, cell: (r: ReplyReport) => string) => [name, ...reports.map(cell)];
  return [
    `### ${title}: what users see (visible characters of the bot's messages before "more" is pressed; ranks over the answer's own passages, a decline counting as a miss)`,
    table(
      ["", ...reports.map((r) => `model ${r.label}`)],
      [
        row("answers (in scope, not declined)", (r) => String(r.answered)),
        row("median visible length of an answer", (r) => String(r.medianLength)),
        row("90th percentile", (r) => String(r.p90Length)),
        row("median visible length of a decline", (r) => String(r.medianDecline)),
        row("hit@1 (quoted first)", (r) => fmt(r.hitAt1)),
        row("hit, shown at once", (r) => fmt(r.hitAtOnce)),
        row("hit@3 reachable (at once or behind 'more')", (r) => fmt(r.reachableAt3)),
        row("answers with a 'more' button", (r) => pct(r.withMore)),
      ],
    ),
    "",
  ].join("\n");
}

/**
 * The cut between passages shown at once and those behind "more", at other thresholds: how many
 * answers whose first passage misses get the expected one shown at once anyway, how many other
 * passages are shown at once for it, and the median length. How the defaults were chosen.
 */
export async function cutCalibration(
  engine: AnswerEngine,
  questions: readonly ArticleQuestion[],
  label: string,
): Promise<string> {
  const answers = await engine.answerMany(questions.map((q) => q.q));
  const gaps = engine.legs.includes("dense") ? [0.005, 0.01, 0.02, 0.03] : [0.02];
  const settings: ReplyPlanOptions[] = [0.5, 0.6, 0.7, 0.8, 0.9].flatMap((keywordRatio) =>
    gaps.map((denseGap) => ({ keywordRatio, denseGap })),
  );
  const rows = settings.map((options) => {
    let rescued = 0;
    let misses = 0;
    let others = 0;
    const lengths: number[] = [];
    questions.forEach((question, i) => {
      const answer = answers[i] as Answer;
      if (question.expect === null || answer.abstained) return;
      const { shown } = planReply(answer, options);
      const view = replyView(engine, answer.language);
      const reply = answerReply(answer, view, { plan: options });
      lengths.push(splitForTelegram(reply.parts).reduce((sum, m) => sum + visibleLength(m), 0));
      const expect = question.expect;
      if (answer.passages[0]?.text.includes(expect)) {
        others += shown.length - 1;
        return;
      }
      if (answer.passages.some((p) => p.text.includes(expect))) misses++;
      if (shown.slice(1).some((p) => p.text.includes(expect))) rescued++;
      others += shown.slice(1).filter((p) => !p.text.includes(expect)).length;
    });
    return [
      String(options.keywordRatio),
      String(options.denseGap),
      `${rescued}/${misses}`,
      String(others),
      String(quantile(lengths, 0.5)),
    ];
  });
  return [
    `### The cut between passages shown at once and behind 'more' (model ${label}; defaults keyword ratio 0.7, dense gap 0.02)`,
    table(
      [
        "keyword ratio",
        "dense gap",
        "expected shown at once when not first",
        "other passages shown at once",
        "median length",
      ],
      rows,
    ),
    "",
  ].join("\n");
}
