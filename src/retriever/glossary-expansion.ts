import type { Glossary } from "../corpus/index.js";
import type { KeywordIndex } from "../indexes/index.js";
import { editDistance, memoize } from "../text/index.js";

/**
 * Expands a question's concepts with the corpus's own words from its glossary: a Russian or
 * English word listed there ("поручение", "deputy") also searches for the Kazakh words of its
 * entry ("тапсырма", "орынбасар"). Built once per retriever; every word goes through the keyword
 * index's own analysis, so stems meet stems.
 */
export class GlossaryExpansion {
  /**
   * Entries none of whose Kazakh words the corpus holds, each as its Kazakh words: their Russian
   * and English words lead nowhere. A glossary written for one article and reused, or a Kazakh
   * word written in a form the text never uses ("насихат" for "насихатталуын"), is silent
   * otherwise — the operator is told at open.
   */
  readonly unmatched: readonly string[];
  /** Each entry's Kazakh terms, in the glossary's order. */
  private readonly kazakhTerms: readonly string[][];
  private targetsByTerm: Map<string, string[]> | null = null;

  constructor(
    private readonly glossary: Glossary,
    private readonly keyword: KeywordIndex,
  ) {
    this.kazakhTerms = glossary.entries.map((entry) => [
      ...new Set(entry.kk.flatMap((word) => keyword.queryConcepts(word, "kk").flat())),
    ]);
    this.unmatched = glossary.entries
      .filter((_, i) => !(this.kazakhTerms[i] as string[]).some((term) => keyword.knows(term)))
      .map((entry) => entry.kk.join(", "));
  }

  /**
   * Every listed word's terms, leading to its entry's Kazakh terms. Made at the first question,
   * not at open: analysing a thousand words in three languages cost the bot's start about 50 ms.
   */
  private get targets(): Map<string, string[]> {
    if (this.targetsByTerm) return this.targetsByTerm;
    const targets = new Map<string, string[]>();
    this.glossary.entries.forEach((entry, i) => {
      const kazakh = this.kazakhTerms[i] as string[];
      // Kazakh words of an entry lead to each other too: a reader's "аяқталды" that the corpus
      // never uses reaches the "шымылдығын жапты" it does (only for words it lacks; see expand).
      const sources = [
        ...entry.kk.map((word) => [word, "kk"] as const),
        ...entry.ru.map((word) => [word, "ru"] as const),
        ...entry.en.map((word) => [word, "en"] as const),
      ];
      for (const [word, language] of sources) {
        for (const term of this.keyword.queryConcepts(word, language).flat()) {
          targets.set(term, [...new Set([...(targets.get(term) ?? []), ...kazakh])]);
        }
      }
    });
    this.targetsByTerm = targets;
    return targets;
  }

  /**
   * The concepts with their glossary equivalents added as alternatives — only for concepts whose
   * word the corpus does not know: a word the passages already contain ("сессия" in a Kazakh or
   * Russian question) needs no bridge, and widening it ("сессия" → "жиын") would only blur the
   * ranking. A concept's first term is its word; the others are guesses (a transliteration:
   * "capital" → "капитал"), which must not stand in the way of the glossary ("capital" → "Елорда").
   */
  expand(concepts: readonly (readonly string[])[]): string[][] {
    return concepts.map((concept) =>
      concept.length > 0 && this.keyword.knows(concept[0] as string)
        ? [...concept]
        : [...new Set([...concept, ...concept.flatMap((term) => this.targetsOf(term))])],
    );
  }

  /**
   * The Kazakh words a term leads to: its own entry's, else those of a listed word a typing slip
   * or a stemmer's wobble away ("gratitute", "благодарност" for "благодарнос"), from six letters.
   */
  private targetsOf(term: string): string[] {
    return this.targets.get(term) ?? this.nearTargets(term);
  }

  /** Targets of listed words a typing slip away: a scan of the whole glossary, so remembered. */
  private readonly nearTargets = memoize((term: string): string[] => {
    const length = [...term].length;
    const slips = length < 6 ? 0 : length < 9 ? 1 : 2;
    if (slips === 0) return [];
    return [...this.targets]
      .filter(
        ([listed]) =>
          Math.abs(listed.length - term.length) <= slips && editDistance(term, listed, slips) <= slips,
      )
      .flatMap(([, kazakh]) => kazakh);
  });
}
