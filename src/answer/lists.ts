import cues from "./answer-cues.json" with { type: "json" };
import { peopleIn } from "./names.js";

/*
 * Lists in a passage, for the answer gate (stated.ts): whether a sentence spells a list out, and
 * where a list ends right before the sentence about it. Apart because what makes a list is its
 * own reading of a sentence (people, quoted names, enumerating words, short items between commas).
 */

/** A stretch of a passage's text and where it starts in the passage. */
export interface Span {
  readonly start: number;
  readonly text: string;
}

/**
 * The `i`th sentence with the one before it, when the question's words open the `i`th: a list
 * may end right before the words about it ("…Н.Романова, Р.Аушев, ҚР Білім және ғылым министрі
 * Е.Сағадиев… / сөз сөйлеп…": the names, then "spoke", so "which minister spoke" is answered),
 * not anywhere before them ("…сөз сөйлеп, …, бес әлеуметтік бастаманың мән-маңызына тоқталды"
 * lists the speakers, not the five initiatives).
 */
export function withListJustBefore(
  passage: { readonly text: string; readonly highlights: readonly (readonly [number, number])[] },
  sentences: readonly Span[],
  i: number,
): { readonly whole: Span; readonly list: Span } | undefined {
  const sentence = sentences[i];
  if (!sentence || i === 0) return undefined;
  const opening = sentence.start + sentence.text.split(/\s+/u).slice(0, LIST_TAIL_WORDS).join(" ").length;
  const opens = passage.highlights.some(([s]) => s >= sentence.start && s < opening);
  const before = sentences[i - 1];
  if (!opens || !before) return undefined;
  const end = sentence.start + sentence.text.length;
  return { whole: { start: before.start, text: passage.text.slice(before.start, end) }, list: before };
}

/**
 * Whether a sentence spells out the parts of something rather than only naming it: two people or
 * more, two quoted names or more, enumerating words ("біріншіден", "во-первых", "firstly"), a
 * colon before the list, or a run of short items between commas and "and" ("Астана, Алматы
 * және облыс әкімдері"). "«Бес әлеуметтік бастаманы» іске асырудың негізгі үш тетігіне тоқталып…" names the
 * five initiatives and lists none of them.
 */
export function enumerates(sentence: string): boolean {
  if (peopleIn(sentence).length >= 2) return true;
  if ((sentence.match(/«[^»]+»/gu) ?? []).length >= 2) return true;
  if (ENUMERATOR.test(sentence)) return true;
  if (/:\s*\S+(?:\s+\S+){2,}/u.test(sentence)) return true;
  const shortItems = sentence
    .split(LIST_SEPARATOR)
    .filter((item) => item.trim().split(/\s+/u).length <= MAX_LIST_ITEM_WORDS);
  return shortItems.length >= MIN_SHORT_ITEMS;
}

/** Words that number the parts of a list ("біріншіден", "во-первых", "firstly"). */
const ENUMERATOR = new RegExp(`(?<!\\p{L})(?:${cues.enumerators.join("|")})(?!\\p{L})`, "iu");
/** How near the start of a sentence the words about a list ending just before it must stand. */
const LIST_TAIL_WORDS = 3;
/** What stands between the items of a list: a comma, a semicolon, "and" ("және", "мен", "и"). */
const LIST_SEPARATOR = new RegExp(`[,;]|\\s(?:${cues.listJoins.join("|")})\\s`, "u");
/**
 * Most words of one item in a list, and fewest such items that make one: Kazakh strings clauses
 * with commas too ("…тақырыбына орай, Ассамблеяға жаңа міндеттер жүктеп, нақты тапсырмалар
 * берді"), but their parts run longer.
 */
const MAX_LIST_ITEM_WORDS = 3;
const MIN_SHORT_ITEMS = 3;
