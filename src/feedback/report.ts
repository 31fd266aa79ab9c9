import type { AnswerOutcome, FeedbackSummary, LanguageCount } from "./types.js";

/** Options of {@link formatReport}. */
export interface ReportOptions {
  days: number;
  /** The start of the period, ms since the epoch. */
  since: number;
  /** Where the figures come from ("sqlite data/feedback.sqlite"). */
  source: string;
}

/** Per language: the figures the report prints, rates as fractions (null: nothing to divide by). */
export interface LanguageFigures {
  readonly asked: number;
  readonly declined: number;
  readonly declinedRate: number | null;
  readonly declinedBy: Readonly<Record<Exclude<AnswerOutcome, "answered">, number>>;
  readonly up: number;
  readonly down: number;
  readonly downRate: number | null;
}

const LANGUAGE_ORDER = ["kk", "ru", "en"];
const REASONS = ["not-covered", "not-stated", "no-such-section"] as const;
const REASON_LABELS: Record<(typeof REASONS)[number], string> = {
  "not-covered": "not covered",
  "not-stated": "article doesn't say",
  "no-such-section": "no such directive",
};

/** Figures per language and for all languages together ("all"). */
export function figuresOf(summary: FeedbackSummary): Record<string, LanguageFigures> {
  const languages = [...new Set([...summary.outcomes, ...summary.votes].map((row) => row.language))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const of = (language: string | null): LanguageFigures => {
    const mine = <T extends LanguageCount>(rows: readonly T[]) =>
      rows.filter((row) => language === null || row.language === language);
    const count = (rows: readonly LanguageCount[], key: string) =>
      mine(rows)
        .filter((row) => row.key === key)
        .reduce((sum, row) => sum + row.count, 0);
    const asked = mine(summary.outcomes).reduce((sum, row) => sum + row.count, 0);
    const declinedBy = Object.fromEntries(REASONS.map((reason) => [reason, count(summary.outcomes, reason)]));
    const declined = REASONS.reduce((sum, reason) => sum + (declinedBy[reason] ?? 0), 0);
    const up = count(summary.votes, "up");
    const down = count(summary.votes, "down");
    return {
      asked,
      declined,
      declinedRate: asked === 0 ? null : declined / asked,
      declinedBy: declinedBy as LanguageFigures["declinedBy"],
      up,
      down,
      downRate: up + down === 0 ? null : down / (up + down),
    };
  };
  return Object.fromEntries([["all", of(null)], ...languages.map((language) => [language, of(language)])]);
}

/**
 * `npm run report`'s text: questions asked, the declined rate (and why), votes and the 👎 rate,
 * per language and in all; then the most common declined questions and those answered 👎 — what
 * the article should answer next — when question texts are stored.
 */
export function formatReport(summary: FeedbackSummary, options: ReportOptions): string {
  const figures = figuresOf(summary);
  const columns = Object.keys(figures);
  const row = (label: string, cells: (f: LanguageFigures) => string) =>
    `${label.padEnd(24)}${columns.map((c) => cells(figures[c] as LanguageFigures).padStart(8)).join("")}`;
  const since = new Date(options.since).toISOString().replace("T", " ").slice(0, 16);
  const lines = [
    `Feedback of the last ${options.days} day${options.days === 1 ? "" : "s"} (since ${since} UTC), from ${options.source}`,
    "",
    row("", () => "").trimEnd() + columns.map((c) => c.padStart(8)).join(""),
    row("questions asked", (f) => String(f.asked)),
    row("declined", (f) => percent(f.declinedRate)),
    ...REASONS.map((reason) => row(`  ${REASON_LABELS[reason]}`, (f) => String(f.declinedBy[reason]))),
    row("votes 👍", (f) => String(f.up)),
    row("votes 👎", (f) => String(f.down)),
    row("👎 rate (of votes)", (f) => percent(f.downRate)),
  ];
  if (summary.questionsStored === 0) {
    lines.push("", "Question texts are not stored (set STORE_QUESTIONS=true to see which questions).");
    return `${lines.join("\n")}\n`;
  }
  lines.push("", "Most common declined questions (what the article should answer next):");
  lines.push(...listed(summary.topDeclined));
  lines.push("", "Most common questions whose answer got 👎:");
  lines.push(...listed(summary.topDisliked));
  return `${lines.join("\n")}\n`;
}

function listed(rows: readonly LanguageCount[]): string[] {
  if (rows.length === 0) return ["  (none)"];
  return rows.map((r) => `  ${r.language}  ${`${r.count}×`.padStart(5)}  ${r.key.replace(/\s+/g, " ")}`);
}

function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

function rank(language: string): number {
  const at = LANGUAGE_ORDER.indexOf(language);
  return at === -1 ? LANGUAGE_ORDER.length : at;
}
