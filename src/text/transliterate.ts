import { foldKazakh } from "./fold.js";

/**
 * Latin → Cyrillic transliteration of names.
 *
 * English (and Latin-script Kazakh) questions spell Kazakh names in Latin letters
 * ("Salzhanov", "Nazarbayev", "Tvarionas", "Astana") while the passages spell them in Cyrillic.
 * Transliterating a Latin query word gives the keyword index a Cyrillic term that can meet the
 * passage. The rules follow the common Russian-style romanization used for Kazakh names
 * (zh, kh, sh, shch, ch, ts, ya/yu/yo/ye, -ay/-ey/-iy) plus the Kazakh Latin letters q and gh.
 */

/** Multi-letter sequences, tried before single letters (longest first). */
const DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ["shch", "щ"],
  ["sch", "ш"],
  // Kazakh in Latin letters: "aitshy" is "айт" + "шы", not "ц" + "хы".
  ["tsh", "тш"],
  ["zh", "ж"],
  ["kh", "х"],
  ["sh", "ш"],
  ["ch", "ч"],
  ["ts", "ц"],
  ["gh", "ғ"],
  ["yo", "е"],
  ["yu", "ю"],
  ["ya", "я"],
  ["ye", "е"],
  ["ph", "ф"],
  ["ck", "к"],
  ["x", "кс"],
];

const LETTERS: Readonly<Record<string, string>> = {
  a: "а",
  b: "б",
  d: "д",
  e: "е",
  f: "ф",
  g: "г",
  h: "х",
  i: "и",
  j: "ж",
  k: "к",
  l: "л",
  m: "м",
  n: "н",
  o: "о",
  p: "п",
  q: "қ",
  r: "р",
  s: "с",
  t: "т",
  u: "у",
  v: "в",
  w: "у",
  z: "з",
};

const VOWEL = /[aeiouy]/;

/**
 * Transliterates one Latin word to lower-case Cyrillic, e.g. "Salzhanov" → "салжанов",
 * "Nazarbayev" → "назарбаев", "Tvarionas" → "тварионас", "Astana" → "астана". "y" is "й" after
 * a vowel ("Sarsenbay" → "сарсенбай"), "ы" after a consonant ("Almaty" → "алматы"); "c" is "ц"
 * before e/i/y and "к" otherwise. Characters that are not Latin letters are kept as they are.
 */
export function latinToCyrillic(word: string): string {
  const w = word.normalize("NFC").toLowerCase();
  let out = "";
  let i = 0;
  while (i < w.length) {
    const rest = w.slice(i);
    const digraph = DIGRAPHS.find(([latin]) => rest.startsWith(latin));
    if (digraph) {
      out += digraph[1];
      i += digraph[0].length;
      continue;
    }
    const ch = w[i] ?? "";
    const prev = w[i - 1];
    if (ch === "y") out += prev !== undefined && VOWEL.test(prev) ? "й" : "ы";
    else if (ch === "c") out += /[eiy]/.test(w[i + 1] ?? "") ? "ц" : "к";
    else if (ch === "'") out += "";
    else out += LETTERS[ch] ?? ch;
    i++;
  }
  return out;
}

/**
 * All spellings worth searching for a Latin word: the transliteration; when the word has a
 * doubled consonant, the same with it single ("Orynbassarova" → "орынбассарова",
 * "орынбасарова"): romanizations double "s" to keep it voiceless, Cyrillic does not; and when an
 * "i" closes a syllable after a vowel, the same with "й" ("Aigul" → "айгул", "Kairat" →
 * "кайрат"), which romanizations write as "i" as often as "y" — and, Kazakh typed in Latin
 * letters, "iy" after a vowel is "й" + "ы" ("jaiynda" → "жайында"), not the Russian ending "ий".
 */
export function latinToCyrillicVariants(word: string): string[] {
  const primary = latinToCyrillic(word);
  const single = primary.replace(/([бвгджзклмнпрстфхцчш])\1/g, "$1");
  const diphthong = (spelling: string) =>
    spelling
      .replace(/([аеоуыэюя])ий(?=[^аеиоуыэюя]|$)/g, "$1йы")
      .replace(/([аеоуыэюя])и(?=[^аеиоуыэюя]|$)/g, "$1й");
  return [...new Set([primary, single, diphthong(primary), diphthong(single)])];
}

/**
 * A word's folded spellings, to match cue words against: the word with Kazakh letters folded
 * ("қандай" → "кандай") and, for a Latin word when `readLatin` (a Kazakh or Russian question, not
 * an English one, whose "century" must not read as Russian "цен…"), its Cyrillic readings folded
 * too ("qandai" → "кандай"). The first is always the word itself.
 */
export function foldedReadings(word: string, readLatin = true): string[] {
  const cyrillic = readLatin && /^[a-z']+$/.test(word) ? latinToCyrillicVariants(word) : [];
  return [word, ...cyrillic].map(foldKazakh);
}
