import { cueMatcher, foldKazakh, isStopword } from "../text/index.js";
import cues from "./answer-cues.json" with { type: "json" };
import type { NeedOf } from "./answer-need.js";

/*
 * Whether what a who- or which-question asks about stands together in a sentence: the role
 * and the words that qualify it, an institution word and its name. Apart from the answer gate
 * (stated.ts) because both read word distances in a sentence, not the kind of answer.
 */

/** What the gate needs from the engine: the highlight ranges of a word's terms in a text. */
export type TermFinder = (text: string, word: string) => readonly (readonly [number, number])[];

/**
 * For a person asked for by role, whether a question word other than the role stands near the
 * role word (at most {@link ROLE_GAP_WORDS} words between), when the sentence holds any: in a
 * list of speakers, "мәдени" three names away from "министрі" does not make a culture minister,
 * while "ҚР Білім және ғылым министрі" is the education minister. A word telling what people
 * did ("сөз сөйледі", "қатысты") qualifies no role: "кто из министров выступал" asks which
 * minister is among the speakers. Other needs, and roles asked alone, pass.
 */
export function qualifiedNearRole(
  need: NeedOf,
  sentence: { readonly start: number; readonly text: string },
  found: readonly (readonly [number, number])[],
  find: TermFinder,
): boolean {
  if (need.need !== "person" || need.roles.length === 0) return true;
  const roles = need.roles.flatMap((role) => find(sentence.text, role));
  const isRole = ([s, e]: readonly [number, number]) =>
    roles.some(([rs, re]) => rs === s - sentence.start && re === e - sentence.start);
  const isAction = ([s, e]: readonly [number, number]) =>
    ROLE_ACTION(foldKazakh(sentence.text.slice(s - sentence.start, e - sentence.start).toLowerCase()));
  const others = found.filter((range) => !isRole(range) && !isAction(range));
  if (others.length === 0) return true;
  /** The words between a found word (sentence offsets) and a role occurrence, whichever comes first. */
  const wordsBetween = ([s, e]: readonly [number, number], [rs, re]: readonly [number, number]) => {
    const [from, to] = e <= rs ? [e, rs] : [re, s];
    return sentence.text.slice(from, to).split(/\s+/u).filter(Boolean).length;
  };
  return others.some(([s, e]) =>
    roles.some((role) => wordsBetween([s - sentence.start, e - sentence.start], role) <= ROLE_GAP_WORDS),
  );
}

/** Words of a passage telling what people did, which qualify no role ("сөз", "сөйледі"). */
const ROLE_ACTION = cueMatcher(cues.roleActions);

/** Words between a role and a question word qualifying it ("ҚР Білім *және ғылым* министрі": two). */
const ROLE_GAP_WORDS = 3;

/**
 * Whether a name stands right beside an institution word — a «quoted» name or a capitalised word
 * (but a stop word opening the sentence), at most {@link NAME_WINDOW_WORDS} words before it or one after: "«Нұр
 * Отан» партиясы", "Мәдениет және спорт министрлігі", "университет имени Гумилёва". "Жетекші
 * жоғары оқу орындарындағы 40-тан астам кафедра" names no university.
 */
export function namedBeside(sentence: string, institution: string, find: TermFinder): boolean {
  const first = /^\P{L}*(\p{L}+)/u.exec(sentence);
  // The sentence's first word is capitalised anyway: a name only when it is no stop word ("Бұған").
  const opening = first && isStopword((first[1] as string).toLowerCase()) ? first[0].length : 0;
  const names = [...sentence.matchAll(NAME)].filter((m) => (m.index ?? 0) >= opening);
  return find(sentence, institution).some(([start, end]) => {
    const before = sentence.slice(0, start).split(/\s+/u).filter(Boolean);
    const windowStart = start - before.slice(-NAME_WINDOW_WORDS).join(" ").length - 1;
    const afterWord = /^\s*\S+/u.exec(sentence.slice(end))?.[0].length ?? 0;
    return names.some((m) => {
      const at = m.index ?? 0;
      return (at >= windowStart && at < start) || (at >= end && at < end + afterWord);
    });
  });
}

/** A name: «quoted» words, or a capitalised word. */
const NAME = /«[^»]+»|(?<!\p{L})\p{Lu}\p{L}+/gu;
/** How many words before an institution word its name may start ("Мәдениет және спорт министрлігі"). */
const NAME_WINDOW_WORDS = 3;
