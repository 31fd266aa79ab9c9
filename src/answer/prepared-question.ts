import spellings from "./colloquial-spellings.json" with { type: "json" };
import { exclusionOf } from "./exclusion.js";

const STANDARD: ReadonlyMap<string, string> = new Map(Object.entries(spellings.words));
const CHAT_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...STANDARD.keys()].join("|")})(?![\\p{L}\\p{N}])`,
  "giu",
);

/** `text` with words typed the chat way ("скока", "чё", "pls") spelled the standard way (colloquial-spellings.json). */
export function withStandardSpellings(text: string): string {
  return text.replace(CHAT_WORD, (word) => STANDARD.get(word.toLowerCase()) ?? word);
}

/** A question as the engine searches it (see {@link prepareQuestion}). */
export interface PreparedQuestion {
  readonly original: string;
  /** One line, cut to the maximum length; empty when there is nothing to search for. */
  readonly text: string;
  readonly truncated: boolean;
  /** `text` without what the question sets apart: what is searched and checked. */
  readonly search: string;
  /** The words of what it sets apart ("President" in "besides the President"). */
  readonly excluded: readonly string[];
}

/**
 * The question as searched: one line, words typed the chat way spelled the standard way
 * ("скока" → "сколько"), cut to `maxChars`, empty when it has no word or number at all ("???",
 * an emoji) — and without what it sets apart ("besides the President"). Searching
 * and answering both start from this, so a question is read the same way in both.
 */
export function prepareQuestion(question: string, maxChars: number): PreparedQuestion {
  const clean = withStandardSpellings(question.replace(/\s+/g, " ").trim());
  const truncated = clean.length > maxChars;
  const cut = truncated ? clean.slice(0, maxChars) : clean;
  const text = /[\p{L}\p{N}]/u.test(cut) ? cut : "";
  const exclusion = exclusionOf(text);
  return { original: question, text, truncated, search: exclusion.question, excluded: exclusion.words };
}
