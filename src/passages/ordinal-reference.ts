import { foldKazakh, isStopword, KAZAKH_ORDINALS, latinToCyrillic } from "../text/index.js";
import fillers from "./ordinal-fillers.json" with { type: "json" };
import { cardinalOf, englishOrdinalOf, isSectionNoun, ordinalOf } from "./ordinals.js";

/** Kazakh tens that come before a unit ordinal ("он екінші" — twelfth), folded. */
const KAZAKH_TENS = new Map(
  (["он", "жиырма", "отыз", "қырық", "елу"] as const).map((word, i) => [foldKazakh(word), (i + 1) * 10]),
);

/**
 * The tens a word before a unit ordinal adds: "он" before "екінші". In Latin letters ("on
 * ekinshi") only before a Kazakh ordinal, since English "on the second" is no twelfth.
 */
function tensBefore(previous: string, ordinalWord: string): number {
  if (!/^[a-z]+$/.test(previous)) return KAZAKH_TENS.get(foldKazakh(previous)) ?? 0;
  if (!/^[a-z]+$/.test(ordinalWord) || englishOrdinalOf(ordinalWord) !== null) return 0;
  return KAZAKH_TENS.get(foldKazakh(latinToCyrillic(previous))) ?? 0;
}

/**
 * Words after which an ordinal is not a section number but ordinary prose: "бірінші рет" (for the
 * first time), "первый раз", "first time". A question "бірінші рет қашан өтті?" must not be taken
 * for a question about directive 1.
 */
const NOT_A_SECTION_AFTER =
  /^(?:рет|ретте|реттен|раз|раза|time|times|place|half|ден|дан|орын|орынға|кезекте|класс|сынып)$/;

/**
 * Words that may stand beside a bare ordinal in a follow-up question (data: ordinal-fillers.json),
 * folded so Kazakh typed without Kazakh letters counts too.
 */
const FILLER_WORDS: ReadonlySet<string> = new Set(fillers.words.map(foldKazakh));

/** Whether a (lower-case) word only fills a question around a section's number: a filler or a stop word. */
const isFiller = (word: string) => FILLER_WORDS.has(foldKazakh(word)) || isStopword(word);

const WORD = /[\p{L}\p{N}№#]+(?:[-‐‑–][\p{L}]+)?/gu;

/** A mention of a section number inside a question. */
export interface OrdinalReference {
  /** The number, 1-based. */
  readonly ordinal: number;
  /** The words that named it, as written (for logs and tests). */
  readonly surface: string;
}

/** The possessive endings of a Kazakh ordinal: "төртіншісі" is "the fourth of them", a noun understood. */
const KAZAKH_POSSESSIVE_ENDING = new RegExp(
  `^(?:${foldKazakh("сі|сы|сін|сын|сіне|сына|сінде|сында|сінің|сының")})$`,
);

/** Whether a Kazakh ordinal carries a possessive ending ("бесіншісінде" — in the fifth of them). */
function isPossessiveOrdinal(w: string): boolean {
  const folded = foldKazakh(latinToCyrillic(w));
  return KAZAKH_ORDINALS.some((ordinal) => {
    const base = foldKazakh(ordinal);
    return folded.startsWith(base) && KAZAKH_POSSESSIVE_ENDING.test(folded.slice(base.length));
  });
}

/** Words for "number" that stand beside a section's number ("number two directive", "тапсырма нөмірі 4"). */
const NUMBER_WORD = /^(?:number|no|nr|номер|нөмір|нөмірі)$/;

/**
 * Finds the section a question names: "төртінші тапсырма", "4-ші тапсырма", "четвёртое поручение",
 * "поручение №4", "directive number four", "the 4th directive", or a bare ordinal in a very short
 * question ("А төртінші?"). An ordinal followed by "рет"/"раз"/"time" is prose, not a reference.
 */
export function findOrdinalReference(question: string): OrdinalReference | null {
  const matches = [...question.matchAll(WORD)];
  const words = matches.map((m) => m[0]);
  const lower = words.map((w) => w.toLowerCase().replace(/ё/g, "е"));
  /** Whether the `k`th word ends its clause: punctuation or the end of the question follows. */
  const endsClause = (k: number) => {
    const match = matches[k];
    const rest = match ? question.slice((match.index ?? 0) + match[0].length).trimStart() : "x";
    return rest === "" || /^[,.;:!?—–-]/u.test(rest);
  };
  for (let i = 0; i < lower.length; i++) {
    const word = lower[i] as string;
    const next = lower[i + 1] ?? "";
    const unit = ordinalOf(word);
    if (unit !== null) {
      if (NOT_A_SECTION_AFTER.test(next)) continue;
      // "он екінші" is the twelfth, not the second.
      const tens = unit < 10 && i > 0 ? tensBefore(lower[i - 1] as string, word) : 0;
      const ordinal = tens + unit;
      const nearNoun =
        isSectionNoun(next) || isSectionNoun(lower[i - 1] ?? "") || isSectionNoun(lower[i + 2] ?? "");
      const bare = lower.every((other, j) => j === i || (tens > 0 && j === i - 1) || isFiller(other));
      const surface = tens > 0 ? `${words[i - 1]} ${words[i]}` : (words[i] as string);
      // "Бесіншісінде кімдерге не жүктеді?": the possessive names the section understood.
      if (nearNoun || bare || isPossessiveOrdinal(word)) return { ordinal, surface };
      continue;
    }
    // "2 тапсырма", "7 поручение": a number written in digits right before the noun.
    const digits = /^(?:№|#)?(\d{1,2})$/.exec(word);
    if (digits && isSectionNoun(next))
      return { ordinal: Number(digits[1]), surface: `${words[i]} ${words[i + 1]}` };
    // "3-тапсырма", "7-пункт": the digit joined to the noun by a hyphen, read as one word.
    const joined = /^(?:№|#)?(\d{1,2})[-‐‑–](\p{L}+)$/u.exec(word);
    if (joined && isSectionNoun(joined[2] as string))
      return { ordinal: Number(joined[1]), surface: words[i] as string };
    // "no. 6", "nr 6": the abbreviation numbers an item of a list.
    if (/^(?:no|nr)$/.test(word) && /^\d{1,2}$/.test(next))
      return { ordinal: Number(next), surface: `${words[i]} ${words[i + 1]}` };
    // "number two directive", "номер 2 поручение": the number, then the noun.
    if (NUMBER_WORD.test(word) && isSectionNoun(lower[i + 2] ?? "")) {
      const cardinal = cardinalOf(next);
      if (cardinal !== null && cardinal > 0)
        return { ordinal: cardinal, surface: words.slice(i, i + 3).join(" ") };
    }
    // "number eight, what did they…", "and number 5?": the number alone opens the question.
    if (NUMBER_WORD.test(word) && endsClause(i + 1) && lower.slice(0, i).every(isFiller)) {
      const cardinal = cardinalOf(next);
      if (cardinal !== null && cardinal > 0)
        return { ordinal: cardinal, surface: `${words[i]} ${words[i + 1]}` };
    }
    // "directive 4", "поручение №4", "directive number four", "тапсырма нөмірі 4".
    if (isSectionNoun(word)) {
      let j = i + 1;
      if (NUMBER_WORD.test(lower[j] ?? "") || /^(?:под|№|#)$/.test(lower[j] ?? "")) j++;
      if (lower[j] === "номером") j++;
      const cardinal = cardinalOf(lower[j] ?? "");
      if (cardinal !== null && cardinal > 0)
        return { ordinal: cardinal, surface: `${words[i]} ${words.slice(i + 1, j + 1).join(" ")}` };
    }
    // "№4", "#4", "number 4" before a noun or standing alone in a short question.
    const hash = /^(?:№|#)(\d{1,2})$/.exec(word);
    if (hash) return { ordinal: Number(hash[1]), surface: words[i] as string };
  }
  return null;
}
