import { foldedReadings, foldKazakh, normalizeText, tokenizeWords } from "../text/index.js";

/**
 * A text's words normalised and folded (Kazakh letters as a Russian keyboard types them), one
 * space between and around them: " мектепке калай жетуге болады ". Cue words and phrases, folded
 * the same way, are found in it as ` ${cue} `, whole words only.
 */
export function foldedWords(text: string): string {
  return ` ${tokenizeWords(foldKazakh(normalizeText(text))).join(" ")} `;
}

/**
 * {@link foldedWords} with every Latin word read in Cyrillic when `readLatin` ("usynyp jiber" →
 * " усынып жибер "): Kazakh or Russian typed in Latin letters meets the Cyrillic cues.
 */
export function cyrillicWords(text: string, readLatin: boolean): string {
  return ` ${tokenizeWords(text)
    .map((word) => foldedReadings(word, readLatin).at(-1) ?? word)
    .join(" ")} `;
}
