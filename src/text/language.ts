/**
 * Language detection for questions and documents (Kazakh, Russian, English).
 *
 * The bot answers in the language of the question, and the analyzer stems Cyrillic words that
 * have no Kazakh-specific letter as Russian only when the whole text is Russian. Letters alone do
 * not settle it: many Kazakh sentences have no ә/ғ/қ/ң/ө/ұ/ү/һ/і ("Тапсырма не туралы?"), so
 * function words and endings decide between Kazakh and Russian.
 */
import { foldKazakh } from "./fold.js";
import { KAZAKH_SPECIFIC_LETTERS, normalizeText } from "./normalize.js";
import { ENGLISH_STOPWORDS, FOLDED_KAZAKH_FUNCTION_WORDS, RUSSIAN_STOPWORDS } from "./stopwords.js";
import { wordSpans } from "./tokenize.js";
import { latinToCyrillicVariants } from "./transliterate.js";

/** A language the bot understands. */
export type Language = "kk" | "ru" | "en";

/** Frequent Kazakh words WITHOUT Kazakh-specific letters (the others are caught by letters). */
const KAZAKH_MARKERS = new Set(
  (
    "не неге неше туралы жайлы бойынша арқылы мен бен пен ма ме ба бе па пе бар жоқ осы сол " +
    "ол олар оны оның деп деді деген дейін кейін емес еді екен жасады болды болып " +
    "болады табылады тапсырма тапсырмасы жастар жыл жылы жылдары сессиясы жоспар " +
    "атты алды берді сала арасында"
  ).split(" "),
);

/** Frequent Russian function and question words. */
const RUSSIAN_MARKERS = new Set(
  (
    "что чем чём кто какой какая какое какие каких когда где куда сколько почему зачем как ли " +
    "о об в во на с со к по из от до за для при про у и а но или не ни это этот эта эти был " +
    "была было были есть является такой такая такое также который которая которые его ее её их он она они " +
    "перед после через между расскажи скажи"
  ).split(" "),
);

/**
 * Endings typical of Russian inflection and rare at the end of a Kazakh word — among them the
 * past tense ("произошло", "открыли", "назначила"). Native Kazakh words have о only in their
 * first syllable, so a long word ending in -ло is not Kazakh; -ла only after и/ы ("қала" stays).
 */
const RUSSIAN_ENDING =
  /(?:ого|его|ому|ему|ая|яя|ое|ее|ые|ие|ый|ий|ых|их|ую|ешь|ется|ются|ться|ть|ение|ения|ии|ию|ией|[^дт]ей|тель|теля|тели|ость|ости|ов|ев|ами|ями|ях|ом|\p{L}{2}ло|[аеиыя]ли|[иы]ла|ился|илась|ились|ался|алась|ались)$/u;
/** Endings typical of Kazakh inflection (plural, case, possessive, verb) and rare in Russian. */
const KAZAKH_ENDING =
  /(?:лар|лер|дар|дер|тар|тер|ның|дың|тың|дан|ден|тан|тен|нан|нен|ға|ге|қа|ке|да|де|та|те|ды|ты|ны|сы|ып|ған|ады|йды|мыз|сын|ма)$/;

const KAZAKH_LETTER = new RegExp(`[${KAZAKH_SPECIFIC_LETTERS}]`, "u");
const RUSSIAN_ONLY_LETTER = /[ёъэщ]/u;

/** Kazakh words that show a Cyrillic text is Kazakh even when typed without Kazakh letters ("кандай"). */
const FOLDED_KAZAKH_MARKERS: ReadonlySet<string> = new Set(
  [...KAZAKH_MARKERS, ...FOLDED_KAZAKH_FUNCTION_WORDS].map(foldKazakh).filter((w) => [...w].length >= 2),
);

/**
 * The language of a text typed in Latin letters: English, or Kazakh or Russian typed on a Latin
 * keyboard ("tortinshi tapsyrma turaly", "kogda otkryli portal"), by their function words read in
 * Cyrillic. English wins ties.
 */
function latinTextLanguage(text: string): Language {
  let en = 0;
  let kk = 0;
  let ru = 0;
  for (const { word } of wordSpans(text)) {
    if (!/^[a-z']+$/.test(word)) continue;
    if (ENGLISH_STOPWORDS.has(word)) {
      en += 1;
      continue;
    }
    const readings = latinToCyrillicVariants(word);
    if (readings.some((c) => FOLDED_KAZAKH_MARKERS.has(foldKazakh(c)))) kk += 1;
    else if (readings.some((c) => RUSSIAN_STOPWORDS.has(c) || RUSSIAN_MARKERS.has(c))) ru += 1;
  }
  if (kk > en && kk >= ru) return "kk";
  if (ru > en && ru > kk) return "ru";
  return "en";
}

/**
 * Detects the language of a question or text. Mostly Latin letters: English, unless Kazakh or
 * Russian function words typed in Latin outvote English ones. Among Cyrillic texts a vote: words
 * with a Kazakh-specific letter, Kazakh or Russian function words (Kazakh ones also as typed
 * without Kazakh letters: "кандай", "ким") and words with ё/ъ/э/щ weigh 2, typical endings 1;
 * Russian needs a lead of 2, so ties and lone names ("Салжанов", "Виталий") go to Kazakh, the
 * corpus language. Null when the text has no letters at all.
 */
export function detectLanguage(text: string): Language | null {
  const normalized = normalizeText(text);
  let latin = 0;
  let cyrillic = 0;
  for (const ch of normalized) {
    if (/\p{Script=Latin}/u.test(ch)) latin++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic++;
  }
  if (latin === 0 && cyrillic === 0) return null;
  if (latin > cyrillic) return latinTextLanguage(normalized);
  let kk = 0;
  let ru = 0;
  for (const { word, start, end } of wordSpans(text)) {
    if (!/\p{Script=Cyrillic}/u.test(word)) continue;
    if (KAZAKH_LETTER.test(word) || KAZAKH_MARKERS.has(word)) kk += 2;
    else if (RUSSIAN_MARKERS.has(word)) ru += 2;
    else if (RUSSIAN_ONLY_LETTER.test(text.slice(start, end).toLowerCase())) ru += 2;
    else if (FOLDED_KAZAKH_MARKERS.has(word)) kk += 2;
    else if (RUSSIAN_ENDING.test(word)) ru += 1;
    else if (KAZAKH_ENDING.test(word)) kk += 1;
  }
  // Russian must win by a whole marker: one Russian-looking ending ("Виталий") is not enough.
  return ru >= kk + 2 ? "ru" : "kk";
}
