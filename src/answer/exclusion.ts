import {
  detectLanguage,
  isStopword,
  type Language,
  looksLikeVerb,
  type WordSpan,
  wordSpans,
} from "../text/index.js";
import cues from "./exclusion-cues.json" with { type: "json" };

/** A question with what it sets apart taken out: "who spoke besides the President?" → "who spoke ?" + ["President"]. */
export interface Exclusion {
  /** The question without the cue and the words it sets apart: what to search with. */
  readonly question: string;
  /** The words naming who or what is set apart, as the question writes them. Empty when none. */
  readonly words: readonly string[];
}

/** Content words a cue may set apart ("the Minister of Education": two). */
const MAX_WORDS = 2;

const split = (phrase: string) => phrase.split(" ");
const BEFORE = cues.before.map(split).sort((a, b) => b.length - a.length);
const AFTER = new Set(cues.after);
/** The ablative a Kazakh "… басқа" wants: "Президенттен", "Елбасыдан", "министрінен". */
const ABLATIVE = /(?:дан|ден|тан|тен|нан|нен)$/u;

/**
 * What a question sets apart from its answer, and the question without it. "Who spoke besides
 * the President?" asks for the other speakers: searched with "the President", it finds the
 * President's own passage, and a lead line names him. The search and the answer's checks use
 * the question without the phrase; the lead lines leave out whoever it names.
 */
export function exclusionOf(question: string): Exclusion {
  const spans = wordSpans(question);
  const language = detectLanguage(question);
  const words = spans.map((s) => s.word);
  for (let i = 0; i < spans.length; i++) {
    const cue = BEFORE.find((phrase) => phrase.every((w, j) => words[i + j] === w));
    if (cue !== undefined) {
      const after = spans.slice(i + cue.length);
      const skipped = after.findIndex((s) => !isStopword(s.word));
      // A name goes on with names ("Нұрсұлтан Назарбаев"), a title with its complement
      // ("министра образования"); neither with the verb after it ("кроме Назарбаева выступал").
      const capital = (s: WordSpan) => /^\p{Lu}/u.test(question.slice(s.start, s.end));
      const named = takeWhile(
        after.slice(Math.max(0, skipped)),
        (s, n) =>
          n < MAX_WORDS &&
          isNamePart(s, language) &&
          (n === 0 || capital(s) || !capital(after[Math.max(0, skipped)] as WordSpan)),
      );
      if (named.length > 0) return cut(question, spans[i] as WordSpan, named.at(-1) as WordSpan, named);
    }
    if (AFTER.has(words[i] ?? "") && i > 0) {
      const before = spans.slice(0, i).reverse();
      const [head] = before;
      if (head === undefined || !ABLATIVE.test(head.word)) continue;
      const named = takeWhile(
        before,
        (s, n) => n < MAX_WORDS && (n === 0 || /^\p{Lu}/u.test(question.slice(s.start, s.end))),
      );
      return cut(question, named.at(-1) as WordSpan, spans[i] as WordSpan, named.reverse());
    }
  }
  return { question, words: [] };
}

function isNamePart(span: WordSpan, language: Language | null): boolean {
  return !isStopword(span.word) && !looksLikeVerb(span.word, language) && /\p{L}/u.test(span.word);
}

function takeWhile<T>(items: readonly T[], keep: (item: T, taken: number) => boolean): T[] {
  const taken: T[] = [];
  for (const item of items) {
    if (!keep(item, taken.length)) break;
    taken.push(item);
  }
  return taken;
}

function cut(question: string, from: WordSpan, to: WordSpan, named: readonly WordSpan[]): Exclusion {
  const rest = `${question.slice(0, from.start)} ${question.slice(to.end)}`.replace(/\s+/g, " ").trim();
  return { question: rest, words: named.map((s) => question.slice(s.start, s.end)) };
}
