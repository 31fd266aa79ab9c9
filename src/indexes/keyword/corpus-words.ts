import { setImmediate as nextTurn } from "node:timers/promises";
import type { Passage } from "../../passages/index.js";
import { isFolded, tokenizeWords } from "../../text/index.js";
import type { KeywordIndex } from "./keyword-index.js";

/** A word as the corpus writes it, with the terms the analyser made of it ("өтті" → "өт"). */
export type WordForm = readonly [word: string, terms: readonly string[]];

/**
 * The corpus's vocabulary as the keyword index analysed it: its terms, and its words written with
 * Kazakh letters each with its terms. What a reader's spelling is matched against (Kazakh typed
 * without Kazakh letters, a typing slip) — made when the index is built and saved with it, since
 * analysing every word again at each start cost the bot a tenth of a second (and a large corpus
 * about a second).
 */
export interface CorpusWords {
  /** Every term of every passage, once. */
  readonly terms: readonly string[];
  /** Every word with a Kazakh letter, once, with those of its terms the index holds for its passage. */
  readonly forms: readonly WordForm[];
  /**
   * Every Cyrillic word of {@link MIN_PLAIN_LETTERS} letters or more with no Kazakh letter
   * ("отбасы"), in lower case, once: a start after which a reader's ending typed without Kazakh
   * letters gets them back ("отбасыга" → "отбасыға"; see the retriever's KazakhLetters).
   */
  readonly plain: readonly string[];
}

/** Shortest plain word kept in {@link CorpusWords.plain}: shorter starts are too many words' starts. */
const MIN_PLAIN_LETTERS = 4;

/**
 * Analyses the passages' words (their document's title first), `chunk` passages per turn of the
 * event loop: a live rebuild must not hold up the answers given meanwhile.
 */
export async function analyseCorpusWords(
  passages: readonly Passage[],
  keyword: Pick<KeywordIndex, "termsOf">,
  chunk = 25,
): Promise<CorpusWords> {
  const terms = new Set<string>();
  const forms = new Map<string, readonly string[]>();
  const plain = new Set<string>();
  for (let start = 0; start < passages.length; start += chunk) {
    if (start > 0) await nextTurn();
    for (const passage of passages.slice(start, start + chunk)) {
      const text = `${passage.docTitle}\n${passage.text}`;
      const passageTerms = keyword.termsOf(text);
      for (const term of passageTerms) terms.add(term);
      // Only a word with Kazakh letters is typed otherwise without them ("өтті" as "отти"); the
      // rest a reader types as the corpus does. A word alone may be read in another language than
      // its passage ("экономикасы" as Russian): only the terms the index holds for the passage count.
      const indexed = new Set(passageTerms);
      for (const word of tokenizeWords(text)) {
        if (isFolded(word)) {
          if ([...word].length >= MIN_PLAIN_LETTERS && /^\p{Script=Cyrillic}+$/u.test(word))
            plain.add(word.toLowerCase());
        } else if (!forms.has(word))
          forms.set(
            word,
            keyword.termsOf(word).filter((term) => indexed.has(term)),
          );
      }
    }
  }
  return { terms: [...terms], forms: [...forms], plain: [...plain] };
}
