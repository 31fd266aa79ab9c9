/**
 * The form under which questions count as the same in the report: Unicode-normalised, lower case,
 * runs of spaces made one, and punctuation and quotes at either end dropped — "Кім жазды?" and
 * "кім жазды" are one question asked twice.
 */
export function questionKey(question: string): string {
  return question
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "");
}
