import { detectLanguage, foldKazakh } from "../text/index.js";
import cues from "./answer-cues.json" with { type: "json" };
import { cyrillicWords, foldedWords } from "./question-text.js";

/**
 * English phrases that ask how the reader can do something ("how do I get to…", "how to
 * renew…"), folded like the question.
 */
const ENGLISH_HOW_TO = new RegExp(`(?:^|\\s)(?:${cues.howTo.join("|")})(?=\\s|$)`, "u");

/**
 * Russian "как" before an infinitive, one word allowed between ("как доехать", "как мне
 * получить", "как иностранцу получить", "как лучше доехать"). "Как президент назвал…" has no
 * infinitive after it.
 */
const RUSSIAN_HOW_TO = /(?:^|\s)как(?:\s+\p{L}+)?\s+(\p{L}+(?:ть|ти|чь|ться|тись))(?=\s|$)/gu;

/** Russian nouns ending as an infinitive does ("власть", "часть", "речь"). */
const NOT_INFINITIVES: ReadonlySet<string> = new Set(cues.notInfinitives);

/** Whether a text has "как" before a Russian infinitive (not before a noun ending like one). */
function russianHowTo(text: string): boolean {
  return [...text.matchAll(RUSSIAN_HOW_TO)].some((match) => !NOT_INFINITIVES.has(match[1] as string));
}

/**
 * Kazakh "қалай" with "-уға болады" after it ("қалай жетуге болады": how can one get to), or
 * with a verb in the first person right after it ("қалай барамын", "қалай пісіреміз": how do
 * I / we…). Folded: "калай", and Latin typing read in Cyrillic. "Қалай пайдалану керек" (how
 * must the councils use it) asks what the text prescribes and is not one of these.
 */
const KAZAKH_HOW_TO = new RegExp(
  foldKazakh(
    "(?:^|\\s)қалай(?:\\s+\\p{L}+)*?\\s+\\p{L}+(?:уға|уге|ға|ге)\\s+болад\\p{L}*|(?:^|\\s)қалай(?:\\s+\\p{L}+)?\\s+\\p{L}+(?:мын|мін|мыз|міз)(?=\\s|$)",
  ),
  "u",
);

/**
 * Whether a question asks how the reader can do something — get somewhere, obtain a document,
 * cook a dish: a procedure. A text answers one only where it uses every word of it; a news
 * article that names Almaty is no route from Almaty to Charyn.
 */
export function asksHowTo(question: string): boolean {
  const latin = detectLanguage(question) !== "en";
  return [foldedWords(question), cyrillicWords(question, latin)].some(
    (text) => ENGLISH_HOW_TO.test(text) || russianHowTo(text) || KAZAKH_HOW_TO.test(text),
  );
}

/** Requests for advice anywhere in a question ("посоветуй", "ұсыншы", "any recommendations"), folded. */
const ADVICE = cues.advice.map((cue) => foldKazakh(cue.replace(/\*$/, "")));
/** English imperatives that ask for advice only when they open the question ("recommend a…"). */
const ADVICE_OPENINGS = cues.adviceOpenings;

/**
 * Whether a question asks the bot for advice — recommend a film, a café, a book — not about
 * what the text recommends ("what did he recommend", "Президент не ұсынды?"). Like a how-to,
 * a text answers it only where it uses every word of it.
 */
export function asksForAdvice(question: string): boolean {
  const folded = foldedWords(question);
  if (ADVICE_OPENINGS.some((opening) => folded.startsWith(` ${opening} `))) return true;
  // Latin words always read in Cyrillic too: "kino usynyp jiber" looks English to the detector.
  return [folded, cyrillicWords(question, true)].some((text) =>
    ADVICE.some((cue) => text.includes(` ${cue}`)),
  );
}
