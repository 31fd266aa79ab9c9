import type { ArticleReport } from "./article.js";
import { fmt, pct, type RankSummary, table } from "./metrics.js";

/** One run of a question set: a label ("model off", "model on") and its report. */
export interface LabelledReport {
  readonly label: string;
  readonly report: ArticleReport;
}

/**
 * The reports of one question set side by side, one column pair per run, so the effect of the
 * dense leg reads across a row: hit@1 and hit@3 per language, category, typing and tag, then the
 * declines — out of scope (per kind) and in scope wrongly declined.
 */
export function formatComparison(runs: readonly LabelledReport[], title: string): string {
  const first = runs[0]?.report;
  if (!first) return "";
  const metricColumns = (name: string) => runs.map((r) => `${name} ${r.label}`);
  const header = ["", "n", ...metricColumns("hit@1"), ...metricColumns("hit@3")];
  const rowOf = (name: string, pick: (r: ArticleReport) => RankSummary | undefined) => {
    const summaries = runs.map((r) => pick(r.report));
    return [
      name,
      String(summaries[0]?.n ?? 0),
      ...summaries.map((s) => (s ? fmt(s.hitAt1) : "-")),
      ...summaries.map((s) => (s ? fmt(s.hitAt3) : "-")),
    ];
  };
  const keyed = (pick: (r: ArticleReport) => Record<string, RankSummary>) =>
    Object.keys(pick(first))
      .sort()
      .map((key) => rowOf(key, (r) => pick(r)[key]));
  const scopes = Object.keys(first.abstentionByScope).sort();
  const declineHeader = ["", "n", ...runs.map((r) => r.label)];
  const declineRows = [
    ...scopes.map((scope) => {
      const n = first.abstentionByScope[scope]?.n ?? 0;
      return [
        `out of scope declined: ${scope}`,
        String(n),
        ...runs.map((r) => pct((r.report.abstentionByScope[scope]?.declined ?? 0) / Math.max(1, n))),
      ];
    }),
    ["in scope wrongly declined", String(first.total.n), ...runs.map((r) => pct(r.report.falseAbstention))],
  ];
  const sections = [
    `## ${title}`,
    table(header, [
      ...keyed((r) => r.byLanguage),
      rowOf("total", (r) => r.total),
      rowOf("(retrieval order)", (r) => r.retrievalTotal),
    ]),
    "",
    table(
      header,
      keyed((r) => r.byCategory),
    ),
    "",
  ];
  if (Object.keys(first.byTyping).length > 0)
    sections.push(
      table(
        header,
        keyed((r) => r.byTyping),
      ),
      "",
    );
  if (Object.keys(first.byTag).length > 0)
    sections.push(
      table(
        header,
        keyed((r) => r.byTag),
      ),
      "",
    );
  sections.push(table(declineHeader, declineRows), "");
  return sections.join("\n");
}
