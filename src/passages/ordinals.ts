import { editDistance, foldKazakh, isStopword, KAZAKH_ORDINALS, latinToCyrillic } from "../text/index.js";
import fillers from "./ordinal-fillers.json" with { type: "json" };

/**
 * Ordinal words in Kazakh, Russian and English. Two stages use them: passage building (a line that
 * is only an ordinal word — "Төртінші" — heads a numbered section) and the retriever's structure leg
 * (a question naming "the fourth directive" wants that section). Keeping one table here means a
 * heading the splitter recognises is always one a question can name.
 */

/** Kazakh cardinal roots 1–10, from which the ordinals (+ыншы/інші) and their inflections grow. */
const KAZAKH_CARDINALS = ["бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он"] as const;

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

/** Russian ordinal stems 1–10; an adjective ending follows ("четвёрт|ое", "трет|ья"). */
const RUSSIAN_ORDINAL_STEMS = [
  "перв",
  "втор",
  "трет",
  "четверт",
  "пят",
  "шест",
  "седьм",
  "восьм",
  "девят",
  "десят",
];
// "ие"/"ия": "третье" typed in Latin without the soft sign ("tretie").
const RUSSIAN_ADJECTIVE_ENDING =
  /^(?:ый|ой|ий|ая|ое|ые|ого|ому|ом|ую|ых|ым|ыми|ье|ья|ьей|ьего|ьему|ьем|ью|ьи|ьих|ьим|ие|ия)$/;
const RUSSIAN_CARDINALS = [
  "один",
  "два",
  "три",
  "четыре",
  "пять",
  "шесть",
  "семь",
  "восемь",
  "девять",
  "десять",
];

const ENGLISH_ORDINALS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];
const ENGLISH_CARDINALS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/**
 * Words after which an ordinal is not a section number but ordinary prose: "бірінші рет" (for the
 * first time), "первый раз", "first time". A question "бірінші рет қашан өтті?" must not be taken
 * for a question about directive 1.
 */
const NOT_A_SECTION_AFTER =
  /^(?:рет|ретте|реттен|раз|раза|time|times|place|half|ден|дан|орын|орынға|кезекте|класс|сынып)$/;

/**
 * Nouns that make an adjacent number or ordinal a reference to a numbered section, matched on the
 * word with Kazakh letters folded ("миндет" = "міндет") and on a Latin word's Cyrillic reading
 * ("poruchenie"). "one" stands for the noun after an ordinal ("the sixth one").
 */
const SECTION_NOUN =
  /^(?:тапсырм\p{L}*|миндет\p{L}*|багыт\p{L}*|поручени\p{L}*|задани\p{L}*|задач\p{L}*|директив\p{L}*|указани\p{L}*|пункт\p{L}*|directives?|instructions?|tasks?|orders?|points?|items?|assignments?|mandates?|sections?|ones?)$/u;

/** Long section nouns a typing slip may mangle ("тапсрыма", "dirctive"): one slip is forgiven. */
const SLIPPABLE_NOUNS = [
  "тапсырма",
  "поручение",
  "директива",
  "указание",
  "directive",
  "instruction",
  "assignment",
];

/** Whether a (lower-case) word is a section noun, as typed, folded, transliterated or with one slip. */
export function isSectionNoun(word: string): boolean {
  if (word === "") return false;
  const forms = [foldKazakh(word), ...(/^[a-z]+$/.test(word) ? [foldKazakh(latinToCyrillic(word))] : [])];
  if (forms.some((form) => SECTION_NOUN.test(form))) return true;
  const letters = [...word];
  return SLIPPABLE_NOUNS.some((noun) => {
    const length = [...noun].length;
    return [length - 1, length, length + 1].some(
      (cut) => cut <= letters.length && editDistance(letters.slice(0, cut).join(""), noun, 1) <= 1,
    );
  });
}

/**
 * Words that may stand beside a bare ordinal in a follow-up question (data: ordinal-fillers.json),
 * folded so Kazakh typed without Kazakh letters counts too.
 */
const FILLER_WORDS: ReadonlySet<string> = new Set(fillers.words.map(foldKazakh));

const WORD = /[\p{L}\p{N}№#]+(?:[-‐‑–][\p{L}]+)?/gu;

/** A mention of a section number inside a question. */
export interface OrdinalReference {
  /** The number, 1-based. */
  readonly ordinal: number;
  /** The words that named it, as written (for logs and tests). */
  readonly surface: string;
}

/**
 * The ordinal a single word stands for ("төртінші", "төртіншісі", "четвёртое", "fourth", "4-ші",
 * "4th"), or `null`. Adverbial Kazakh forms ("біріншіден" — firstly) are NOT ordinals of a section:
 * they number the points of a speech, a different list.
 */
export function ordinalOf(word: string): number | null {
  const w = word.toLowerCase().replace(/ё/g, "е").replace(/[‐‑–]/g, "-");
  const direct = kazakhOrdinalOf(w) ?? russianOrdinalOf(w) ?? englishOrdinalOf(w) ?? numericOrdinalOf(w);
  if (direct !== null) return direct;
  // A digit with a Kazakh or Russian ending typed in Latin letters: "7-shi", "4-inshi", "5-oe".
  const latinEnding = /^(\d{1,2}-?)([a-z]+)$/.exec(w);
  if (latinEnding) return numericOrdinalOf(`${latinEnding[1]}${latinToCyrillic(latinEnding[2] as string)}`);
  if (!/^[a-z]+$/.test(w)) return null;
  // Kazakh or Russian typed in Latin letters: "tortinshi", "chetvertoe".
  const cyrillic = latinToCyrillic(w).replace(/ё/g, "е");
  return kazakhOrdinalOf(cyrillic) ?? russianOrdinalOf(cyrillic);
}

/**
 * Inflected forms: -сі/-сы (its), -ге/-ға (to), -де (in), -ні (acc.), -нің (gen.)… but not the
 * adverb -ден/-дан ("біріншіден" = firstly), which numbers a different list. Folded, so that a
 * word typed without Kazakh letters ("тортиншиси") reads the same.
 */
const KAZAKH_ORDINAL_ENDING = new RegExp(
  `^(?:${foldKazakh("сі|сы|сін|сын|сіне|сына|сінде|сында|сінің|сының|ге|ға|де|да|ні|ны|нің|ның|лер|лар")})$`,
);

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

function kazakhOrdinalOf(w: string): number | null {
  const folded = foldKazakh(w);
  for (let i = 0; i < KAZAKH_ORDINALS.length; i++) {
    const base = foldKazakh(KAZAKH_ORDINALS[i] as string);
    if (!folded.startsWith(base)) continue;
    const rest = folded.slice(base.length);
    if (rest === "" || KAZAKH_ORDINAL_ENDING.test(rest)) return i + 1;
  }
  return null;
}

function russianOrdinalOf(w: string): number | null {
  for (let i = 0; i < RUSSIAN_ORDINAL_STEMS.length; i++) {
    const stem = RUSSIAN_ORDINAL_STEMS[i] as string;
    if (w.startsWith(stem) && RUSSIAN_ADJECTIVE_ENDING.test(w.slice(stem.length))) return i + 1;
  }
  return null;
}

function englishOrdinalOf(w: string): number | null {
  const index = ENGLISH_ORDINALS.indexOf(w);
  return index >= 0 ? index + 1 : null;
}

/** "4-ші", "4-інші", "4-ое", "4-е", "4-й", "4th", "4-th". */
function numericOrdinalOf(w: string): number | null {
  // "8ши", "5-инши": the Kazakh endings typed without Kazakh letters too.
  const match =
    /^(\d{1,2})(?:-?(?:ші|шы|інші|ыншы|нші|ншы|ши|инши|нши|ое|е|й|ый|ая|ья|ой|го|м|th|st|nd|rd))$/.exec(w);
  return match ? Number(match[1]) : null;
}

/** A cardinal ("four", "четыре", "төрт", "4", "№4", "#4") as a number, or `null`. */
export function cardinalOf(word: string): number | null {
  const w = word.toLowerCase();
  const digits = /^(?:№|#)?(\d{1,2})$/.exec(w);
  if (digits) return Number(digits[1]);
  for (const table of [
    ENGLISH_CARDINALS,
    RUSSIAN_CARDINALS,
    KAZAKH_CARDINALS,
  ] as readonly (readonly string[])[]) {
    const index = table.indexOf(w);
    if (index >= 0) return index + 1;
  }
  return null;
}

/**
 * The section number a heading line stands for: a line that holds nothing but one ordinal word,
 * perhaps inside an opening quote or followed by punctuation ("«Бірінші", "Екінші.", "Fourth:").
 * Returns `null` for everything else, including prose that merely starts with an ordinal.
 */
export function headingOrdinalOf(line: string): { ordinal: number; label: string } | null {
  const bare = line
    .trim()
    .replace(/^[«"“„'(\s]+/, "")
    .replace(/[.:)\s»"”]+$/, "");
  if (!/^[\p{L}]+$/u.test(bare)) return null;
  const ordinal = ordinalOf(bare);
  return ordinal === null ? null : { ordinal, label: bare };
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
      const bare = lower.every(
        (other, j) =>
          j === i || (tens > 0 && j === i - 1) || FILLER_WORDS.has(foldKazakh(other)) || isStopword(other),
      );
      const surface = tens > 0 ? `${words[i - 1]} ${words[i]}` : (words[i] as string);
      // "Бесіншісінде кімдерге не жүктеді?": the possessive names the section understood.
      if (nearNoun || bare || isPossessiveOrdinal(word)) return { ordinal, surface };
      continue;
    }
    // "2 тапсырма", "7 поручение": a number written in digits right before the noun.
    const digits = /^(?:№|#)?(\d{1,2})$/.exec(word);
    if (digits && isSectionNoun(next))
      return { ordinal: Number(digits[1]), surface: `${words[i]} ${words[i + 1]}` };
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
    if (
      NUMBER_WORD.test(word) &&
      endsClause(i + 1) &&
      lower.slice(0, i).every((w) => FILLER_WORDS.has(w) || isStopword(w))
    ) {
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

/**
 * True for the Kazakh adverbs that number the points of an argument ("Біріншіден" — firstly,
 * "Екіншіден" — secondly). A paragraph that starts with one begins a new passage, but never a
 * numbered section: those points are a different list from the directives.
 */
export function isEnumerationAdverb(word: string): boolean {
  const w = word
    .toLowerCase()
    .replace(/^[«"“„']+/, "")
    .replace(/[,.:]+$/, "");
  return (
    KAZAKH_ORDINALS.some((base) => w === `${base}ден` || w === `${base}дан`) ||
    /^(?:firstly|secondly|thirdly|во-первых|во-вторых|в-третьих)$/.test(w)
  );
}
