import { editDistance, foldedReadings, foldKazakh, isStopword, tokenizeWords } from "../text/index.js";

/** Words that ask for an author: "авторы", "автор", "author", "кім жазған", "кто написал", "wrote". */
const AUTHOR_WORD =
  /^(?:автор\p{L}*|author\p{L}*|жазған|жазды|жазып|жазушы\p{L}*|написал\p{L}*|написан\p{L}*|wrote|written|writer)$/u;

/** Words by which a question means the document itself: "мақаланың", "статьи", "this article". */
const DOCUMENT_WORD =
  /^(?:мақала\p{L}*|мәтін\p{L}*|жазба\p{L}*|хабар\p{L}*|материал\p{L}*|стат\p{L}*|текст\p{L}*|заметк\p{L}*|article\p{L}*|text|piece|story|news|post)$/u;

/**
 * True when a question asks only who wrote the document ("Мақаланың авторы кім?", "Кто автор
 * статьи?", "Who wrote this article?"): every word it has is a question word, an author word or a
 * word for the document itself. The byline answers it — a signature line that never says
 * "author", so the structure leg must lead with it. "Кто автор идеи Дома дружбы?" names
 * something else and is left to the keyword leg.
 */
export function asksForAuthor(question: string): boolean {
  // One-letter tokens are initials or leftovers of markup ("<b>"), never a question's subject.
  // Each word is read folded ("макаланы ким жазган") and, when Latin, in Cyrillic ("kim jazdy").
  const words = tokenizeWords(question)
    .filter((word) => word.length > 1 && !isStopword(word))
    .map((word) => foldedReadings(word))
    .filter((forms) => !forms.some(isStopword));
  const author = (forms: readonly string[]) =>
    forms.some((w) => FOLDED_AUTHOR_WORD.test(w) || slipOfAuthor(w));
  const document = (forms: readonly string[]) => forms.some((w) => FOLDED_DOCUMENT_WORD.test(w));
  return words.some(author) && words.every((forms) => author(forms) || document(forms));
}

/**
 * "афторы", "автр", "athor": the word for author a typing slip away — its stem within one slip,
 * followed by nothing or a case ending (so "автобус" and "автономия" are not taken for it).
 */
function slipOfAuthor(word: string): boolean {
  return AUTHOR_STEMS.some(([stem, endings]) =>
    [stem.length - 1, stem.length, stem.length + 1].some(
      (cut) =>
        cut <= word.length &&
        endings.includes(word.slice(cut)) &&
        editDistance(word.slice(0, cut), stem, 1) <= 1,
    ),
  );
}

const AUTHOR_STEMS: readonly [string, readonly string[]][] = [
  ["автор", ["", "ы", "ың", "ын", "ға", "а", "у", "ом", "е", "ов", "лар", "лары"]],
  ["author", ["", "s"]],
];

const FOLDED_AUTHOR_WORD = new RegExp(foldKazakh(AUTHOR_WORD.source), AUTHOR_WORD.flags);
const FOLDED_DOCUMENT_WORD = new RegExp(foldKazakh(DOCUMENT_WORD.source), DOCUMENT_WORD.flags);
