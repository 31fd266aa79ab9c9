import type { Passage } from "../passages/index.js";
import type { LegEvidence } from "../retriever/index.js";
import type { MissingFact } from "./answer-need.js";
import type { LeadLine } from "./leads.js";
import type { QuestionKind } from "./question-kind.js";

/** Languages the interface speaks. Quotes stay in the corpus's own language. */
export type Language = "kk" | "ru" | "en";

/** A quoted passage in an answer, with everything needed to cite and highlight it. */
export interface AnswerPassage extends Omit<Passage, "id"> {
  readonly rank: number;
  readonly score: number;
  /** Language-neutral location, as printed by the command line and `--json`. */
  readonly cite: string;
  /** Character ranges of `text` holding words that matched the question, in order. */
  readonly highlights: readonly (readonly [number, number])[];
  readonly legs: LegEvidence;
}

/**
 * Why an answer quotes nothing: an empty question, nothing in the corpus about it, a section it
 * does not have, or — "not-stated" — the corpus covers the topic but not the thing asked for.
 */
export type AbstentionReason = "empty-question" | "not-covered" | "no-such-section" | "not-stated";

/** What `answer(question)` returns to every presentation (bot, command line). */
export interface Answer {
  readonly question: string;
  /** The language to reply in: detected from the question, else the caller's hint. */
  readonly language: Language;
  readonly abstained: boolean;
  readonly reason: AbstentionReason | null;
  readonly passages: readonly AnswerPassage[];
  /** The section number the question named, if any. */
  readonly ordinal: number | null;
  /** What the question asks for ("who", "count"…), which decides the lead lines. */
  readonly kind: QuestionKind;
  /**
   * Lines to lead with before the quotes — the names with their roles for "who", the sentence
   * with the figure for "how many" — each a span of a quoted passage. Empty when none fits.
   */
  readonly leads: readonly LeadLine[];
  /** True when the question was cut to the configured maximum length before searching. */
  readonly truncated: boolean;
  /** With reason "not-stated": what the article does not give (a date, a figure, a person…). */
  readonly missing: MissingFact | null;
  /** The question's own words for it, when it named them: the role ("әкімі") or the thing counted. */
  readonly missingWords: readonly string[];
  /**
   * With reason "not-stated": the passage nearest to the question, to show as context — clearly
   * not as the answer. Otherwise `null`.
   */
  readonly context: AnswerPassage | null;
}
