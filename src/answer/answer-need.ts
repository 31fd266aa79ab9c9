import { isSectionNoun } from "../passages/index.js";
import {
  cueMatcher,
  detectLanguage,
  foldedReadings,
  foldKazakh,
  isStopword,
  type Language,
  looksLikeVerb,
  normalizeText,
  tokenizeWords,
} from "../text/index.js";
import cues from "./answer-cues.json" with { type: "json" };
import { asksHowTo } from "./how-to.js";
import type { QuestionKind } from "./question-kind.js";

/** What a question's answer must contain to count as one: the article may touch the topic without it. */
export type AnswerNeed =
  | "person"
  | "leader"
  | "body-or-person"
  | "full-name"
  | "figure"
  | "date"
  | "place"
  | "age"
  | "duration"
  | "money"
  | "address"
  | "speech"
  | "contents"
  | "name"
  | "procedure";

/**
 * What a "does not say" answer names as missing: what the question's need asked for, or
 * "earlier" — who or what came before, asked of a text that presents its subject as new
 * (earlier.ts), which no sentence-level need checks.
 */
export type MissingFact = AnswerNeed | "earlier";

/** A question's need, with the words that pin it down. */
export interface NeedOf {
  readonly need: AnswerNeed;
  /** Role words of a who-question ("әкімі", "mayor"): the person must stand beside them. */
  readonly roles: readonly string[];
  /** The words naming the thing counted ("how many *low-income families*"): the figure must stand beside one. */
  readonly counted: readonly string[];
  /** The institution a "which one" question asks the name of ("which *universities*"): a name must stand beside it. */
  readonly named: readonly string[];
}

type Matcher = (folded: string) => boolean;

/** A cue list read as words (see `cueMatcher`) and, for entries with a space, phrases. */
function matcher(entries: readonly string[]): { word: Matcher; phrases: readonly string[] } {
  return {
    word: cueMatcher(entries.filter((e) => !e.includes(" "))),
    phrases: entries.filter((e) => e.includes(" ")).map((e) => foldKazakh(e.replace(/\*$/, ""))),
  };
}

const AGE = matcher(cues.age);
const DURATION = matcher(cues.duration);
const MONEY = matcher(cues.money);
const MONEY_VALUE = matcher(cues.moneyValue);
const MONEY_SIZE = matcher(cues.moneySize);
const ADDRESS = matcher(cues.address);
const FULL_NAME = matcher(cues.fullName);
const ROLE = matcher(cues.role);
const INSTITUTION = matcher(cues.institutions);
const WHICH = matcher(cues.which);
const LEADS = matcher(cues.leads);
const SPEECH = matcher(cues.speech);
const WORKS = matcher(cues.works);
const CONTENTS = matcher(cues.contents);
const DOCUMENT = matcher(cues.documents);
const DOCUMENT_SAYS = matcher(cues.documentSays);
const COUNT_TAIL = matcher(cues.countTail);
const COUNT_SKIP = matcher(cues.countSkip);
/** A Kazakh genitive ending, folded ("-ның", "-дың", "-тің"): the word modifies the one after it. */
const KAZAKH_GENITIVE = /(?:н|д|т)(?:ы|и)н$/u;
/** Question words after which the counted noun follows ("қанша адам", "сколько человек", "how many people"). */
const COUNT_HEAD = /^(?:канша|неше|нешеу|сколько|скока|many|much)$/;

/** A word's folded readings, Latin read in Cyrillic only in a Kazakh or Russian question. */
function readings(word: string, language: Language | null): string[] {
  return foldedReadings(word, language !== "en");
}

/**
 * What the answer to a question must hold, or `null` when any passage that matches will do: a
 * person (or a body) for "who", a figure for "how many", a date for "when", a place for "where",
 * an age for "how old", a length of time for "how long did it last", a sum of money for "how
 * much does it cost", what the person said for "what did Akishev say", the parts or the text of
 * something for "list the five initiatives" or "what does the Appeal's text say", the name of an
 * institution for "which universities" or "what company", the way to do something for "how do
 * I get to…" (a procedure). The gate in stated.ts
 * then looks for it beside the question's words before the passage counts as the answer.
 */
export function answerNeedOf(question: string, kind: QuestionKind): NeedOf | null {
  const language = detectLanguage(question);
  const words = tokenizeWords(question);
  const forms = words.map((word) => readings(word, language));
  const folded = foldKazakh(normalizeText(question));
  const has = (m: { word: Matcher; phrases: readonly string[] }) =>
    m.phrases.some((p) => folded.includes(p)) || forms.some((f) => f.some(m.word));
  const roles = words.filter((_, i) => (forms[i] ?? []).some(ROLE.word));
  const none = { roles: [], counted: [], named: [] };
  if (asksHowTo(question)) return { need: "procedure", ...none };
  // "За сколько лет" asks how long, though "сколько лет" alone asks an age.
  if (has(DURATION)) return { need: "duration", ...none };
  // "Сағат нешеде" asks the hour, not an age ("Назарбаев нешеде?").
  if (has(AGE) && kind !== "when") return { need: "age", ...none };
  if (has(ADDRESS)) return { need: "address", ...none };
  if (has(FULL_NAME)) return { need: "full-name", ...none };
  // A question typed as a bare noun phrase headed by a sum ("бюджет программы …", "cost of the
  // portal") asks for the sum; a Kazakh genitive first ("Гранттардың тақырыбы") is no head.
  const headedByMoney = (forms[0] ?? []).some((w) => MONEY.word(w) && !KAZAKH_GENITIVE.test(w));
  if (
    (kind === "count" && has(MONEY)) ||
    (kind === "other" && (has(MONEY_VALUE) || (has(MONEY_SIZE) && has(MONEY)) || headedByMoney))
  )
    return { need: "money", ...none };
  // What a document "says" is its text: "what does the appeal say" asks for its contents.
  if (kind === "other" && has(DOCUMENT) && (has(SPEECH) || has(DOCUMENT_SAYS)))
    return { need: "contents", ...none };
  if (kind === "other" && has(SPEECH)) return { need: "speech", ...none };
  // "Перечисли поручения", "which ministry is in the seventh directive": the numbered sections,
  // which the article does list and name, are asked about, not some list or name it lacks.
  const namesSection = words.some(isSectionNoun);
  if (kind === "other" && has(CONTENTS) && !namesSection) return { need: "contents", ...none };
  // "Which universities…", "какие вузы…", "what company…": the answer names one.
  const institutions = words.filter((_, i) => (forms[i] ?? []).some(INSTITUTION.word));
  if (kind === "other" && institutions.length > 0 && has(WHICH) && !namesSection)
    return { need: "name", ...none, named: institutions };
  switch (kind) {
    case "who":
      if (roles.length > 0) return { need: "person", ...none, roles };
      // "Who leads the movement?" wants the person at its head, not the body it belongs to.
      return { need: has(LEADS) ? "leader" : "body-or-person", ...none };
    case "when":
      return { need: "date", ...none };
    case "where":
      // "Where does he work?" is answered by the organisation beside his name, not a place.
      return has(WORKS) ? null : { need: "place", ...none };
    case "count":
      return { need: "figure", ...none, counted: countedWords(words, forms, language) };
    default:
      return null;
  }
}

/** Whether a sentence names a role ("төрағасы", "руководитель", "head"): where a leader is named. */
export function namesRole(sentence: string): boolean {
  const language = detectLanguage(sentence);
  return tokenizeWords(sentence).some((word) => readings(word, language).some(ROLE.word));
}

/**
 * The words naming what a count question counts: up to three content words after
 * "қанша/сколько/how many", up to its verb ("how many *low income families* got…"), or the word
 * before "саны". Empty when it names nothing ("қанша?").
 */
function countedWords(
  words: readonly string[],
  forms: readonly string[][],
  language: Language | null,
): string[] {
  for (let i = 0; i < words.length; i++) {
    const f = forms[i] ?? [];
    if (f.some((w) => COUNT_HEAD.test(w))) {
      const phrase: string[] = [];
      for (const word of words.slice(i + 1)) {
        if (phrase.length === 3 || looksLikeVerb(word, language) || /^\d/.test(word)) break;
        if (isStopword(word)) {
          if (phrase.length > 0) break;
          continue;
        }
        if (!readings(word, language).some(COUNT_SKIP.word)) phrase.push(word);
      }
      return phrase;
    }
    // "What number…" names nothing: the question word before "number" is no thing counted.
    if (i > 0 && f.some(COUNT_TAIL.word))
      return isStopword(words[i - 1] as string) ? [] : [words[i - 1] as string];
  }
  return [];
}
