import { sentencesOf } from "../passages/index.js";
import { cueMatcher, foldKazakh } from "../text/index.js";
import cues from "./answer-cues.json" with { type: "json" };
import { type NeedOf, namesRole } from "./answer-need.js";
import { enumerates, type Span, withListJustBefore } from "./lists.js";
import { MIN_PEOPLE_COUNTED, peopleIn } from "./names.js";
import { namedBeside, qualifiedNearRole, type TermFinder } from "./role-and-name.js";
import { ADDRESS, AGE, DATE_WORD, DURATION, FIGURE, MONEY, PLACE } from "./text-patterns.js";
import type { AnswerPassage } from "./types.js";

/**
 * Below this share of its words in the corpus (verbs weighing half), a question asking for a
 * date, figure, place, age or sum is about something else: "when was the Kazakh Khanate founded"
 * knows only "founded" (0.2). Measured: 0.4 answers one in-scope question in fifty more and one
 * near miss in ten more than 0.5 does; a wrong quote misleads more than a refusal annoys.
 */
const MIN_KNOWN_SHARE = 0.5;

/**
 * More people than this in one sentence make it a list ("…Н.Романова, Р.Аушев, Е.Сағадиев…
 * сөз сөйледі"): it says who spoke, not what any one of them said.
 */
const MAX_SPEAKERS_REPORTED = 2;

/** How many of the question's words a sentence must hold for its people to be counted (all, up to this). */
const PEOPLE_COUNT_WORDS = 3;

/** Words a figure may stand from the thing it counts ("60 мың отбасы": two). */
const COUNT_WINDOW_WORDS = 3;

/**
 * Whether the quoted passages state what the question asks for. The article may cover the topic
 * of a question and still not answer it — a date it never gives, someone's age, a budget, a name
 * it does not mention — and then the passage that matches best is no answer. The kind of thing
 * asked for must stand in a sentence that also holds the question's words (any sentence, when
 * no quoted passage has matched words: a question the text words wholly otherwise, found by
 * meaning alone): a person beside the role asked
 * about ("the akim of Astana" needs a name next to "әкім"), a figure beside the thing counted
 * ("how many people" needs a figure next to a word for people), a date, a place, an age, a
 * length of time, a sum; for what someone said, a sentence naming that person not as one of
 * a list (see {@link saysWhatTheySaid}); for the contents of something, a sentence spelling a
 * list out (see {@link enumerates}).
 */
export function isStated(
  need: NeedOf,
  passages: readonly AnswerPassage[],
  find: TermFinder,
  known: { readonly knownConcepts: number; readonly knownShare: number },
  corpus: CorpusCase = {},
): boolean {
  // A question whose words the corpus mostly lacks ("when was the Kazakh Khanate founded") is
  // about something else, however near its one known word comes to a date. "Who should…" with no
  // role named is answered by whoever the passage names, so it asks only for one known word.
  const { knownConcepts } = known;
  if (need.need === "body-or-person") return knownConcepts > 0;
  // What someone said is asked about a topic in any words: only who is asked about is checked.
  if (need.need === "speech") return saysWhatTheySaid(passages);
  // A name beside the institution word is specific enough alone, and looked for only where the
  // passages use that word: "which party is mentioned" is answered by «Нұр Отан» alone.
  if (need.need === "name") {
    const using = passages.filter((p) => need.named.some((word) => find(p.text, word).length > 0));
    // "What company does Salzhanov own": where the passages never use the word, a question
    // about someone they name asks what the article never says; "which party is mentioned" does not.
    if (using.length === 0) return !aboutSomeoneNamed(passages[0]);
    return using.some((p) => sentencesOf(p.text).some((sentence) => holds(need, sentence.text, find, false)));
  }
  if (knownConcepts === 0 || known.knownShare < MIN_KNOWN_SHARE) return false;
  // How to get somewhere or obtain something is answered only by a text using all its words.
  if (need.need === "procedure" && known.knownShare < 1) return false;
  // Beside a date, a sentence must hold two of the question's words (one when it has one): "when
  // was the Assembly *founded*" is not answered by a date beside "Assembly" alone. So must a list:
  // the cities at *the congress* are not the text of *its resolution*. Other kinds
  // are pinned by what they ask for (a role, the thing counted) or rarer in a text than dates.
  // A person asked for by role must stand in a sentence with all the question's words (up to
  // three): "the minister *of information*" is not the education minister of the same list.
  const wanted =
    need.need === "date" || need.need === "contents" || need.need === "procedure"
      ? Math.min(2, knownConcepts)
      : need.need === "person" || need.need === "leader"
        ? Math.min(3, knownConcepts)
        : 1;
  // Only when no quoted passage has the question's words is the word check waived: when they
  // are found somewhere, a passage without them (found by meaning alone) is not about the question.
  const anyMatched = passages.some((passage) => passage.highlights.length > 0);
  /**
   * Whether a sentence of a passage states it: the question's words in `sentence`, what is asked
   * for in `answer` (the sentence itself, or the list just before it).
   */
  const statedIn = (passage: AnswerPassage, sentence: Span, answer: Span = sentence) => {
    const end = sentence.start + sentence.text.length;
    const inSentence = passage.highlights.filter(([s, e]) => s >= sentence.start && e <= end);
    if (!qualifiedNearRole(need, sentence, inSentence, find)) return false;
    // "Қай *жылы*" names no year: a date word the question itself has found is not its answer.
    const asked =
      need.need === "date" ? inSentence.filter(([s, e]) => isDateWord(passage.text.slice(s, e))) : [];
    // "Қай *қалада*" names no city either: a place noun counts as none of the question's words.
    const placeNouns =
      need.need === "place"
        ? inSentence.filter(([s, e]) => PLACE_NOUN(foldKazakh(passage.text.slice(s, e).toLowerCase())))
        : [];
    const words = new Set(
      inSentence
        .filter((range) => !asked.includes(range) && !placeNouns.includes(range))
        // Two forms of one word are one word ("Ассамблеяның", "Ассамблея").
        .map(([s, e]) => [...passage.text.slice(s, e).toLowerCase()].slice(0, 5).join("")),
    );
    if (anyMatched && words.size < wanted) return false;
    const text = blanked(answer.text, asked, answer.start);
    // Counting the people a sentence names is reading between its lines: only when it holds
    // every word of the question ("how many *new* deputy chairs *were appointed*"), not when
    // the question asks more than it says ("how many deputy chairs *in total*").
    const peopleCount = known.knownShare >= 1 && words.size >= Math.min(PEOPLE_COUNT_WORDS, knownConcepts);
    // A capitalised opening word is a place only when the corpus never writes it in lower case.
    const read = need.need === "place" ? withoutCommonOpening(text, corpus) : text;
    return holds(need, read, find, peopleCount);
  };
  return passages.some((passage) =>
    sentencesOf(passage.text).some((sentence, i, sentences) => {
      if (statedIn(passage, sentence)) return true;
      // A list of parts or of people may end right before the words about it.
      const withList =
        need.need === "contents" || need.need === "person"
          ? withListJustBefore(passage, sentences, i)
          : undefined;
      return withList !== undefined && statedIn(passage, withList.whole, withList.list);
    }),
  );
}

/** What the corpus says about a word's case, for telling names from common words. */
export interface CorpusCase {
  /**
   * Whether the corpus writes the word in lower case somewhere ("жиында", "сессия"): a common
   * word, capitalised only where a sentence opens with it. Default: none is.
   */
  readonly isCommonWord?: (word: string) => boolean;
}

/** Every word the texts write starting with a lower-case letter, once. */
export function lowerCaseWordsOf(texts: readonly string[]): ReadonlySet<string> {
  const words = new Set<string>();
  for (const text of texts)
    for (const [word] of text.matchAll(/(?<!\p{L})\p{Ll}[\p{L}-]*/gu)) words.add(word);
  return words;
}

/**
 * The sentence with its first word blanked when that word is a common one: "Жиында …" (at the
 * meeting) and "Сессия барысында …" (during the session) are capitalised as openings, not as
 * places, while "Астанада …" is a place wherever it stands.
 */
function withoutCommonOpening(sentence: string, corpus: CorpusCase): string {
  const first = /^(\P{L}*)(\p{L}[\p{L}-]*)/u.exec(sentence);
  if (!first || !corpus.isCommonWord?.((first[2] as string).toLowerCase())) return sentence;
  return `${first[1]}${" ".repeat((first[2] as string).length)}${sentence.slice(first[0].length)}`;
}

/** Whether every question word a passage holds lies inside the name of a person it names. */
function aboutSomeoneNamed(passage: AnswerPassage | undefined): boolean {
  if (!passage || passage.highlights.length === 0) return false;
  const names = peopleIn(passage.text).map((person) => person.name);
  return passage.highlights.every(([s, e]) => names.some(([ns, ne]) => s >= ns && e <= ne));
}

/** The nouns a where-question asks with ("қала", "город", "country"). */
const PLACE_NOUN = cueMatcher(cues.placeNouns);

/** A date word ("жылы", "наурыз") as the whole of a text. */
const WHOLE_DATE_WORD = new RegExp(`^(?:${DATE_WORD.source})$`, "iu");

/** Whether a word is a date word, the whole of it. */
function isDateWord(word: string): boolean {
  return WHOLE_DATE_WORD.test(word);
}

/**
 * `text` (starting at `offset` of its passage) with the given passage ranges blanked out; a range
 * outside it (a date word of the sentence, when a list before it is read) is left alone.
 */
function blanked(text: string, ranges: readonly (readonly [number, number])[], offset: number): string {
  let out = text;
  for (const [s, e] of ranges)
    if (s >= offset && e <= offset + text.length)
      out = out.slice(0, s - offset) + " ".repeat(e - s) + out.slice(e - offset);
  return out;
}

/**
 * Whether a sentence holds what the need asks for; `peopleCount`: people named one by one
 * after the counted word may stand for its figure.
 */
function holds(need: NeedOf, sentence: string, find: TermFinder, peopleCount: boolean): boolean {
  const test = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.replace("g", "")).test(sentence);
  switch (need.need) {
    case "person":
      return peopleIn(sentence).length > 0 && need.roles.every((role) => find(sentence, role).length > 0);
    case "leader":
      return peopleIn(sentence).length > 0 && namesRole(sentence);
    case "body-or-person":
    case "speech":
    case "procedure":
      return true;
    case "full-name":
      // A first name and a surname, not an initial ("Б.Эшмент" gives no first name).
      return peopleIn(sentence).some((person) => !/^\p{Lu}\./u.test(sentence.slice(...person.name)));
    case "address":
      return ADDRESS.test(sentence);
    case "date":
      return test(DATE_WORD) || /(?<!\d)(?:1[89]|20)\d\d(?!\d)/.test(sentence);
    case "place":
      return test(PLACE);
    case "age":
      return test(AGE);
    case "duration":
      return test(DURATION);
    case "money":
      return test(MONEY);
    case "contents":
      return enumerates(sentence);
    case "name":
      return need.named.some((word) => namedBeside(sentence, word, find));
    case "figure":
      return need.counted.length === 0
        ? test(FIGURE)
        : need.counted.some((word) => countsIt(sentence, word, find, peopleCount));
  }
}

/**
 * Whether the passages report what the person asked about said: the question's words hit a
 * person's name in a sentence naming at most {@link MAX_SPEAKERS_REPORTED} people. A person met
 * only in a list of speakers is not: the article says they spoke, not what they said. Names
 * only, not the words describing someone: a topic word ("economy", "president") may stand in
 * the title of anyone in a list. When the question names nobody the passages hold ("what does
 * the fourth directive say", "what did he say about…"), there is nothing to check.
 */
function saysWhatTheySaid(passages: readonly AnswerPassage[]): boolean {
  let listed = false;
  for (const passage of passages) {
    for (const sentence of sentencesOf(passage.text)) {
      const people = peopleIn(sentence.text);
      const named = people.some(({ name: [start, end] }) =>
        passage.highlights.some(([s, e]) => s < sentence.start + end && e > sentence.start + start),
      );
      if (!named) continue;
      if (people.length <= MAX_SPEAKERS_REPORTED) return true;
      listed = true;
    }
  }
  return !listed;
}

/**
 * A figure with a word for the counted thing at most a few words after it, or (`peopleCount`) people named one
 * by one after that word: "how many new deputy chairs were appointed" is answered by "жаңа
 * орынбасарлары тағайындалып, … Тварионас пен … Салжанов" — two, counted by the reader.
 */
function countsIt(sentence: string, counted: string, find: TermFinder, peopleCount: boolean): boolean {
  const nouns = find(sentence, counted);
  if (nouns.length === 0) return false;
  const firstNoun = Math.min(...nouns.map(([start]) => start));
  const namedAfter = peopleIn(sentence).filter(({ name: [start] }) => start > firstNoun);
  if (peopleCount && namedAfter.length >= MIN_PEOPLE_COUNTED) return true;
  return [...sentence.matchAll(FIGURE)].some((figure) => {
    const after = (figure.index ?? 0) + figure[0].length;
    return nouns.some(([start]) => {
      if (start < after) return false;
      const between = sentence.slice(after, start).trim();
      return between === "" || between.split(/\s+/).length < COUNT_WINDOW_WORDS;
    });
  });
}
