import type { KeywordIndex } from "../indexes/index.js";
import { detectLanguage } from "../text/index.js";

/**
 * Words of a question that name something specific: numbers ("27-я сессия", "the 27th"),
 * capitalised words after the first word of a Cyrillic question ("Токаеву", "Лигу чемпионов"),
 * and Latin words in a Cyrillic question. English capitals are not read: English capitalises
 * common words in names and titles ("Thanksgiving Day", "Ministry of Religious Affairs"), which
 * are no sign of something the article lacks.
 */
function namingWords(question: string): string[] {
  const words = [...question.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
  const cyrillic = /\p{Script=Cyrillic}/u.test(question);
  return words.flatMap((word, index) => {
    const digits = /^\d+/.exec(word);
    if (digits) return [digits[0]];
    if (!cyrillic) return [];
    if (/^\p{Script=Latin}+$/u.test(word)) return [word];
    return index > 0 && /^\p{Lu}\p{Ll}/u.test(word) ? [word] : [];
  });
}

/**
 * The naming words of a question that the corpus does not have in any form — not as written, not
 * through the glossary or a Kazakh spelling (`bridge`), not one or two letters away. A question about "the 27th session" or
 * "Токаев" is about something the article does not cover, however many other words it shares.
 */
export function unknownNames(
  question: string,
  keyword: KeywordIndex,
  bridge: (concepts: readonly (readonly string[])[]) => string[][],
): string[] {
  const language = detectLanguage(question) ?? undefined;
  return namingWords(question).filter((word) => {
    const concepts = bridge(keyword.queryConcepts(word, language));
    if (concepts.length === 0) return false;
    return !concepts.some((concept) => concept.some((term) => keyword.knowsApproximately(term)));
  });
}
