import { cueMatcher, foldedReadings, isStopword, normalizeText, tokenizeWords } from "../text/index.js";
import cues from "./summary-cues.json" with { type: "json" };

const isSummaryWord = cueMatcher(cues.summaryWords);
const isAboutWord = cueMatcher(cues.aboutWords);
const isDocumentWord = cueMatcher([...cues.documentWords, ...cues.eventWords]);
const isHappenedWord = cueMatcher(cues.happenedWords);
const isWhatWord = cueMatcher(cues.whatWords);
const isFillerWord = cueMatcher(cues.fillerWords);
const isWrittenWord = cueMatcher(cues.writtenWords);

/** "Что за …", "что это за …", "what kind of …", "what sort of …": asks what a thing is. */
const WHAT_KIND_OF = /(?:^|\s)(?:что(?:\s+\p{L}+)?\s+за|what\s+(?:kind|sort)\s+of)\s/u;

/**
 * True when a question asks what the document is about or for its gist — "мақала не туралы?",
 * "перескажи кратко", "tl;dr", "kyskasha aityp bershi", or what happened at the event it reports,
 * "что было на сессии?" — and nothing more specific. The lead
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
    (any(isWrittenWord) && any(isDocumentWord)) ||
    // "Что (вообще) за мероприятие было?", "what kind of event was it": what the thing is.
    (WHAT_KIND_OF.test(normalizeText(question)) && any(isDocumentWord)) ||
    // "Что было на сессии?", "ne boldy sessiada", "what happened at the meeting": the whole event.
    (any(isWhatWord) && any(isHappenedWord) && any(isDocumentWord));
  if (!asks) return false;
  return words.every((forms) =>
    forms.some(
      (w) =>
        isStopword(w) ||
        isSummaryWord(w) ||
        isAboutWord(w) ||
        isDocumentWord(w) ||
        isWrittenWord(w) ||
        isHappenedWord(w) ||
        isFillerWord(w),
    ),
  );
}
