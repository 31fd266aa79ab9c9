import { sentencesOf } from "../passages/index.js";
import { foldKazakh, normalizeText, SURNAME_ENDING } from "../text/index.js";
import cues from "./answer-cues.json" with { type: "json" };
import { foldedWords } from "./question-text.js";
import type { AnswerPassage } from "./types.js";

const fold = (word: string) => foldKazakh(normalizeText(word));
/** Words and phrases asking about an earlier time ("бұрынғы", "прежние", "до них", "before"), as {@link foldedWords}. */
const EARLIER = cues.earlier.map(foldedWords);
/** Words that present something as new ("жаңа орынбасарлары", "new deputy chairs"), folded. */
const NEW_WORDS: ReadonlySet<string> = new Set(cues.newWords.map(fold));

/** "До" / "before" a surname ("до Салжанова", "before Salzhanov"): someone earlier than them. */
const BEFORE_SOMEONE = /^(?:до|before)$/u;

/** A surname, in its case after "до" too ("Салжанова", "Тварионаса", "Сериковой"). */
function isSurname(word: string): boolean {
  if ([...word].length < MIN_SURNAME_LETTERS) return false;
  return SURNAME_ENDING.test(word) || SURNAME_ENDING.test(word.replace(/(?:а|у|ом|ой|ою|е|ым)$/u, ""));
}

/** Shorter words ending as a surname does are pronouns and the like ("до нас"). */
const MIN_SURNAME_LETTERS = 5;

/**
 * Whether a question asks about who or what came before ("the previous deputy chairs", "кто был
 * до них", "кто был замом до Салжанова").
 */
export function asksAboutEarlier(question: string): boolean {
  const text = foldedWords(question);
  if (EARLIER.some((cue) => text.includes(cue))) return true;
  const words = text.trim().split(" ");
  return words.some((word, i) => BEFORE_SOMEONE.test(word) && isSurname(words[i + 1] ?? ""));
}

/**
 * Whether the passage quoted first presents what the question is about as new: a question word
 * right after "жаңа" / "new", which it describes ("ҚХА Төрағасының *жаңа* орынбасарлары"; not
 * "Емханада жаңа құрылғылар", new equipment in the clinic). Asked about the
 * previous deputy chairs, such a passage names the new ones, and says nothing of those before.
 * A passage describing its subject otherwise ("Ингушетияның тұңғыш президенті" for "the former
 * head of Ingushetia") may well be the answer.
 */
export function presentsAsNew(passage: AnswerPassage | undefined): boolean {
  if (!passage) return false;
  return sentencesOf(passage.text).some((sentence) => {
    const spans = [...sentence.text.matchAll(/\p{L}[\p{L}-]*/gu)].map((m) => ({
      start: sentence.start + (m.index ?? 0),
      end: sentence.start + (m.index ?? 0) + m[0].length,
      word: fold(m[0]),
    }));
    const asked = (span: { start: number; end: number }) =>
      passage.highlights.some(([hs, he]) => hs < span.end && he > span.start);
    return spans.some((span, i) => {
      const next = spans[i + 1];
      return NEW_WORDS.has(span.word) && next !== undefined && asked(next);
    });
  });
}
