import type { AnswerNeed, Language } from "../answer/index.js";
import type { ExampleQuestions, SkippedFile } from "../corpus/index.js";
import { escapeHtml } from "./html.js";

export type { Language } from "../answer/index.js";

/**
 * Every sentence the bot says of its own, in the three languages it speaks. Quotes stay in the
 * article's language; only this interface text is translated. Strings are Telegram HTML: fixed
 * text is safe as written, and every dynamic value is escaped here, at the one place it meets markup.
 */
export interface Messages {
  /** /start: what the bot does, for a document titled `title` with `sections` directives. */
  start(title: string, sections: number): string;
  /** /help: how to ask, with example questions; `username` is the bot's @username. */
  help(username: string): string;
  /** Heading of /directives. */
  directivesHeader(count: number): string;
  /** A numbered section's name: "Төртінші тапсырма", "Поручение №4 («Төртінші»)". */
  sectionName(label: string, ordinal: number | null): string;
  /** "36–38-абзацтар", "абзацы 36–38", "paragraphs 36–38". */
  paragraphs(start: number, end: number): string;
  /** Heading of /source. */
  sourceHeader: string;
  /** One document in /source. */
  sourceDocument(title: string, author: string | null, passages: number): string;
  /** Which search legs answer questions. */
  sourceLegs(legs: readonly string[]): string;
  /** For an admin in /source: the corpus files left out, each with why. */
  sourceSkipped(files: readonly Pick<SkippedFile, "name" | "reason">[]): string;
  /** The article does not cover the question. */
  notCovered(sections: number): string;
  /**
   * The article covers the topic but not the thing asked for (`missing`), named with the
   * reader's own words for it when the question gave them (`words`: "the mayor", "people").
   */
  notStated(missing: AnswerNeed, words: readonly string[]): string;
  /** Heading of the nearest passage shown under {@link notStated}: context, not the answer. */
  closestContext: string;
  /** The question named a directive the article does not have. */
  noSuchSection(sections: number, asked: number | null): string;
  /** The message had no words to search for. */
  emptyQuestion: string;
  /** A note before answers to a question cut to `max` characters. */
  truncated(max: number): string;
  /** Reply to stickers, photos without caption, voice and other non-text messages. */
  nonText: string;
  /** Reply to an unknown /command in a private chat. */
  unknownCommand: string;
  /** Reply when a user sends faster than the rate limit allows. */
  rateLimited(seconds: number): string;
  /** Reply when answering failed unexpectedly. */
  apology: string;
  /** Alert for a directive button whose directive no longer exists. */
  directiveNotFound: string;
  /** Descriptions for setMyCommands. */
  commands: Readonly<Record<"start" | "help" | "directives" | "source", string>>;
}

/** A list of skipped files under a heading, each with the reason in the interface's language. */
const skippedList =
  (heading: string, reasons: Record<SkippedFile["reason"], string>) =>
  (files: readonly Pick<SkippedFile, "name" | "reason">[]): string =>
    `${heading}\n${files.map((f) => `• ${escapeHtml(f.name)} — ${reasons[f.reason]}`).join("\n")}`;

const bullets = (lines: readonly string[]): string => lines.map((line) => `• ${escapeHtml(line)}`).join("\n");

/** Russian noun forms for 1, 2–4 and 5+ (and 11–14). */
function ruPlural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/**
 * Examples used when the corpus brings none (`examples.json`): questions any article with
 * numbered directives answers.
 */
const GENERIC_EXAMPLES: Readonly<Record<Language, readonly string[]>> = {
  kk: ["Бірінші тапсырмада не айтылған?", "Мақала не туралы?"],
  ru: ["О чём первое поручение?", "О чём статья?"],
  en: ["What does the first directive say?", "What is the article about?"],
};

function kazakh(examples: readonly string[]): Messages {
  return {
    start: (title, n) =>
      `Сәлеметсіз бе! Мен «${escapeHtml(title)}» мақаласы бойынша сұрақтарға жауап беремін: жауап болатын үзінділерді дәйексөзімен (бөлім, абзац, құжат) келтіремін. Мақалада жоқ нәрсені ойдан шығармаймын.\n\n` +
      `Сұрағыңызды жазыңыз, мысалы:\n${bullets(examples)}\n\n` +
      `/directives — мақаладағы ${n} тапсырма\n/help — сұрақ мысалдары\n/source — дереккөз`,
    help: (username) =>
      `Мақала туралы сұрағыңызды өз сөзіңізбен жазыңыз — қазақша, орысша немесе ағылшынша. Мысалы:\n${bullets(examples)}\n\n` +
      `Топта мені @${escapeHtml(username)} деп атаңыз немесе хабарламама жауап беріңіз. Кез келген чатта: <code>@${escapeHtml(username)} сұрақ</code>.\n` +
      "/directives — тапсырмалар тізімі, /source — дереккөз.",
    directivesHeader: (n) => `Мақаладағы ${n} тапсырма. Толық мәтінін көру үшін нөмірін басыңыз:`,
    sectionName: (label, ordinal) => (ordinal === null ? escapeHtml(label) : `${escapeHtml(label)} тапсырма`),
    paragraphs: (s, e) => (s === e ? `${s}-абзац` : `${s}–${e}-абзацтар`),
    sourceHeader: "Дереккөз:",
    sourceDocument: (title, author, n) =>
      `«${escapeHtml(title)}»${author ? ` — авторы: ${escapeHtml(author)}` : ""}; ${n} үзінді`,
    sourceLegs: (legs) =>
      `Іздеу тәсілдері: ${legs.map((leg) => LEG_NAMES.kk[leg] ?? escapeHtml(leg)).join(", ")}.`,
    sourceSkipped: skippedList("Әкімшіге: корпустың мына файлдары оқылмай қалды:", {
      "empty-file": "бос",
      "not-utf8": "UTF-8 мәтіні емес",
      unreadable: "оқылмайды",
    }),
    notCovered: (n) =>
      `Мақалада бұл туралы айтылмайды, сондықтан келтіретін дәйексөз жоқ. Мақаладағы ${n} тапсырманы көріңіз: /directives — немесе былай сұраңыз:\n${bullets(examples)}`,
    notStated: (missing, words) => {
      const what = escapeHtml(words.join(" "));
      const said: Record<AnswerNeed, string> = {
        person: words.length > 0 ? `${what} кім екені` : "бұл кім екені",
        "body-or-person": "мұны кім істейтіні",
        "full-name": "толық аты-жөні",
        address: "мекенжайы",
        figure: words.length > 0 ? `${what} саны` : "бұл туралы сан",
        date: "мұның қашан болғаны",
        place: "мұның қай жерде екені",
        age: "жасы",
        money: "қаржы мөлшері",
      };
      return `Мақала бұл тақырыпқа тоқталады, бірақ ${said[missing]} онда айтылмаған.`;
    },
    closestContext: "Ең жақын үзінді (жауап емес):",
    noSuchSection: (n, asked) =>
      `Мақалада ${n} тапсырма бар${asked === null ? "" : ` — ${asked}-тапсырма жоқ`}. Тізімі: /directives`,
    emptyQuestion: `Сұрағыңызды сөзбен жазыңыз, мысалы:\n${bullets(examples)}`,
    truncated: (max) =>
      `ℹ️ Хабарламаңыз тым ұзын, сондықтан оның алғашқы ${max} таңбасы бойынша жауап бердім.`,
    nonText: `Мен мәтінмен жазылған сұрақтарды ғана түсінемін. Сұрағыңызды жазыңыз, мысалы: «${escapeHtml(examples[0] ?? "")}»`,
    unknownCommand: "Мұндай команда жоқ. Командалар: /start, /help, /directives, /source.",
    rateLimited: (s) => `Сәл баяуырақ 🙂 Сұрақтар тым жиі келіп жатыр — ${s} секундтан кейін қайта жазыңыз.`,
    apology: "Кешіріңіз, жауап беру кезінде қате шықты. Біраздан кейін қайталап көріңіз.",
    directiveNotFound: "Бұл тапсырма табылмады.",
    commands: {
      start: "Бот не істейді",
      help: "Сұрақ мысалдары",
      directives: "Мақаладағы тапсырмалар",
      source: "Дереккөз: құжаттар мен авторлар",
    },
  };
}

function russian(examples: readonly string[]): Messages {
  return {
    start: (title, n) =>
      `Здравствуйте! Я отвечаю на вопросы по статье «${escapeHtml(title)}»: привожу фрагменты, которые отвечают на вопрос, с указанием источника (раздел, абзац, документ). Того, чего нет в статье, не выдумываю.\n\n` +
      `Напишите вопрос, например:\n${bullets(examples)}\n\n` +
      `/directives — ${n} ${ruPlural(n, "поручение", "поручения", "поручений")} из статьи\n/help — примеры вопросов\n/source — источник`,
    help: (username) =>
      `Задайте вопрос о статье своими словами — по-казахски, по-русски или по-английски. Например:\n${bullets(examples)}\n\n` +
      `В группе упомяните меня (@${escapeHtml(username)}) или ответьте на моё сообщение. В любом чате: <code>@${escapeHtml(username)} вопрос</code>.\n` +
      "/directives — список поручений, /source — источник.",
    directivesHeader: (n) =>
      `В статье ${n} ${ruPlural(n, "поручение", "поручения", "поручений")}. Нажмите номер, чтобы прочитать полностью:`,
    sectionName: (label, ordinal) =>
      ordinal === null ? escapeHtml(label) : `Поручение №${ordinal} («${escapeHtml(label)}»)`,
    paragraphs: (s, e) => (s === e ? `абзац ${s}` : `абзацы ${s}–${e}`),
    sourceHeader: "Источник:",
    sourceDocument: (title, author, n) =>
      `«${escapeHtml(title)}»${author ? ` — автор: ${escapeHtml(author)}` : ""}; ${n} ${ruPlural(n, "фрагмент", "фрагмента", "фрагментов")}`,
    sourceLegs: (legs) =>
      `Способы поиска: ${legs.map((leg) => LEG_NAMES.ru[leg] ?? escapeHtml(leg)).join(", ")}.`,
    sourceSkipped: skippedList("Для администратора: эти файлы корпуса пропущены:", {
      "empty-file": "пустой",
      "not-utf8": "не в кодировке UTF-8",
      unreadable: "не читается",
    }),
    notCovered: (n) =>
      `В статье об этом не говорится, поэтому цитировать нечего. Посмотрите ${n} ${ruPlural(n, "поручение", "поручения", "поручений")} статьи: /directives — или спросите, например:\n${bullets(examples)}`,
    notStated: (missing, words) => {
      const what = escapeHtml(words.join(" "));
      const said: Record<AnswerNeed, string> = {
        person: words.length > 0 ? `кто ${what}` : "о ком речь",
        "body-or-person": "кто это делает",
        "full-name": "полное имя",
        address: "адрес",
        figure: words.length > 0 ? `сколько ${what}` : "сколько именно",
        date: "когда это было",
        place: "где это",
        age: "сколько лет",
        money: "о какой сумме речь",
      };
      return `Статья касается этой темы, но не говорит, ${said[missing]}.`;
    },
    closestContext: "Ближайший фрагмент (это не ответ):",
    noSuchSection: (n, asked) =>
      `В статье ${n} ${ruPlural(n, "поручение", "поручения", "поручений")}${asked === null ? "" : ` — поручения №${asked} нет`}. Список: /directives`,
    emptyQuestion: `Напишите вопрос словами, например:\n${bullets(examples)}`,
    truncated: (max) => `ℹ️ Сообщение очень длинное, поэтому я ответил по первым ${max} символам.`,
    nonText: `Я понимаю только вопросы, написанные текстом. Напишите вопрос, например: «${escapeHtml(examples[0] ?? "")}»`,
    unknownCommand: "Такой команды нет. Команды: /start, /help, /directives, /source.",
    rateLimited: (s) => `Чуть помедленнее 🙂 Слишком много вопросов подряд — напишите снова через ${s} с.`,
    apology: "Извините, при ответе произошла ошибка. Попробуйте ещё раз чуть позже.",
    directiveNotFound: "Поручение не найдено.",
    commands: {
      start: "Что умеет бот",
      help: "Примеры вопросов",
      directives: "Поручения из статьи",
      source: "Источник: документы и авторы",
    },
  };
}

function english(examples: readonly string[]): Messages {
  return {
    start: (title, n) =>
      `Hello! I answer questions about the article «${escapeHtml(title)}»: I quote the passages that answer them, each with its citation (section, paragraph, document). I do not make up what the article does not say.\n\n` +
      `Ask a question, for example:\n${bullets(examples)}\n\n` +
      `/directives — the article's ${n} directives\n/help — example questions\n/source — the source`,
    help: (username) =>
      `Ask about the article in your own words — in Kazakh, Russian or English. For example:\n${bullets(examples)}\n\n` +
      `In a group, mention me (@${escapeHtml(username)}) or reply to my message. In any chat: <code>@${escapeHtml(username)} question</code>.\n` +
      "/directives — the list of directives, /source — the source.",
    directivesHeader: (n) => `The article's ${n} directives. Press a number to read one in full:`,
    sectionName: (label, ordinal) =>
      ordinal === null ? escapeHtml(label) : `Directive ${ordinal} («${escapeHtml(label)}»)`,
    paragraphs: (s, e) => (s === e ? `paragraph ${s}` : `paragraphs ${s}–${e}`),
    sourceHeader: "Source:",
    sourceDocument: (title, author, n) =>
      `«${escapeHtml(title)}»${author ? ` — by ${escapeHtml(author)}` : ""}; ${n} passage${n === 1 ? "" : "s"}`,
    sourceLegs: (legs) =>
      `Search legs in use: ${legs.map((leg) => LEG_NAMES.en[leg] ?? escapeHtml(leg)).join(", ")}.`,
    sourceSkipped: skippedList("For admins: these corpus files were skipped:", {
      "empty-file": "empty",
      "not-utf8": "not UTF-8 text",
      unreadable: "unreadable",
    }),
    notCovered: (n) =>
      `The article does not cover this, so I have nothing to quote. See the article's ${n} directives with /directives, or ask, for example:\n${bullets(examples)}`,
    notStated: (missing, words) => {
      const what = escapeHtml(words.join(" "));
      const said: Record<AnswerNeed, string> = {
        person: words.length > 0 ? `who the ${what} is` : "who it is",
        "body-or-person": "who does it",
        "full-name": "the full name",
        address: "the address",
        figure: words.length > 0 ? `how many ${what}` : "the number",
        date: "when",
        place: "where",
        age: "the age",
        money: "the amount",
      };
      return `The article touches on this, but does not say ${said[missing]}.`;
    },
    closestContext: "Closest passage (not the answer):",
    noSuchSection: (n, asked) =>
      `The article has ${n} directives${asked === null ? "" : ` — there is no directive ${asked}`}. The list: /directives`,
    emptyQuestion: `Please write your question in words, for example:\n${bullets(examples)}`,
    truncated: (max) => `ℹ️ Your message is very long, so I answered from its first ${max} characters.`,
    nonText: `I only understand questions written as text. Type your question, for example: «${escapeHtml(examples[0] ?? "")}»`,
    unknownCommand: "There is no such command. Commands: /start, /help, /directives, /source.",
    rateLimited: (s) => `Easy there 🙂 Too many questions in a row — please try again in ${s} seconds.`,
    apology: "Sorry, something went wrong while answering. Please try again in a moment.",
    directiveNotFound: "This directive was not found.",
    commands: {
      start: "What this bot does",
      help: "Example questions",
      directives: "The article's directives",
      source: "Source: documents and authors",
    },
  };
}

/** Human names of the retriever's legs, per language. */
const LEG_NAMES: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  kk: {
    structure: "құрылым (тапсырма нөмірі)",
    keyword: "кілт сөздер",
    dense: "мағыналық ұқсастық (модель)",
  },
  ru: {
    structure: "структура (номер поручения)",
    keyword: "ключевые слова",
    dense: "смысловая близость (модель)",
  },
  en: {
    structure: "structure (directive numbers)",
    keyword: "keywords",
    dense: "semantic similarity (model)",
  },
};

const BUILDERS: Readonly<Record<Language, (examples: readonly string[]) => Messages>> = {
  kk: kazakh,
  ru: russian,
  en: english,
};
const generic = new Map<Language, Messages>();
const withExamples = new WeakMap<ExampleQuestions, Map<Language, Messages>>();

/** The languages the interface speaks, in the order commands are registered. */
export const LANGUAGES: readonly Language[] = ["kk", "ru", "en"];

/**
 * The interface text of one language, quoting the corpus's own example questions where it offers
 * examples (generic ones when the corpus brings none). Built once per language and example set.
 */
export function messagesFor(language: Language, examples?: ExampleQuestions): Messages {
  const cache = examples ? (withExamples.get(examples) ?? new Map<Language, Messages>()) : generic;
  if (examples) withExamples.set(examples, cache);
  let messages = cache.get(language);
  if (messages === undefined) {
    const own = examples?.[language] ?? [];
    messages = BUILDERS[language](own.length > 0 ? own : GENERIC_EXAMPLES[language]);
    cache.set(language, messages);
  }
  return messages;
}

/**
 * The interface language for a Telegram `language_code` ("kk", "ru-RU", "en-GB"…). Kazakh,
 * Russian and English map to themselves; any other code means the client is set to a language we
 * do not speak, and English is the likeliest shared one. No code at all gives `undefined`, so the
 * caller falls back to Kazakh, the article's language.
 */
export function languageFromCode(code: string | undefined): Language | undefined {
  if (code === undefined || code.trim() === "") return undefined;
  const base = code.toLowerCase().split(/[-_]/)[0];
  return base === "kk" || base === "ru" || base === "en" ? base : "en";
}

/**
 * Picks the language to answer in: the question's own language when it shows one, else the
 * client's `language_code`, else Kazakh.
 */
export function chooseLanguage(fromText: Language | null | undefined, code: string | undefined): Language {
  return fromText ?? languageFromCode(code) ?? "kk";
}
