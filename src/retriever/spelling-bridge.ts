import type { WordForm } from "../indexes/index.js";
import { editDistance, foldKazakh, memoize } from "../text/index.js";

/** Shortest reader's term matched by its folded spelling alone (shorter ones collide by chance). */
const MIN_FOLDED = 4;
/** Shortest corpus term a reader's term may extend with an ending the stemmer missed. */
const MIN_STEM = 5;
/** Most letters of such an ending ("назарбаевтын" = "назарбаев" + "тын", "роликтерди" = "ролик" + "терди"). */
const MAX_ENDING = 6;

/**
 * How many slips a term may carry and still be taken for a corpus term: none below six letters
 * (shorter words have look-alikes by chance: "қазақ" is one letter from "қазық"), one up to
 * eight, two from nine.
 */
function slipsFor(length: number): number {
  return length < 6 ? 0 : length < 9 ? 1 : 2;
}

/**
 * The corpus's own terms, reachable from the ways a reader may write them. Kazakh typed without
 * Kazakh letters ("тортинши", "Жангыру", "кенес"), or read from Latin ("Zhangyru" → "жангыру"),
 * folds to the same string as the corpus's spelling — of a term, or of a whole word the corpus
 * writes ("отти" is "өтті" folded, whose term "өт" the stemmer cannot reach from "отти", its
 * ending no longer Kazakh); an ending the stemmer did not know
 * ("Назарбаевтын") leaves the corpus term as a prefix; a typing slip ("тварионос", "тапсрыма")
 * is a letter or two away, a doubled letter typed once ("сесия") even in a short word. A reader's term that is only a prefix of a corpus term is not taken
 * for it ("қазақ" is not "Қазақстан"). Built from the corpus, so a new article brings its own words.
 */
export class TermLexicon {
  private readonly byFold = new Map<string, Set<string>>();
  private readonly folds: string[];
  /** Corpus terms with a doubled letter, by their spelling with it single ("сесия" → "сессия"). */
  private readonly byUndoubled = new Map<string, Set<string>>();
  /** The corpus's words by their folded spelling, with their terms. */
  private readonly byWordFold = new Map<string, Set<string>>();

  /** `terms`: the corpus's analysed terms; `forms`: its words with their terms (see {@link WordForm}). */
  constructor(terms: Iterable<string>, forms: Iterable<WordForm> = []) {
    for (const term of terms) {
      if (term.length < 3 || /\d/.test(term)) continue;
      addTo(this.byFold, foldKazakh(term), [term]);
    }
    this.folds = [...this.byFold.keys()].sort();
    for (const f of this.folds) if (undoubled(f) !== f) addTo(this.byUndoubled, undoubled(f), [f]);
    for (const [word, wordTerms] of forms) {
      if ([...word].length < MIN_FOLDED || /\d/.test(word) || wordTerms.length === 0) continue;
      addTo(this.byWordFold, foldKazakh(word), wordTerms);
    }
  }

  /**
   * Corpus terms a reader's (unknown) term stands for, the closest kind first: the same when
   * folded; else corpus terms it begins (when it has four letters or more), the shortest; else a
   * corpus term it extends by a short ending, the longest; else terms within its typing slips,
   * the nearest. Empty when none is close enough.
   */
  lookup(term: string): string[] {
    return [...this.remembered(term)];
  }

  /** {@link lookup}'s answers: a typing-slip search scans the whole lexicon, so they are remembered. */
  private readonly remembered = memoize((term: string): readonly string[] => this.search(term));

  private search(term: string): string[] {
    const length = [...term].length;
    if (length < 3 || /\d/.test(term)) return [];
    const folded = foldKazakh(term);
    const exact = this.byFold.get(folded) ?? this.byWordFold.get(folded);
    if (exact && length >= MIN_FOLDED) return [...exact];
    const stem = this.folds
      .filter((f) => f.length >= MIN_STEM && folded.startsWith(f) && folded.length - f.length <= MAX_ENDING)
      .sort((a, b) => b.length - a.length)[0];
    if (stem) return this.termsOf([stem]);
    // A doubled letter typed once is the commonest slip, and short words make it too.
    const single = length >= MIN_FOLDED ? this.byUndoubled.get(folded) : undefined;
    if (single) return this.termsOf([...single]);
    const allowed = slipsFor(length);
    if (allowed === 0) return [];
    let best = allowed + 1;
    let nearest: string[] = [];
    for (const f of this.folds) {
      if (f[0] !== folded[0] || Math.abs(f.length - folded.length) > allowed) continue;
      const limit = Math.min(allowed, slipsFor(f.length));
      if (limit === 0) continue;
      const distance = editDistance(folded, f, limit);
      if (distance > limit) continue;
      if (distance < best) {
        best = distance;
        nearest = [f];
      } else if (distance === best) nearest.push(f);
    }
    return best <= allowed ? this.termsOf(nearest) : [];
  }

  private termsOf(folds: readonly string[]): string[] {
    return folds.flatMap((f) => [...(this.byFold.get(f) ?? [])]);
  }
}

/** A spelling with every run of one letter cut to one ("сессия" → "сесия", "программа" → "програма"). */
function undoubled(text: string): string {
  return text.replace(/(\p{L})\1+/gu, "$1");
}

function addTo(map: Map<string, Set<string>>, key: string, values: readonly string[]): void {
  const set = map.get(key) ?? new Set<string>();
  for (const value of values) set.add(value);
  map.set(key, set);
}

/**
 * Lets a word the corpus lacks meet the corpus's spelling of it (see {@link TermLexicon}): for
 * each concept whose terms are all unknown, the corpus terms its terms stand for are added.
 * "Rukhani Zhangyru" (transliterated "жангыру") then finds "Рухани жаңғыру", "тортинши" finds
 * "төртінші". Known concepts are left alone, as the glossary leaves them.
 */
export class SpellingBridge {
  constructor(
    private readonly knows: (term: string) => boolean,
    private readonly lexicon: TermLexicon,
  ) {}

  expand(concepts: readonly (readonly string[])[]): string[][] {
    return concepts.map((concept) => {
      if (concept.some((term) => this.knows(term))) return [...concept];
      const found = concept.flatMap((term) => this.lexicon.lookup(term));
      return [...new Set([...concept, ...found])];
    });
  }
}
