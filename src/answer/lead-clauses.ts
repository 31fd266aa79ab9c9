import { sentencesOf } from "../passages/index.js";
import cues from "./lead-cues.json" with { type: "json" };
import { MIN_PEOPLE_COUNTED, peopleIn } from "./names.js";
import type { QuestionKind } from "./question-kind.js";
import { DATE_WORD, FIGURE, PLACE } from "./text-patterns.js";

/** A clause of a passage: a sentence, joined across line breaks that do not end it. */
export interface Clause {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Ends a sentence at the end of a line; a line ending otherwise may continue on the next. */
const SENTENCE_END = /[.!?…»"”]$/u;

/**
 * The sentences of a passage, with a sentence that a line break cuts in two joined again: the
 * article lists the speakers on one line and goes on "сөз сөйлеп, …" on the next, and a lead
 * line taken from the second half would name nobody. A line that does not end a sentence and a
 * next one that starts in lower case are one clause.
 */
export function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  for (const sentence of sentencesOf(text)) {
    const end = sentence.start + sentence.text.length;
    const last = clauses.at(-1);
    const between = last === undefined ? "" : text.slice(last.end, sentence.start);
    if (last && between.includes("\n") && !SENTENCE_END.test(last.text) && /^\p{Ll}/u.test(sentence.text)) {
      clauses[clauses.length - 1] = { text: text.slice(last.start, end), start: last.start, end };
    } else clauses.push({ text: sentence.text, start: sentence.start, end });
  }
  return clauses;
}

const REFERS_BACK = new RegExp(`^(?:${cues.refersBack.join("|")})(?!\\p{L})`, "iu");

/**
 * Whether a clause opens by pointing back at the one before ("Ол үшін Бейбітшілік және келісім
 * сарайы қолайлы болады" — "for that, the Palace … will do"): it answers what that one was
 * asked about, though it shares no word with the question.
 */
export function refersBack(clause: Clause): boolean {
  return REFERS_BACK.test(clause.text);
}

const VENUE = new RegExp(
  `(?<![\\p{L}.])\\p{Lu}[\\p{L}-]*(?:\\s+(?:және|мен|пен|и|and)\\s+\\p{L}[\\p{L}-]*|\\s+\\p{Lu}[\\p{L}-]*)*(?:\\s+\\p{Ll}[\\p{L}-]*)?\\s+(?:${cues.venues.join("|")})(?:${cues.venueEndings.filter(Boolean).join("|")})?(?!\\p{L})`,
  "gu",
);
/** A year: what a "when" answer may be besides a month or "this year". */
const YEAR = /(?<!\d)(?:1[89]|20)\d\d(?!\d)(?:-\p{L}+)?/gu;

/** A span of a clause that answers a kind of question, and how exactly it does. */
export interface AnswerSpan {
  readonly start: number;
  readonly end: number;
  /** Higher is more exact: a named venue over a city, for "where". */
  readonly exactness: number;
}

const SETTLEMENT = new RegExp(`(?<!\\p{L})(?:${cues.settlement.join("|")})(?!\\p{L})`, "iu");

/** Whether a "where" question asks for a town ("қай қалада", "в каком городе", "which city"). */
export function asksForSettlement(question: string): boolean {
  return SETTLEMENT.test(question);
}

/**
 * The spans of `text` that are what a question of `kind` asks for: places and named venues for
 * "where" (a venue more exact than a locative place, a place of several words more than one —
 * unless the question asks for a town, `settlement`, when a one-word place is), a month, year or
 * "this year" with the figure before it for "when", figures for "how many".
 */
export function answerSpans(kind: QuestionKind, text: string, settlement = false): AnswerSpan[] {
  const spans = (pattern: RegExp, exactness: (match: string) => number) =>
    [...text.matchAll(pattern)].map((m) => ({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      exactness: exactness(m[0]),
    }));
  switch (kind) {
    case "where":
      return settlement
        ? [...spans(VENUE, () => 0), ...spans(PLACE, (m) => (/\s/.test(m) ? 1 : 2))]
        : [...spans(VENUE, () => 2), ...spans(PLACE, (m) => (/\s/.test(m) ? 1 : 0))];
    case "when":
      return [...spans(DATE_WORD, () => 1), ...spans(YEAR, () => 1)].map((span) =>
        withFigureBefore(text, span),
      );
    case "count": {
      // People named one by one count too ("…орынбасарлары тағайындалып, … Тварионас пен …
      // Салжанов" answers "how many deputy chairs"), behind a figure in the same passage.
      const people = peopleIn(text);
      const named =
        people.length >= MIN_PEOPLE_COUNTED
          ? people.map(({ name: [start, end] }) => ({ start, end, exactness: 0 }))
          : [];
      return [...spans(FIGURE, () => 1), ...named];
    }
    default:
      return [];
  }
}

/** "1 наурыз", "20 жылдығын": a date word takes the figure right before it. */
function withFigureBefore(text: string, span: AnswerSpan): AnswerSpan {
  const before = /(\d+(?:-\p{L}+)?)\s+$/u.exec(text.slice(0, span.start));
  return before ? { ...span, start: span.start - before[0].length } : span;
}
