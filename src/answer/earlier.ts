import { sentencesOf } from "../passages/index.js";
import { foldKazakh, normalizeText, tokenizeWords } from "../text/index.js";
import cues from "./answer-cues.json" with { type: "json" };
import type { AnswerPassage } from "./types.js";

const fold = (phrase: string) => foldKazakh(normalizeText(phrase));
/** Words and phrases asking about an earlier time ("бұрынғы", "прежние", "до них", "before"), folded. */
const EARLIER = cues.earlier.map(fold);
/** Words that present something as new ("жаңа орынбасарлары", "new deputy chairs"), folded. */
const NEW_WORDS: ReadonlySet<string> = new Set(cues.newWords.map(fold));

/** Whether a question asks about who or what came before ("the previous deputy chairs", "кто был до них"). */
export function asksAboutEarlier(question: string): boolean {
  const words = tokenizeWords(question).map(fold);
  const text = ` ${words.join(" ")} `;
  return EARLIER.some((cue) => text.includes(` ${cue} `));
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
    const end = sentence.start + sentence.text.length;
    const spans = [...sentence.text.matchAll(/\p{L}[\p{L}-]*/gu)].map((m) => ({
      start: sentence.start + (m.index ?? 0),
      end: sentence.start + (m.index ?? 0) + m[0].length,
      word: fold(m[0]),
    }));
    const asked = (s: { start: number; end: number }) =>
      passage.highlights.some(([hs, he]) => hs < s.end && he > s.start && hs >= sentence.start && he <= end);
    return spans.some((span, i) => {
      const next = spans[i + 1];
      return NEW_WORDS.has(span.word) && next !== undefined && asked(next);
    });
  });
}
