import cues from "./answer-cues.json" with { type: "json" };
import { foldedWords } from "./question-text.js";

/** Each day counted from the reader's own ("tomorrow", "завтра", "ертең"…) as its folded words and phrases. */
const DAYS: readonly (readonly string[])[] = cues.relativeDays.map((day) => day.map(foldedWords));

/** The days (indexes into {@link DAYS}) a text names. */
function daysIn(text: string): number[] {
  const words = foldedWords(text);
  return DAYS.flatMap((day, i) => (day.some((cue) => words.includes(cue)) ? [i] : []));
}

/**
 * Whether the texts name every day the question counts from the reader's own — tomorrow,
 * yesterday, the weekend, tonight. "What is the weather in Astana tomorrow?" finds a report
 * that names Astana, but not tomorrow: it is about something else. A report that says "ертең"
 * (tomorrow) may answer it. A question naming no such day is covered by any text.
 */
export function namesTheDaysAsked(question: string, texts: readonly string[]): boolean {
  const asked = daysIn(question);
  if (asked.length === 0) return true;
  const named = new Set(texts.flatMap(daysIn));
  return asked.every((day) => named.has(day));
}
