import {
  detectLanguage,
  foldKazakh,
  isFolded,
  isStopword,
  latinToCyrillicVariants,
  stemKazakh,
} from "../text/index.js";

/** Shortest known word whose spelling may stand for the start of a longer typed word. */
const MIN_STEM = 4;
/** Vowels, to find a word's last one (Kazakh endings follow it: front or back). */
const VOWELS = /[аәеіоөұүыиуэюя]/u;
const BACK_VOWELS = /[аоұыуяю]/u;

/**
 * Puts the Kazakh letters back into a Kazakh question typed without them, for the model's eyes.
 * The keyword leg meets "тортинши", "калай" through the spelling bridge; the model does not:
 * multilingual-e5 reads "бешбармак калай писиремиз" as near the article as the everyday
 * question "Бешбармақты қалай пісіреді?" it is (measured: the dense leg vouched for such
 * questions, and ranked folded paraphrases lower than the same words written properly). A typed
 * word is written as the known word it folds to ("калай" → "қалай"), or, when a known word of
 * four letters or more folds to its start, as that word with the rest given the ending's letters
 * by vowel harmony ("калага" → "қала" + "ға"). Only words the restorer knows — the corpus's own,
 * the Kazakh stop words — and only one-to-one: a folded spelling two known words share is left
 * as typed. Kazakh typed in Latin letters is read in Cyrillic first ("qalai" → "қалай").
 */
export class KazakhLetters {
  /** Known words by their folded spelling; `null` when two words fold alike. */
  private readonly byFold = new Map<string, string | null>();
  /**
   * Known words with no Kazakh letter to put back ("отбасы"): starts an ending typed without
   * Kazakh letters may follow ("отбасыга" → "отбасы" + "ға").
   */
  private readonly plain: ReadonlySet<string>;
  /** Known words by their folded stem (see {@link byStem}); made on first need. */
  private byFoldedStem: Map<string, { word: string; stem: string } | null> | undefined;

  /**
   * `words`: lower-case Kazakh words with Kazakh letters (others are ignored); `plain`: lower-case
   * words with none, four letters or more (see {@link plain}).
   */
  constructor(words: Iterable<string>, plain: Iterable<string> = []) {
    this.plain = new Set(plain);
    for (const word of words) {
      if (isFolded(word) || [...word].length < 2) continue;
      const key = foldKazakh(word);
      const known = this.byFold.get(key);
      if (known === undefined) this.byFold.set(key, word);
      else if (known !== word) this.byFold.set(key, null);
    }
  }

  /**
   * The question with the Kazakh letters it can put back; as it is when it has a Kazakh letter
   * already or is not read as Kazakh. `sameStem`: a word no known word folds to, nor to its start,
   * becomes a known word of the same stem (see {@link restoreWord}) — for the keyword leg, which
   * wants the stem; the model reads the words as written.
   */
  restore(question: string, options: { sameStem?: boolean } = {}): string {
    // One Kazakh letter shows a Kazakh keyboard: its other words are as the writer meant them.
    if (!isFolded(question.toLowerCase()) || detectLanguage(question) !== "kk") return question;
    const latin = !/\p{Script=Cyrillic}/u.test(question);
    return question.replace(/[\p{L}\p{M}]+/gu, (word) => {
      const restored = options.sameStem && !latin ? this.restoreWord(word) : this.restoreOne(word, latin);
      return word[0] === word[0]?.toLowerCase()
        ? restored
        : restored.charAt(0).toUpperCase() + restored.slice(1);
    });
  }

  /**
   * One Cyrillic word typed without Kazakh letters, with those it can put back ("торагасынын" →
   * "төрағасының"); as it is otherwise. No language check: the caller takes both spellings.
   */
  restoreWord(word: string): string {
    if (!/^\p{Script=Cyrillic}+$/u.test(word) || !isFolded(word.toLowerCase())) return word;
    const restored = this.restoreOne(word, false);
    // A stop word typed without Kazakh letters ("неше") is as the writer meant it.
    if (restored !== word || isStopword(word.toLowerCase())) return restored;
    return this.byStem(word) ?? word;
  }

  /**
   * A known word of the same stem, found by stemming the folded spellings with the folded
   * suffixes: "тораганын" (typed "төраға" + "ның") and the corpus's "төрағасының" both stem to
   * "тора", and the corpus word stands in for it. Only where every known word of that folded
   * stem has one real stem, and the stem has four letters or more.
   */
  private byStem(word: string): string | null {
    this.byFoldedStem ??= this.foldedStems();
    const entry = this.byFoldedStem.get(foldedStemOf(word.toLowerCase()));
    return entry ? entry.word : null;
  }

  private foldedStems(): Map<string, { word: string; stem: string } | null> {
    const stems = new Map<string, { word: string; stem: string } | null>();
    for (const word of this.byFold.values()) {
      if (word === null) continue;
      const key = foldedStemOf(word);
      if (key.length < MIN_STEM) continue;
      const stem = stemKazakh(word);
      const known = stems.get(key);
      if (known === undefined) stems.set(key, { word, stem });
      else if (known !== null && known.stem !== stem) stems.set(key, null);
    }
    return stems;
  }

  private restoreOne(word: string, latin: boolean): string {
    const lower = word.toLowerCase();
    if (latin) {
      if (!/\p{Script=Latin}/u.test(lower)) return word;
      // Every reading whole before any by its start: "qalai" is "қалай", not "қала" + "ы".
      const readings = latinToCyrillicVariants(lower);
      const folded = readings.map(foldKazakh);
      return (
        folded.map((reading) => this.byFold.get(reading)).find((known) => known) ??
        folded.map((reading) => this.byStart(reading)).find((known) => known) ??
        readings[0] ??
        word
      );
    }
    if (!isFolded(lower)) return word;
    const folded = foldKazakh(lower);
    const whole = this.byFold.get(folded);
    return whole !== undefined ? (whole ?? word) : (this.byStart(folded) ?? word);
  }

  /** A known word whose folded spelling starts `folded`, with the rest in its letters (see the class comment). */
  private byStart(folded: string): string | null {
    for (let length = folded.length - 1; length >= MIN_STEM; length--) {
      const start = folded.slice(0, length);
      const known = this.byFold.get(start);
      const stem = known !== undefined ? known : this.plain.has(start) ? start : undefined;
      if (stem === undefined) continue;
      return stem === null ? null : stem + withHarmony(folded.slice(length), stem);
    }
    return null;
  }
}

/** A word's stem as the folded suffixes cut its folded spelling (see {@link stemKazakh}'s `folded`). */
function foldedStemOf(word: string): string {
  return stemKazakh(foldKazakh(word), { folded: true });
}

/**
 * A folded ending in the letters Kazakh gives it after `stem`: "і" for "и", and after a back
 * vowel "ы", "ғ" and "қ" for "и", "г" and "к" ("калага" → "қалаға", "тилдерди" → "тілдерді").
 */
function withHarmony(ending: string, stem: string): string {
  const lastVowel = [...stem].filter((letter) => VOWELS.test(letter)).at(-1) ?? "а";
  const back = BACK_VOWELS.test(lastVowel);
  return ending
    .replace(/и/gu, back ? "ы" : "і")
    .replace(/г/gu, back ? "ғ" : "г")
    .replace(/к/gu, back ? "қ" : "к");
}
