/**
 * Kazakh month names with their Russian stems and English names. The article dates things the
 * Kazakh way ("1 наурыз – Алғыс айту күні"); a reader asks "1 марта" or "on March 1". Each foreign
 * month becomes the Kazakh one, so dates meet without a glossary entry per article. English "May"
 * is left out: in lower case it is the modal verb far more often than the month.
 */
const MONTHS: readonly { kk: string; ru: RegExp; en?: string }[] = [
  { kk: "қаңтар", ru: /^январ[ьяюе]$/, en: "january" },
  { kk: "ақпан", ru: /^феврал[ьяюе]$/, en: "february" },
  { kk: "наурыз", ru: /^март[аеу]?$/, en: "march" },
  { kk: "сәуір", ru: /^апрел[ьяюе]$/, en: "april" },
  { kk: "мамыр", ru: /^ма[йяюе]$/ },
  { kk: "маусым", ru: /^июн[ьяюе]$/, en: "june" },
  { kk: "шілде", ru: /^июл[ьяюе]$/, en: "july" },
  { kk: "тамыз", ru: /^август[аеу]?$/, en: "august" },
  { kk: "қыркүйек", ru: /^сентябр[ьяюе]$/, en: "september" },
  { kk: "қазан", ru: /^октябр[ьяюе]$/, en: "october" },
  { kk: "қараша", ru: /^ноябр[ьяюе]$/, en: "november" },
  { kk: "желтоқсан", ru: /^декабр[ьяюе]$/, en: "december" },
];

/**
 * The Kazakh month a Russian or English month name stands for ("марта", "march" → "наурыз"), or
 * `null`. Expects a normalised word (lower case, ё → е).
 */
export function kazakhMonthOf(word: string): string | null {
  for (const { kk, ru, en } of MONTHS) if (word === en || ru.test(word)) return kk;
  return null;
}
