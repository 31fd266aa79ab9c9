import { CAPITALISED_SURNAME_ENDING } from "../text/index.js";

/**
 * Finding people in a passage, with the role the text gives each — "Виталий Ионо Тварионас —
 * «Lituanica» қоғамдық бірлестігінің төрағасы". Extractive: both parts are spans of the text.
 */

/** A person named in a text, with the words that describe them, as character ranges. */
export interface NamedPerson {
  readonly name: readonly [number, number];
  readonly role: readonly [number, number] | null;
}

/**
 * People named one by one that answer "how many" as a figure would: a list ("… Тварионас пен …
 * Салжанов"), not one name beside a title.
 */
export const MIN_PEOPLE_COUNTED = 2;

/** "Н.Романова", "Н. Назарбаев", "Д.Ақышев". */
const INITIAL_SURNAME = /^\p{Lu}\.\s?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
/** Capitalised words and initial-dot-surname tokens, in runs. */
const CAPITALISED_RUN =
  /(?:\p{Lu}\.\s?)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s(?:\p{Lu}\.\s?)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)*/gu;
/**
 * Case and possessive endings: a capitalised word carrying one is a place, body or title
 * ("Республикасының", "Төрағасы", "Жиында"), so it cannot start a name.
 */
const INFLECTED =
  /(?:ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|да|де|та|те|дан|ден|тан|тен|нан|нен|сы|сі|ы|і|ндағы|ндегі|дағы|дегі)$/u;
/** Words between names that a role does not start with. */
const JOINER = /^(?:пен|мен|бен|және|и|and)$/u;
/** A dative or locative word opens the clause that a first role belongs to ("лауазымдарға …"). */
const CLAUSE_OPENER = /(?:ға|ге|қа|ке|да|де|та|те|нда|нде):?$/u;

/**
 * People named in `text`, each with the words before the name that describe them: back to the
 * previous person or, for the first one, to the clause's opening word; at most ten words. A
 * name is an initial and a surname ("Н.Романова") or two or three capitalised words ending in a
 * surname ("Исламбек Төлеубайұлы Салжанов"); inflected capitalised words before it are dropped.
 */
export function peopleIn(text: string): NamedPerson[] {
  const names: (readonly [number, number])[] = [];
  for (const run of text.matchAll(CAPITALISED_RUN)) {
    const name = personInRun(run[0]);
    if (name) names.push([(run.index ?? 0) + name[0], (run.index ?? 0) + name[1]]);
  }
  return names.map(([start, end], i) => ({
    name: [start, end],
    role: roleBefore(text, start, i > 0 ? (names[i - 1] as readonly [number, number])[1] : null),
  }));
}

/** The person's name inside a run of capitalised words, as offsets into the run, or null. */
function personInRun(run: string): readonly [number, number] | null {
  const words = [...run.matchAll(/(?:\p{Lu}\.\s?)?\S+/gu)].map((m) => ({ word: m[0], start: m.index ?? 0 }));
  while (
    words.length > 2 &&
    INFLECTED.test((words[0] as { word: string }).word) &&
    !INITIAL_SURNAME.test((words[0] as { word: string }).word)
  )
    words.shift();
  const last = words.at(-1);
  if (!last) return null;
  // "Елбасы Н.Назарбаев": with an initial, the name is the last word alone.
  if (INITIAL_SURNAME.test(last.word)) return [last.start, last.start + last.word.length];
  const start = (words[0] as { start: number }).start;
  const end = last.start + last.word.length;
  if (words.length === 1) return INITIAL_SURNAME.test(last.word) ? [start, end] : null;
  return words.length <= 3 && CAPITALISED_SURNAME_ENDING.test(last.word.toLowerCase()) ? [start, end] : null;
}

function roleBefore(
  text: string,
  nameStart: number,
  previousNameEnd: number | null,
): readonly [number, number] | null {
  const lineStart = Math.max(0, text.lastIndexOf("\n", nameStart) + 1);
  const floor = Math.max(previousNameEnd ?? 0, lineStart);
  const words = [...text.slice(floor, nameStart).matchAll(/[^\s]+/gu)].map((m) => ({
    word: m[0],
    start: floor + (m.index ?? 0),
  }));
  let first = words.length;
  while (
    first > 0 &&
    nameStart - (words[first - 1] as { start: number }).start < 160 &&
    words.length - first < 10
  ) {
    const candidate = words[first - 1] as { word: string; start: number };
    if (previousNameEnd === null && CLAUSE_OPENER.test(candidate.word) && first < words.length) break;
    first--;
  }
  const role = words.slice(first);
  while (
    role.length > 0 &&
    (JOINER.test((role[0] as { word: string }).word) || (role[0] as { word: string }).word === ",")
  )
    role.shift();
  if (role.length === 0) return null;
  const start = (role[0] as { start: number }).start;
  const last = role.at(-1) as { word: string; start: number };
  let end = last.start + last.word.length;
  while (end > start && /[,\s]/.test(text[end - 1] ?? "")) end--;
  const leading = text.slice(start, end).match(/^[,\s]*/)?.[0].length ?? 0;
  return end > start + leading ? [start + leading, end] : null;
}
