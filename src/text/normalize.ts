/**
 * Text normalization shared by documents and queries.
 *
 * Everything the keyword index compares must look the same on both sides, whatever keyboard,
 * OCR pass or news CMS produced it: Unicode composition, letter case, typographic quotes and
 * dashes, "ё", and Latin letters that sneak into Cyrillic words (the article writes the session
 * number both as "ХХVI" and "XXVІ", each mixing scripts).
 */

/** Cyrillic letters that only Kazakh uses (Russian has none of them). */
export const KAZAKH_SPECIFIC_LETTERS = "әғқңөұүһі";

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** Latin letters (both cases) that look like a Cyrillic letter, mapped to that letter. */
const LATIN_TO_CYRILLIC_LOOKALIKE: Readonly<Record<string, string>> = {
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  I: "І",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
  a: "а",
  c: "с",
  e: "е",
  i: "і",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
};

/** Cyrillic capitals that look like the Latin letters of Roman numerals. */
const CYRILLIC_TO_ROMAN: Readonly<Record<string, string>> = { І: "I", Х: "X", С: "C", М: "M", Ӏ: "I" };

/** Soft hyphens and zero-width characters: invisible, but they would split or change a word. */
export const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

const ROMAN_LOOKING = /^[IVXLCDMІХСМӀ]+$/u;
const ROMAN_NUMERAL = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/**
 * Fixes the script of one word (original case, before lower-casing) so that the same word typed
 * with a mix of keyboards becomes one term:
 * - an upper-case word that reads as a Roman numeral (e.g. "ХХVI", "XXVІ", "ХІХ") becomes Latin,
 *   because the article and the KazQAD texts write century and session numbers both ways;
 * - otherwise a word with both Cyrillic and Latin letters gets its Latin lookalikes turned into
 *   Cyrillic (a Cyrillic word is never meant to contain Latin "a", "o", "c"...).
 * Pure Latin and pure Cyrillic words are returned unchanged.
 */
export function fixMixedScript(word: string): string {
  if (ROMAN_LOOKING.test(word) && /[IVXІХӀ]/u.test(word)) {
    const latin = Array.from(word, (ch) => CYRILLIC_TO_ROMAN[ch] ?? ch).join("");
    if (ROMAN_NUMERAL.test(latin)) return latin;
  }
  if (!CYRILLIC.test(word) || !LATIN.test(word)) return word;
  return Array.from(word, (ch) => LATIN_TO_CYRILLIC_LOOKALIKE[ch] ?? ch).join("");
}

/**
 * Locale-independent lower-casing that is safe for Kazakh: "І" → "і" (U+0456), Latin "I" → "i"
 * (never a dotless ı as a Turkish locale would do), and "İ" → "i" instead of "i" + combining dot.
 */
export function lowerCase(s: string): string {
  return s.replace(/İ/g, "i").toLowerCase();
}

/**
 * Normalizes a string for matching: NFC, mixed-script words repaired, lower case, typographic
 * quotes → `"` / `'`, invisible characters (soft hyphen, zero-width) dropped, dashes and minus signs → "-", "ё" → "е", whitespace runs → one space,
 * trimmed. Apply it to whole texts or single words: it never splits or joins words.
 */
export function normalizeText(s: string): string {
  return lowerCase(
    s
      .normalize("NFC")
      .replace(INVISIBLE, "")
      .replace(/[\p{L}\p{M}]+/gu, fixMixedScript),
  )
    .replace(/[«»“”„‟″〝〞＂]/g, '"')
    .replace(/[‘’‚‛′`´ʼ]/g, "'")
    .replace(/[‐‑‒–—―−﹘﹣－]/g, "-")
    .replace(/ё/g, "е")
    .replace(/\s+/g, " ")
    .trim();
}
