import { editDistance, foldKazakh, KAZAKH_ORDINALS, latinToCyrillic } from "../text/index.js";

/**
 * Ordinal words in Kazakh, Russian and English. Two stages use them: passage building (a line that
 * is only an ordinal word — "Төртінші" — heads a numbered section) and the retriever's structure leg
 * (a question naming "the fourth directive" wants that section). Keeping one table here means a
 * heading the splitter recognises is always one a question can name.
 */

/** Kazakh cardinal roots 1–10, from which the ordinals (+ыншы/інші) and their inflections grow. */
const KAZAKH_CARDINALS = ["бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он"] as const;

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
 * Nouns that make an adjacent number or ordinal a reference to a numbered section, matched on the
 * word with Kazakh letters folded ("миндет" = "міндет") and on a Latin word's Cyrillic reading
 * ("poruchenie"). "one" stands for the noun after an ordinal ("the sixth one"); "tsk" is how
 * "task" is shortened in a chat.
 */
const SECTION_NOUN =
  /^(?:тапсырм\p{L}*|миндет\p{L}*|багыт\p{L}*|поручени\p{L}*|задани\p{L}*|задач\p{L}*|директив\p{L}*|указани\p{L}*|пункт\p{L}*|directives?|instructions?|tasks?|tsks?|orders?|points?|items?|assignments?|mandates?|sections?|ones?)$/u;

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
  // Kazakh or Russian typed in Latin letters: "tortinshi", "chetvertoe", and "vosmoe", "sedmoe"
  // without the soft sign Latin has no letter for.
  const cyrillic = latinToCyrillic(w).replace(/ё/g, "е");
  return kazakhOrdinalOf(cyrillic) ?? russianOrdinalOf(cyrillic) ?? russianOrdinalOf(cyrillic, true);
}

/**
 * Inflected forms: -сі/-сы (its), -ге/-ға (to), -де (in), -ні (acc.), -нің (gen.)… but not the
 * adverb -ден/-дан ("біріншіден" = firstly), which numbers a different list. Folded, so that a
 * word typed without Kazakh letters ("тортиншиси") reads the same.
 */
const KAZAKH_ORDINAL_ENDING = new RegExp(
  `^(?:${foldKazakh("сі|сы|сін|сын|сіне|сына|сінде|сында|сінің|сының|ге|ға|де|да|ні|ны|нің|ның|лер|лар")})$`,
);

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

function russianOrdinalOf(w: string, withoutSoftSign = false): number | null {
  for (let i = 0; i < RUSSIAN_ORDINAL_STEMS.length; i++) {
    const stem = withoutSoftSign
      ? (RUSSIAN_ORDINAL_STEMS[i] as string).replace(/ь/g, "")
      : (RUSSIAN_ORDINAL_STEMS[i] as string);
    if (w.startsWith(stem) && RUSSIAN_ADJECTIVE_ENDING.test(w.slice(stem.length))) return i + 1;
  }
  return null;
}

/**
 * The English ordinal word ("fourth") as a number, or `null`. An ordinal of six letters or more
 * may carry one typing slip ("eigth", "fouth", "sevnth"), unless the word is another number word
 * a slip away ("eighty", "seventy", "seconds", "forth"); shorter ones may not ("sixty", "fifty").
 */
export function englishOrdinalOf(w: string): number | null {
  const index = ENGLISH_ORDINALS.indexOf(w);
  if (index >= 0) return index + 1;
  if (!/^[a-z]{5,}$/.test(w) || ORDINAL_LOOKALIKES.has(w)) return null;
  const slipped = ENGLISH_ORDINALS.findIndex(
    (ordinal) => ordinal.length >= MIN_SLIPPABLE_ORDINAL && editDistance(w, ordinal, 1) <= 1,
  );
  return slipped >= 0 ? slipped + 1 : null;
}

/** Shortest English ordinal a slip is forgiven in: shorter ones are a letter from other words. */
const MIN_SLIPPABLE_ORDINAL = 6;
/** English words a slip from a long ordinal that are words of their own. */
const ORDINAL_LOOKALIKES = new Set([
  "seconds",
  "fourths",
  "forth",
  "eighty",
  "eights",
  "seventy",
  "sevenths",
]);

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
