import { exclusionOf } from "./exclusion.js";

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
 * The question as searched: one line, cut to `maxChars`, empty when it has no word or number at
 * all ("???", an emoji) — and without what it sets apart ("besides the President"). Searching
 * and answering both start from this, so a question is read the same way in both.
 */
export function prepareQuestion(question: string, maxChars: number): PreparedQuestion {
  const clean = question.replace(/\s+/g, " ").trim();
  const truncated = clean.length > maxChars;
  const cut = truncated ? clean.slice(0, maxChars) : clean;
  const text = /[\p{L}\p{N}]/u.test(cut) ? cut : "";
  const exclusion = exclusionOf(text);
  return { original: question, text, truncated, search: exclusion.question, excluded: exclusion.words };
}
