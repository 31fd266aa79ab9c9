/**
 * Kazakh ordinal words for 1–10, in order ("бірінші" is index 0). One table for the tokenizer
 * (reading "4-ші" as "төртінші") and for section headings and questions ("Төртінші тапсырма"),
 * so what one recognises the other does too.
 */
export const KAZAKH_ORDINALS: readonly string[] = [
  "бірінші",
  "екінші",
  "үшінші",
  "төртінші",
  "бесінші",
  "алтыншы",
  "жетінші",
  "сегізінші",
  "тоғызыншы",
  "оныншы",
];

/**
 * Kazakh cardinal words for 1–10 with their Russian and English forms. The article writes its
 * counts in words ("бес бастама", "үш тетігі"); a Russian or English question asks in its own
 * ("пяти инициатив", "three mechanisms"). Each foreign form becomes the Kazakh word, so counts
 * meet without a model and without a glossary entry per article.
 */
const CARDINALS: readonly { kk: string; ru: RegExp; en: string }[] = [
  { kk: "бір", ru: /^(?:один|одна|одно|одного|одной|одному|одним)$/, en: "one" },
  { kk: "екі", ru: /^(?:два|две|двух|двум|двумя)$/, en: "two" },
  { kk: "үш", ru: /^(?:три|трех|трем|тремя)$/, en: "three" },
  { kk: "төрт", ru: /^(?:четыре|четырех|четырем|четырьмя)$/, en: "four" },
  { kk: "бес", ru: /^(?:пять|пяти|пятью)$/, en: "five" },
  { kk: "алты", ru: /^(?:шесть|шести|шестью)$/, en: "six" },
  { kk: "жеті", ru: /^(?:семь|семи)$/, en: "seven" },
  { kk: "сегіз", ru: /^(?:восемь|восьми|восемью)$/, en: "eight" },
  { kk: "тоғыз", ru: /^(?:девять|девяти|девятью)$/, en: "nine" },
  { kk: "он", ru: /^(?:десять|десяти|десятью)$/, en: "ten" },
];

/**
 * The Kazakh cardinal a Russian or English number word stands for ("пяти" and "five" → "бес"),
 * or `null`. Expects a normalised word (lower case, ё → е).
 */
export function kazakhCardinalOf(word: string): string | null {
  for (const { kk, ru, en } of CARDINALS) if (word === en || ru.test(word)) return kk;
  return null;
}

/**
 * The Kazakh word for a number 1–10 written in digits ("6" → "алты"), or `null`: a question asks
 * "6 тапсырма" or "алты" where the article writes the other.
 */
export function kazakhCardinalOfDigits(digits: string): string | null {
  return /^\d{1,2}$/.test(digits) ? (CARDINALS[Number(digits) - 1]?.kk ?? null) : null;
}
