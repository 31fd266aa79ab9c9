import type { KeywordIndex } from "../indexes/index.js";
import { detectLanguage } from "../text/index.js";
import type { GlossaryExpansion } from "./glossary-expansion.js";

/**
 * Words of a question that name something specific: numbers ("27-я сессия", "the 27th"),
 * capitalised words after the first word of a Cyrillic question ("Токаеву", "Лигу чемпионов"),
 * Latin words in a Cyrillic question, and capitalised words inside an English sentence
 * ("Lithuania"). English capitalises common words too ("the Assembly of People"), but those are
 * the corpus's own terms in the glossary, so they are known and never count as unknown.
 */
function namingWords(question: string): string[] {
  const words = [...question.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
  const cyrillic = /\p{Script=Cyrillic}/u.test(question);
  return words.flatMap((word, index) => {
    const digits = /^\d+/.exec(word);
    if (digits) return [digits[0]];
    if (cyrillic && /^\p{Script=Latin}+$/u.test(word)) return [word];
    const sentenceStart = index === 0 || /[.!?]\s*$/.test(question.slice(0, question.indexOf(word)));
    return !sentenceStart && /^\p{Lu}\p{Ll}/u.test(word) ? [word] : [];
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
