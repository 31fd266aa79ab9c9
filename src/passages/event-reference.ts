import { cueMatcher, foldedReadings, isStopword, tokenizeWords } from "../text/index.js";
import cues from "./event-cues.json" with { type: "json" };

const isAskWord = cueMatcher(cues.askWords);
const isFillerWord = cueMatcher(cues.fillerWords);

/**
 * True when a question asks where, when or which numbered one the reported event was and names
 * nothing else — "where was it?", "which city was it in", "где это было", "қай жерде болды",
 * "which session number was it", "нешінші сессия болды". A news item's lead says where (and, when
 * it does, when and which one): the structure leg leads with it, on any article, as it does for
 * "what is it about?". Cue words are data (event-cues.json).
 */
export function asksAboutTheEvent(question: string): boolean {
  const words = tokenizeWords(question).map((word) => foldedReadings(word));
  if (words.length === 0 || !words.some((forms) => forms.some(isAskWord))) return false;
  return words.every((forms) => forms.some((w) => isStopword(w) || isAskWord(w) || isFillerWord(w)));
}
