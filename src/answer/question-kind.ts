import { asksForSummary } from "../passages/index.js";
import { detectLanguage, foldedReadings, foldKazakh, normalizeText, tokenizeWords } from "../text/index.js";

/** What a question asks for, as far as the answer's lead line is concerned. */
export type QuestionKind = "who" | "count" | "when" | "where" | "summary" | "other";

/** Question words per kind, in kk, ru and en (normalised: lower case, ё → е). */
const CUES: readonly [QuestionKind, RegExp][] = [
  ["who", /^(?:кім|кімдер|кімді|кімдерді|кімге|кімнің|кто|кого|кому|кем|who|whom|whose|whos|who's|who’s)$/],
  [
    "count",
    /^(?:қанша|неше|нешеу|нешінші|сколько|скольких|скольким|many|much|population|население|населения)$/,
  ],
  ["when", /^(?:қашан|когда|when)$/],
  ["where", /^(?:қайда|қай жерде|где|куда|откуда|where)$/],
];

/**
 * Multi-word cues: "қай жылы", "в каком году", "what year", "which city". "For whom", "who
 * benefits", "кому нужнее", "кімдерге керек" ask who benefits, which the text answers with a
 * group ("жастар үшін"), not a named person.
 */
const PHRASES: readonly [QuestionKind, RegExp][] = [
  [
    "other",
    /(?:кім үшін|кімдер үшін|для кого|для кого-то|for whom|who for|who benefits|who will benefit|who gains|кому (?:\p{L}+ ){0,3}(?:нужн|важн|полезн|выгодн)|кого (?:\p{L}+ ){0,3}охватыва|кім(?:дер)?ге (?:\p{L}+ ){0,3}(?:пайда|керек|маңызды)|кімдерді (?:\p{L}+ ){0,3}қамти)/u,
  ],
  [
    "when",
    /(?:қай жылы|қай күн|қай айда|қай уақытта|сағат нешеде|қашанға дейін|в каком году|в какой день|какого числа|в котором часу|до какого числа|what year|which year|what date|what day|which day|what time|deadline|until when)/,
  ],
  [
    "where",
    /(?:қай жерде|қай қала|қай ел|в каком городе|из какого города|из какой страны|в какой стране|which city|which country|what country|what place)/,
  ],
  // Which one in a numbered run ("какая по счёту сессия", "which session number"): a figure too.
  ["count", /(?:по сч[её]ту|как(?:ой|им) номер|н[өо]м[іе]р\p{L}* қандай|(?:which|what) (?:\p{L}+ )?number)/u],
  // "What's the name of the minister", "как зовут министра": a name is asked for, as by "who".
  ["who", /(?:назови|назовите|name the|name of the|whats the name|what is the name|как зовут|как звали)/],
];

/**
 * The kind of a question, from its question words in Kazakh, Russian or English. "Who were
 * appointed…?" wants names, "how many…?" a figure: the answer leads with that, taken from the
 * passage, before quoting the passage itself.
 */
export function questionKindOf(question: string): QuestionKind {
  if (asksForSummary(question)) return "summary";
  // Cues and question alike folded, so Kazakh typed without Kazakh letters ("ким", "канша")
  // reads the same; Kazakh or Russian typed in Latin letters is read in Cyrillic too ("kto").
  const latin = detectLanguage(question) !== "en";
  const tokens = tokenizeWords(question);
  const readings = tokens.map((word) => foldedReadings(word, latin));
  // "Many" and "much" ask a count only after "how": "a country with many ethnic groups" does not.
  const words = readings.flatMap((forms, i) =>
    HOW_WORDS.test(tokens[i] ?? "") && tokens[i - 1]?.toLowerCase() !== "how" ? [] : forms,
  );
  // Phrases are read in the question as typed and, typed in Latin ("qai jyly"), in Cyrillic:
  // with each word's first Cyrillic reading, and with its last (a word has one or two).
  const texts = [foldKazakh(normalizeText(question))];
  if (readings.some((forms) => forms.length > 1))
    for (const pick of [1, -1]) texts.push(readings.map((forms) => forms.at(pick) ?? forms[0]).join(" "));
  for (const [kind, phrase] of FOLDED_PHRASES) if (texts.some((text) => phrase.test(text))) return kind;
  for (const [kind, cue] of FOLDED_CUES) if (words.some((word) => cue.test(word))) return kind;
  return "other";
}

/** English count words that ask only in "how many", "how much". */
const HOW_WORDS = /^(?:many|much)$/i;

const fold = ([kind, pattern]: [QuestionKind, RegExp]): [QuestionKind, RegExp] => [
  kind,
  new RegExp(foldKazakh(pattern.source), pattern.flags),
];
const FOLDED_CUES = CUES.map(fold);
const FOLDED_PHRASES = PHRASES.map(fold);
