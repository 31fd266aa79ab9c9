import type { KeywordIndex } from "../indexes/index.js";
import { detectLanguage } from "../text/index.js";
import type { GlossaryExpansion } from "./glossary-expansion.js";

/**
 * Words of a question that name something specific: numbers ("27-я сессия"), capitalised words
 * after the first word of a Cyrillic question ("Токаеву", "Лигу чемпионов"), and Latin words in
 * a Cyrillic question. English capitalises too many common words ("the Assembly of People") to
 * read capitals there; its numbers still count.
 */
function namingWords(question: string): string[] {
  const words = [...question.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
  const cyrillic = /\p{Script=Cyrillic}/u.test(question);
  return words.filter((word, index) => {
    if (/^\d+$/.test(word)) return true;
    if (!cyrillic) return false;
    if (/^\p{Script=Latin}+$/u.test(word)) return true;
    return index > 0 && /^\p{Lu}\p{Ll}/u.test(word);
  });
}

/**
 * The naming words of a question that the corpus does not have in any form — not as written, not
 * through the glossary, not one or two letters away. A question about "the 27th session" or
 * "Токаев" is about something the article does not cover, however many other words it shares.
 */
export function unknownNames(question: string, keyword: KeywordIndex, glossary: GlossaryExpansion): string[] {
  const language = detectLanguage(question) ?? undefined;
  return namingWords(question).filter((word) => {
    const concepts = glossary.expand(keyword.queryConcepts(word, language));
    if (concepts.length === 0) return false;
    return !concepts.some((concept) => concept.some((term) => keyword.knowsApproximately(term)));
  });
}
