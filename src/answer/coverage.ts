import type { Retrieval } from "../retriever/index.js";
import { asksForAdvice } from "./how-to.js";
import { namesTheDaysAsked } from "./relative-day.js";

/**
 * Whether the retrieval covers the question at all, beyond the retriever's own evidence: passages
 * that never name the day a question counts from the reader's own ("weather in Astana
 * tomorrow") do not, nor does a text lacking some word of a request for advice ("recommend a
 * café in Almaty"). A question naming a section is covered by that section.
 */
export function covers(question: string, retrieval: Retrieval): boolean {
  if (retrieval.abstained) return false;
  if (retrieval.ordinal !== null) return true;
  const texts = retrieval.passages.map((p) => p.passage.text);
  if (!namesTheDaysAsked(question, texts)) return false;
  return retrieval.knownShare >= 1 || !asksForAdvice(question);
}
