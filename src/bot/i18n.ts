import type { Language, MissingFact } from "../answer/index.js";
import type { ExampleQuestions, SkippedFile } from "../corpus/index.js";
import { countOf, paragraphLabel, phrasesFor } from "../presentation/index.js";
import { escapeHtml, linkHtml } from "./html.js";

export type { Language } from "../answer/index.js";

/** A document as /start and /source name it: its short title, linked when its address is known. */
export interface SourceListing {
  readonly title: string;
  readonly url: string | null;
  readonly author: string | null;
  readonly date: string | null;
}

/**
 * Every sentence the bot says of its own, in the three languages it speaks. Quotes stay in the
 * article's language; only this interface text is translated. Strings are Telegram HTML: fixed
 * text is safe as written, and every dynamic value is escaped here, at the one place it meets
 * markup. What the command line says too (declines, citations) comes from the shared wording in
 * `src/presentation`, so both say it alike.
 */
export interface Messages {
  /** /start: what the bot does, for a document titled `title` (its short title) with `sections` directives. */
  start(title: SourceListing, sections: number): string;
  /** /help: how to ask, with example questions; `username` is the bot's @username. */
  help(username: string): string;
  /** Heading of /directives. */
  directivesHeader(count: number): string;
  /** A numbered section's name: "Төртінші тапсырма", "Поручение №4", "Directive 4". */
  sectionName(label: string, ordinal: number | null): string;
  /** "¶36–38". */
  paragraphs(start: number, end: number): string;
  /** Heading of /source. */
  sourceHeader: string;
  /** One document in /source: short title (linked), author, date, passages. */
  sourceDocument(source: SourceListing, passages: number): string;
  /** Whether search by meaning (the model) is on, in plain words. */
  sourceSearch(meaning: boolean): string;
  /** For an admin in /source: the corpus files left out, each with why. */
  sourceSkipped(files: readonly Pick<SkippedFile, "name" | "reason">[]): string;
  /** The article does not cover the question. */
  notCovered(sections: number): string;
  /**
   * The article covers the topic but not the thing asked for (`missing`), named with the
   * reader's own words for it when the question gave them (`words`: "the mayor", "people").
   */
  notStated(missing: MissingFact, words: readonly string[]): string;
  /** Heading of the nearest passage shown under {@link notStated}: context, not the answer. */
  closestContext: string;
  /** The question named a directive the article does not have. */
  noSuchSection(sections: number, asked: number | null): string;
  /** The message had no words to search for. */
  emptyQuestion: string;
  /** A note before answers to a question cut to `max` characters. */
  truncated(max: number): string;
  /** The button under an answer that shows its other `n` passages. */
  moreButton(n: number): string;
  /** Alert for a "more" button whose passages changed since (the corpus was updated). */
  moreGone: string;
  /** Under a list of lead lines cut short: "…and 7 more, in the quote below". */
  moreLeads(n: number): string;
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

/** «Title», linked to the original when its address is known. */
const titleHtml = (source: SourceListing): string => `«${linkHtml(source.title, source.url)}»`;

/** The parts of /source after a document's title: author, date, passage count. */
const details = (parts: readonly (string | null | false)[]): string =>
  parts.filter((part): part is string => typeof part === "string").join("; ");

/** What every language builds on: the shared wording, escaped, and the bot's own additions. */
function shared(language: Language) {
  const phrases = phrasesFor(language);
  return {
    sectionName: (label: string, ordinal: number | null) => escapeHtml(phrases.sectionName(label, ordinal)),
    paragraphs: (start: number, end: number) => paragraphLabel(start, end),
    sourceSearch: (meaning: boolean) => escapeHtml(phrases.searchMode(meaning)),
    notStated: (missing: MissingFact, words: readonly string[]) =>
      escapeHtml(phrases.notStated(missing, words)),
    closestContext: escapeHtml(phrases.closestContext),
    truncated: (max: number) => escapeHtml(phrases.truncated(max)),
    moreButton: (n: number) => phrases.morePassages(n),
  };
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
  const phrases = phrasesFor("kk");
  return {
    ...shared("kk"),
    start: (source, n) =>
      `Сәлеметсіз бе! Мен ${titleHtml(source)} мақаласы бойынша сұрақтарға жауап беремін: жауапты және ол тұрған үзіндіні дереккөзімен (бөлім, абзац, құжат) келтіремін. Мақалада жоқ нәрсені ойдан шығармаймын.\n\n` +
      `Сұрағыңызды жазыңыз, мысалы:\n${bullets(examples)}\n\n` +
      `/directives — мақаладағы ${phrases.directives(n)}\n/help — сұрақ мысалдары\n/source — дереккөз`,
    help: (username) =>
      `Мақала туралы сұрағыңызды өз сөзіңізбен жазыңыз — қазақша, орысша немесе ағылшынша. Мысалы:\n${bullets(examples)}\n\n` +
      `Сұрақты өзгертсеңіз, жауабын да жаңартамын. Топта мені @${escapeHtml(username)} деп атаңыз немесе хабарламама жауап беріңіз. Кез келген чатта: <code>@${escapeHtml(username)} сұрақ</code>.\n` +
      "/directives — тапсырмалар тізімі, /source — дереккөз.",
    directivesHeader: (n) => `Мақаладағы ${phrases.directives(n)}. Толық мәтінін көру үшін нөмірін басыңыз:`,
    sourceHeader: "Дереккөз:",
    sourceDocument: (source, n) =>
      `${titleHtml(source)} — ${details([
        source.author !== null && `авторы: ${escapeHtml(source.author)}`,
        source.date !== null && escapeHtml(source.date),
        countOf("kk", n, { one: "үзінді", other: "үзінді" }),
      ])}`,
    sourceSkipped: skippedList("Әкімшіге: корпустың мына файлдары оқылмай қалды:", {
      "empty-file": "бос",
      "not-utf8": "UTF-8 мәтіні емес",
      unreadable: "оқылмайды",
    }),
    notCovered: (n) =>
      `${escapeHtml(phrases.notCovered)} Мақаладағы ${phrases.directives(n)}: /directives — немесе былай сұраңыз:\n${bullets(examples)}`,
    noSuchSection: (n, asked) => `${escapeHtml(phrases.noSuchSection(n, asked))} Тізімі: /directives`,
    emptyQuestion: `${escapeHtml(phrases.emptyQuestion)} Мысалы:\n${bullets(examples)}`,
    moreGone: "Мақала жаңартылды, бұл үзінділер енді жоқ. Сұрағыңызды қайта жазыңыз.",
    moreLeads: (n) => `…тағы ${n}, төмендегі дәйексөзде`,
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
  const phrases = phrasesFor("ru");
  const fragments = { one: "фрагмент", few: "фрагмента", many: "фрагментов", other: "фрагмента" };
  return {
    ...shared("ru"),
    start: (source, n) =>
      `Здравствуйте! Я отвечаю на вопросы по статье ${titleHtml(source)}: привожу ответ и фрагмент, где он стоит, с указанием источника (раздел, абзац, документ). Того, чего нет в статье, не выдумываю.\n\n` +
      `Напишите вопрос, например:\n${bullets(examples)}\n\n` +
      `/directives — ${phrases.directives(n)} из статьи\n/help — примеры вопросов\n/source — источник`,
    help: (username) =>
      `Задайте вопрос о статье своими словами — по-казахски, по-русски или по-английски. Например:\n${bullets(examples)}\n\n` +
      `Если исправите вопрос, я обновлю ответ. В группе упомяните меня (@${escapeHtml(username)}) или ответьте на моё сообщение. В любом чате: <code>@${escapeHtml(username)} вопрос</code>.\n` +
      "/directives — список поручений, /source — источник.",
    directivesHeader: (n) => `В статье ${phrases.directives(n)}. Нажмите номер, чтобы прочитать полностью:`,
    sourceHeader: "Источник:",
    sourceDocument: (source, n) =>
      `${titleHtml(source)} — ${details([
        source.author !== null && `автор: ${escapeHtml(source.author)}`,
        source.date !== null && escapeHtml(source.date),
        countOf("ru", n, fragments),
      ])}`,
    sourceSkipped: skippedList("Для администратора: эти файлы корпуса пропущены:", {
      "empty-file": "пустой",
      "not-utf8": "не в кодировке UTF-8",
      unreadable: "не читается",
    }),
    notCovered: (n) =>
      `${escapeHtml(phrases.notCovered)} Посмотрите ${phrases.directives(n)} статьи: /directives — или спросите, например:\n${bullets(examples)}`,
    noSuchSection: (n, asked) => `${escapeHtml(phrases.noSuchSection(n, asked))} Список: /directives`,
    emptyQuestion: `${escapeHtml(phrases.emptyQuestion)} Например:\n${bullets(examples)}`,
    moreGone: "Статья обновилась, этих фрагментов больше нет. Задайте вопрос ещё раз.",
    moreLeads: (n) => `…и ещё ${n} — в цитате ниже`,
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
  const phrases = phrasesFor("en");
  return {
    ...shared("en"),
    start: (source, n) =>
      `Hello! I answer questions about the article ${titleHtml(source)}: I give the answer and quote the passage it stands in, with its source (section, paragraph, document). I do not make up what the article does not say.\n\n` +
      `Ask a question, for example:\n${bullets(examples)}\n\n` +
      `/directives — the article's ${phrases.directives(n)}\n/help — example questions\n/source — the source`,
    help: (username) =>
      `Ask about the article in your own words — in Kazakh, Russian or English. For example:\n${bullets(examples)}\n\n` +
      `Edit your question and I update my answer. In a group, mention me (@${escapeHtml(username)}) or reply to my message. In any chat: <code>@${escapeHtml(username)} question</code>.\n` +
      "/directives — the list of directives, /source — the source.",
    directivesHeader: (n) => `The article's ${phrases.directives(n)}. Press a number to read one in full:`,
    sourceHeader: "Source:",
    sourceDocument: (source, n) =>
      `${titleHtml(source)} — ${details([
        source.author !== null && `by ${escapeHtml(source.author)}`,
        source.date !== null && escapeHtml(source.date),
        countOf("en", n, { one: "passage", other: "passages" }),
      ])}`,
    sourceSkipped: skippedList("For admins: these corpus files were skipped:", {
      "empty-file": "empty",
      "not-utf8": "not UTF-8 text",
      unreadable: "unreadable",
    }),
    notCovered: (n) =>
      `${escapeHtml(phrases.notCovered)} See the article's ${phrases.directives(n)} with /directives, or ask, for example:\n${bullets(examples)}`,
    noSuchSection: (n, asked) => `${escapeHtml(phrases.noSuchSection(n, asked))} The list: /directives`,
    emptyQuestion: `${escapeHtml(phrases.emptyQuestion)} For example:\n${bullets(examples)}`,
    moreGone: "The article has been updated and these passages are gone. Please ask again.",
    moreLeads: (n) => `…and ${n} more, in the quote below`,
    nonText: `I only understand questions written as text. Type your question, for example: «${escapeHtml(examples[0] ?? "")}»`,
    unknownCommand: "There is no such command. Commands: /start, /help, /directives, /source.",
    rateLimited: (s) =>
      `Easy there 🙂 Too many questions in a row — please try again in ${countOf("en", s, { one: "second", other: "seconds" })}.`,
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
