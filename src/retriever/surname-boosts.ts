import type { KeywordIndex } from "../indexes/index.js";
import { SURNAME_ENDING } from "../text/index.js";

/**
 * The question's terms that name one person of the corpus — a surname ending, held by one
 * passage only — each with `boost`, the weight the keyword leg gives them: "Abdusalamov
 * position?" is about Abdusalamov first, not about whichever passage has "лауазым". A surname
 * many passages hold (the article's main figure) is no pointer to one of them.
 */
export function surnameBoosts(
  concepts: readonly (readonly string[])[],
  keyword: KeywordIndex,
  boost: number,
): Map<string, number> {
  return new Map(
    concepts
      .flat()
      .filter((term) => SURNAME_ENDING.test(term) && keyword.passagesWith(term) === 1)
      .map((term) => [term, boost]),
  );
}
