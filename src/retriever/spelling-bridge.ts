import type { KeywordIndex } from "../indexes/index.js";

/**
 * Letters a Russian or Latin spelling writes for a Kazakh one: "Жангыру" and "Zhangyru" stand
 * for "Жаңғыру", "Сагадиев" for "Сағадиев". Each Kazakh-specific letter has the plain letter
 * other alphabets put in its place.
 */
const KAZAKH_LETTERS_FOR: Readonly<Record<string, readonly string[]>> = {
  а: ["ә"],
  о: ["ө"],
  у: ["ұ", "ү"],
  ы: ["і"],
  и: ["і"],
  н: ["ң"],
  г: ["ғ"],
  к: ["қ"],
  х: ["һ"],
};

/**
 * How many plain letters may be put back in a word of `length` letters: none below five (short
 * stems have Kazakh look-alikes by chance: Russian "бил(ет)" would become Kazakh "біл"), one up to
 * six, two from seven ("жангыру" → "жаңғыру").
 */
function substitutionsFor(length: number): number {
  return length < 5 ? 0 : length < 7 ? 1 : 2;
}

/**
 * Lets a word the corpus lacks meet the corpus's Kazakh spelling of it: for each concept whose
 * terms are all unknown, spellings with a plain letter or two turned back into Kazakh letters
 * are added when the corpus has them. "Rukhani Zhangyru" (transliterated "жангыру") then finds
 * "Рухани жаңғыру". Known concepts are left alone, as the glossary leaves them.
 */
export class SpellingBridge {
  constructor(private readonly keyword: KeywordIndex) {}

  expand(concepts: readonly (readonly string[])[]): string[][] {
    return concepts.map((concept) => {
      if (concept.some((term) => this.keyword.knows(term))) return [...concept];
      const found = concept.flatMap((term) => kazakhSpellingsOf(term).filter((s) => this.keyword.knows(s)));
      return [...new Set([...concept, ...found])];
    });
  }
}

/**
 * Spellings of `term` with one or two plain letters turned into the Kazakh letters they stand for
 * (see {@link substitutionsFor}).
 */
export function kazakhSpellingsOf(term: string): string[] {
  const letters = [...term];
  const allowed = substitutionsFor(letters.length);
  if (allowed === 0 || /\d/.test(term) || /[әөұүіңғқһ]/u.test(term)) return [];
  const spellings: string[] = [];
  const substitute = (from: number, left: number, current: string[]) => {
    for (let i = from; i < current.length; i++) {
      for (const kazakh of KAZAKH_LETTERS_FOR[current[i] as string] ?? []) {
        const next = [...current.slice(0, i), kazakh, ...current.slice(i + 1)];
        spellings.push(next.join(""));
        if (left > 1) substitute(i + 1, left - 1, next);
      }
    }
  };
  substitute(0, allowed, letters);
  return spellings;
}
