import type { Language, MissingFact } from "../answer/index.js";
import { countOf, type PluralForms } from "./plural.js";

/**
 * What the bot and the command line both say of their own, in plain text, per language: how a
 * citation names a section, and why an answer quotes nothing. The bot escapes these into Telegram
 * HTML and adds what only it has (commands, buttons); the command line prints them as they are.
 * One wording for both, so a reader hears the same thing wherever they ask.
 */
export interface Phrases {
  /** A numbered section in a citation: "Төртінші тапсырма", "Поручение №4", "Directive 4". */
  sectionName(label: string, ordinal: number | null): string;
  /** "8 тапсырма", "8 поручений", "8 directives". */
  directives(n: number): string;
  /** The article does not cover the question. */
  readonly notCovered: string;
  /**
   * The article covers the topic but not the thing asked for (`missing`), named with the reader's
   * own words for it when the question gave them (`words`: "the mayor", "people").
   */
  notStated(missing: MissingFact, words: readonly string[]): string;
  /** Heading of the nearest passage shown under {@link notStated}: context, not the answer. */
  readonly closestContext: string;
  /** The question named a section the article does not have. */
  noSuchSection(sections: number, asked: number | null): string;
  /** The message had no words to search for. */
  readonly emptyQuestion: string;
  /** A note before answers to a question cut to `max` characters. */
  truncated(max: number): string;
  /** The button (and heading) for the passages not shown at first: "2 more passages". */
  morePassages(n: number): string;
  /** Whether search by meaning (the language model) is on, in words a reader understands. */
  searchMode(meaning: boolean): string;
}

const KK_DIRECTIVE: PluralForms = { one: "тапсырма", other: "тапсырма" };
const RU_DIRECTIVE: PluralForms = {
  one: "поручение",
  few: "поручения",
  many: "поручений",
  other: "поручения",
};
const EN_DIRECTIVE: PluralForms = { one: "directive", other: "directives" };

const kazakh: Phrases = {
  sectionName: (label, ordinal) => (ordinal === null ? label : `${label} тапсырма`),
  directives: (n) => countOf("kk", n, KK_DIRECTIVE),
  notCovered: "Мақалада бұл туралы айтылмайды, сондықтан келтіретін дәйексөз жоқ.",
  notStated: (missing, words) => {
    const what = words.join(" ");
    const said: Record<MissingFact, string> = {
      person: words.length > 0 ? `${what} кім екені` : "бұл кім екені",
      "body-or-person": "мұны кім істейтіні",
      leader: "мұны кім басқаратыны",
      "full-name": "толық аты-жөні",
      address: "мекенжайы",
      figure: words.length > 0 ? `${what} саны` : "бұл туралы сан",
      date: "мұның қашан болғаны",
      place: "мұның қай жерде екені",
      age: "жасы",
      duration: "мұның қанша уақытқа созылғаны",
      money: "қаржы мөлшері",
      speech: "сөйлеушінің нақты не айтқаны",
      contents: "оның нақты мазмұны (тізімі не мәтіні)",
      name: words.length > 0 ? `${what} атауы` : "атауы",
      procedure: "мұны қалай істеуге болатыны",
      earlier: "бұған дейін кім (не) болғаны",
    };
    return `Мақала бұл тақырыпқа тоқталады, бірақ ${said[missing]} онда айтылмаған.`;
  },
  closestContext: "Ең жақын үзінді (жауап емес):",
  noSuchSection: (n, asked) =>
    `Мақалада ${countOf("kk", n, KK_DIRECTIVE)} бар${asked === null ? "" : ` — ${asked}-тапсырма жоқ`}.`,
  emptyQuestion: "Сұрағыңызды сөзбен жазыңыз.",
  truncated: (max) => `ℹ️ Хабарламаңыз тым ұзын, сондықтан оның алғашқы ${max} таңбасы бойынша жауап бердім.`,
  morePassages: (n) => `Тағы ${countOf("kk", n, { one: "үзінді", other: "үзінді" })}`,
  searchMode: (meaning) =>
    meaning
      ? "Үзінділерді сөздері, тапсырма нөмірі және мағынасы бойынша (тілдік модельмен) іздеймін."
      : "Үзінділерді сөздері мен тапсырма нөмірі бойынша іздеймін; мағына бойынша іздеу (тілдік модель) қазір қосылмаған.",
};

const russian: Phrases = {
  sectionName: (label, ordinal) => (ordinal === null ? label : `Поручение №${ordinal}`),
  directives: (n) => countOf("ru", n, RU_DIRECTIVE),
  notCovered: "В статье об этом не говорится, поэтому цитировать нечего.",
  notStated: (missing, words) => {
    const what = words.join(" ");
    const said: Record<MissingFact, string> = {
      person: words.length > 0 ? `кто ${what}` : "о ком речь",
      leader: "кто это возглавляет",
      "body-or-person": "кто это делает",
      "full-name": "полное имя",
      address: "адрес",
      figure: words.length > 0 ? `сколько ${what}` : "сколько именно",
      date: "когда это было",
      place: "где это",
      age: "сколько лет",
      duration: "сколько это длилось",
      money: "о какой сумме речь",
      speech: "что именно сказал выступавший",
      contents: "что именно в это входит (список или текст)",
      name: words.length > 0 ? `какие именно ${what}` : "как это называется",
      procedure: "как это сделать",
      earlier: "что было до этого — в ней речь о новых",
    };
    return `Статья касается этой темы, но не говорит, ${said[missing]}.`;
  },
  closestContext: "Ближайший фрагмент (это не ответ):",
  noSuchSection: (n, asked) =>
    `В статье ${countOf("ru", n, RU_DIRECTIVE)}${asked === null ? "" : ` — поручения №${asked} нет`}.`,
  emptyQuestion: "Напишите вопрос словами.",
  truncated: (max) => `ℹ️ Сообщение очень длинное, поэтому я ответил по первым ${max} символам.`,
  morePassages: (n) =>
    `Ещё ${countOf("ru", n, { one: "фрагмент", few: "фрагмента", many: "фрагментов", other: "фрагмента" })}`,
  searchMode: (meaning) =>
    meaning
      ? "Ищу фрагменты по словам, по номеру поручения и по смыслу (языковой моделью)."
      : "Ищу фрагменты по словам и по номеру поручения; поиск по смыслу (языковая модель) сейчас выключен.",
};

const english: Phrases = {
  sectionName: (label, ordinal) => (ordinal === null ? label : `Directive ${ordinal}`),
  directives: (n) => countOf("en", n, EN_DIRECTIVE),
  notCovered: "The article does not cover this, so I have nothing to quote.",
  notStated: (missing, words) => {
    const what = words.join(" ");
    const said: Record<MissingFact, string> = {
      person: words.length > 0 ? `who the ${what} is` : "who it is",
      leader: "who leads it",
      "body-or-person": "who does it",
      "full-name": "the full name",
      address: "the address",
      figure: words.length > 0 ? `how many ${what}` : "the number",
      date: "when",
      place: "where",
      age: "the age",
      duration: "how long it lasted",
      money: "the amount",
      speech: "what exactly the speaker said",
      contents: "what exactly it contains (a list or its text)",
      name: words.length > 0 ? `which ${what}` : "its name",
      procedure: "how to do it",
      earlier: "what came before — it speaks of the new ones",
    };
    return `The article touches on this, but does not say ${said[missing]}.`;
  },
  closestContext: "Closest passage (not the answer):",
  noSuchSection: (n, asked) =>
    `The article has ${countOf("en", n, EN_DIRECTIVE)}${asked === null ? "" : ` — there is no directive ${asked}`}.`,
  emptyQuestion: "Please write your question in words.",
  truncated: (max) => `ℹ️ Your message is very long, so I answered from its first ${max} characters.`,
  morePassages: (n) => `${countOf("en", n, { one: "more passage", other: "more passages" })}`,
  searchMode: (meaning) =>
    meaning
      ? "I find passages by their words, by directive number and by meaning (a language model)."
      : "I find passages by their words and by directive number; search by meaning (a language model) is off right now.",
};

const PHRASES: Readonly<Record<Language, Phrases>> = { kk: kazakh, ru: russian, en: english };

/** The shared wording of one language. */
export function phrasesFor(language: Language): Phrases {
  return PHRASES[language];
}

/** "¶36–38" or "¶36": a paragraph range, the same sign in every language. */
export function paragraphLabel(start: number, end: number): string {
  return start === end ? `¶${start}` : `¶${start}–${end}`;
}
