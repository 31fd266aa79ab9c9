/**
 * Light Russian and English stemmers and the per-word choice between them and the Kazakh one.
 *
 * The corpus is Kazakh; Russian and English matter only for questions, where what can meet a
 * Kazakh passage are names and a few loanwords. So these stemmers are deliberately light: they
 * strip one inflectional ending and leave names ("Назарбаев", "Салжанов") intact.
 */
import { type KazakhStemOptions, stemKazakh } from "./kazakh-stemmer.js";
import type { Language } from "./language.js";
import { KAZAKH_SPECIFIC_LETTERS } from "./normalize.js";

/**
 * Russian inflectional endings, longest first. Genitive plural -ов/-ев/-ей is left out on
 * purpose: it is how Kazakh and Russian surnames end ("Назарбаев", "Салжанов"). The plural past
 * ("назначили", "выступали") loses its vowel as the infinitive does ("назначить", "выступать"),
 * so both meet one stem; "-ели" is left out ("недели" is a noun), and so are the singular
 * "-ал/-ил" ("капитал", "капитала").
 */
const RU_ENDINGS = (
  "иями ями ами ого его ому ему ыми ими ешь ишь ете ите ется ится ются ятся ться тся али яли или ули " +
  "ать ять ить еть уть ах ях ам ям ом ем ым им ой ою ую юю ая яя ое ее ые ие ый ий ых их " +
  "ья ье ью ьи ет ит ут ют ат ят ть а я о е у ю ы и ь й"
)
  .split(" ")
  .sort((a, b) => b.length - a.length);

/** Endings of nouns in -ия/-ие/-ея (сессии, ассамблее, поручением) after the "и"/"е". */
const IA_NOUN = /([ие])(?:ями|ям|ях|ей|ем|я|и|е|ю)$/;

/**
 * Light Russian stemmer: removes one inflectional ending (case, number, gender, person) when at
 * least three letters stay, so "поручения"/"поручение" and "Тварионаса"/"Тварионас" meet. Nouns
 * in -ия/-ие/-ея get the Kazakh loanword spelling instead ("сессии" → "сессия", "Ассамблее" →
 * "ассамблея"), the form Kazakh texts use for such loans, so Russian questions meet them.
 */
export function stemRussian(word: string): string {
  let w = word.replace(/ё/g, "е");
  if ((w.endsWith("ся") || w.endsWith("сь")) && w.length - 2 >= 4) w = w.slice(0, -2);
  const ia = IA_NOUN.exec(w);
  // Adjectives in -гие/-кие... ("русские", "другие") are not such nouns.
  if (ia && ia.index >= 3 && !/[гкхжшчщ]ие$/.test(w)) return `${w.slice(0, ia.index)}${ia[1]}я`;
  for (const ending of RU_ENDINGS) {
    if (w.endsWith(ending) && w.length - ending.length >= 3) return w.slice(0, -ending.length);
  }
  return w;
}

/**
 * Terms for a Russian word: its stem and, when a first-declension ending was cut ("Астане",
 * "Астаны"), also the stem + "а" — the nominative that Kazakh texts keep for such names ("Астана").
 * An adjective made from a place name ("нью-йоркского", "шымкентской") also gives the name
 * itself ("йорк", "шымкент"), which is how a Kazakh text writes it ("Нью-Йорк университеті").
 */
export function russianTerms(word: string): string[] {
  const stem = stemRussian(word);
  const cut = word.replace(/ё/g, "е").slice(stem.length);
  const terms = [stem];
  if (["а", "ы", "е", "у", "ой", "ою"].includes(cut) && !stem.endsWith("а")) terms.push(`${stem}а`);
  if (/[^аеиоуыэюя]ск$/.test(stem) && stem.length >= 6) terms.push(stem.slice(0, -2));
  return terms;
}

const EN_VOWEL = /[aeiouy]/;

/**
 * Light English stemmer (plural -s/-es/-ies, possessive 's, past -ed, gerund -ing), enough for
 * "tasks"/"task", "assigned"/"assign", "meetings"/"meeting"/"meet". Words of ≤ 3 letters and
 * -ss/-us/-is endings ("class", "status", "analysis") are kept.
 */
export function stemEnglish(word: string): string {
  let w = word.replace(/'s$|'$/, "");
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ["ing", "ed"]) {
    const stem = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && stem.length >= 3 && EN_VOWEL.test(stem)) {
      w = stem.endsWith("i") && suffix === "ed" ? `${stem.slice(0, -1)}y` : stem;
      if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  return w.replace(/'/g, "");
}

const KAZAKH_LETTER = new RegExp(`[${KAZAKH_SPECIFIC_LETTERS}]`);
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Language whose stemmer should handle this normalized word: Latin letters → "en"; Kazakh
 * specific letters → "kk"; other Cyrillic → the hint (the language of the whole text) or "kk"
 * without one, because most Kazakh words have no Kazakh-specific letter ("тапсырма", "жастар")
 * and the corpus is Kazakh; undefined for digits and other scripts.
 */
export function wordLanguage(word: string, hint?: Language | null): Language | undefined {
  if (LATIN.test(word)) return "en";
  if (KAZAKH_LETTER.test(word)) return "kk";
  if (CYRILLIC.test(word)) return hint === "ru" ? "ru" : "kk";
  return undefined;
}

/**
 * Stems one normalized word with the stemmer of its language (see wordLanguage); words of
 * other scripts and numbers come back unchanged.
 */
export function stemWord(word: string, hint?: Language | null, kazakh?: KazakhStemOptions): string {
  switch (wordLanguage(word, hint)) {
    case "kk":
      return stemKazakh(word, kazakh);
    case "ru":
      return stemRussian(word);
    case "en":
      return stemEnglish(word);
    default:
      return word;
  }
}
