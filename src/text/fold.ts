/**
 * Kazakh typed without Kazakh letters. Many readers write on a Russian keyboard or a phone
 * without the Kazakh layout and put the nearest plain letter in place of each Kazakh one
 * ("тортинши тапсырма", "кандай", "Назарбаевтын", "Жангыру жолы", "кенес"). Folding both sides —
 * the corpus's words and the reader's — to those plain letters lets the two meet: "төртінші" and
 * "тортинши" fold to the same string. Folding is for matching only; nothing folded is shown.
 */

/** The plain letter a Russian keyboard gives for each Kazakh-specific letter (and ё). */
const PLAIN_LETTER: Readonly<Record<string, string>> = {
  ә: "а",
  і: "и",
  ң: "н",
  ғ: "г",
  қ: "к",
  ү: "у",
  ұ: "у",
  ө: "о",
  һ: "х",
  ё: "е",
  // Not Kazakh, but typed the same way: "Ешмент" for "Эшмент", as Latin "Eshment" reads.
  э: "е",
};

const FOLDABLE = /[әіңғқүұөһёэ]/gu;

/** A lower-case word with every Kazakh-specific letter (and ё, э) replaced by its plain keyboard letter. */
export function foldKazakh(word: string): string {
  return word.replace(FOLDABLE, (letter) => PLAIN_LETTER[letter] ?? letter);
}

/** Whether a word is already written without Kazakh-specific letters (folding would not change it). */
export function isFolded(word: string): boolean {
  return !/[әіңғқүұөһ]/u.test(word);
}
