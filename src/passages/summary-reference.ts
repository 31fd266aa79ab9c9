import { foldedReadings, foldKazakh, isStopword, normalizeText, tokenizeWords } from "../text/index.js";
import cues from "./summary-cues.json" with { type: "json" };

/** A cue list as folded patterns: exact words, and stems for entries ending in "*". */
function matcher(words: readonly string[]): (word: string) => boolean {
  const exact = new Set(words.filter((w) => !w.endsWith("*")).map(foldKazakh));
  const stems = words.filter((w) => w.endsWith("*")).map((w) => foldKazakh(w.slice(0, -1)));
  return (word) => exact.has(word) || stems.some((stem) => word.startsWith(stem));
}

const isSummaryWord = matcher(cues.summaryWords);
const isAboutWord = matcher(cues.aboutWords);
const isDocumentWord = matcher(cues.documentWords);
const isFillerWord = matcher(cues.fillerWords);
const isWrittenWord = matcher(cues.writtenWords);

/**
 * True when a question asks what the document is about or for its gist — "мақала не туралы?",
 * "перескажи кратко", "tl;dr", "kyskasha aityp bershi" — and nothing more specific. The lead
 * of the document (its title and first lines) answers it, on any article, so the structure leg
 * leads with it. Cue words are data (summary-cues.json).
 */
export function asksForSummary(question: string): boolean {
  if (/\btl\s*;?\s*dr\b/.test(normalizeText(question))) return true;
  const words = tokenizeWords(question).map((word) => foldedReadings(word));
  const any = (test: (w: string) => boolean) => words.some((forms) => forms.some(test));
  const asks =
    any(isSummaryWord) ||
    (any(isAboutWord) && (any(isDocumentWord) || any(isWrittenWord))) ||
    (any(isWrittenWord) && any(isDocumentWord));
  if (!asks) return false;
  return words.every((forms) =>
    forms.some(
      (w) =>
        isStopword(w) ||
        isSummaryWord(w) ||
        isAboutWord(w) ||
        isDocumentWord(w) ||
        isWrittenWord(w) ||
        isFillerWord(w),
    ),
  );
}
