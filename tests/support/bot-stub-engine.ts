/**
 * A stand-in for the answer engine with fixed passages and scripted answers, so the bot's own
 * behaviour (groups, splitting, retries, rate limits, errors) is tested in-process, fast, and
 * independently of retrieval quality, which the end-to-end tests check with the real engine.
 */
import type { Answer, AnswerPassage, AskOptions, Language } from "../../src/answer/index.js";
import type { BotEngine } from "../../src/bot/index.js";
import type { DocumentSource } from "../../src/corpus/index.js";
import type { Passage } from "../../src/passages/index.js";

const TITLE = "Астана қаласындағы Бейбітшілік және келісім сарайында ХХVI сессиясы өтті";
const LABELS = ["Бірінші", "Екінші", "Үшінші", "Төртінші", "Бесінші", "Алтыншы", "Жетінші", "Сегізінші"];

function passageAt(id: number, ordinal: number | null, text: string): Passage {
  return {
    id,
    doc: "article",
    docTitle: TITLE,
    section: ordinal === null ? null : (LABELS[ordinal - 1] ?? null),
    ordinal,
    paragraphStart: 10 + id * 2,
    paragraphEnd: 11 + id * 2,
    lineStart: 11 + id * 2,
    lineEnd: 12 + id * 2,
    text,
  };
}

/** Eight directives (the fourth spans two passages) and one passage of prose. */
export const STUB_PASSAGES: Passage[] = [
  ...LABELS.slice(0, 4).map((label, i) =>
    passageAt(i, i + 1, `${label}\nТапсырма мәтіні ${i + 1} <бір> & екі.`),
  ),
  passageAt(4, 4, "Күш-жігерімізді жастардың өзекті стартаптарын қолдауға бағыттау қажет."),
  ...LABELS.slice(4).map((label, i) => passageAt(5 + i, i + 5, `${label}\nТапсырма мәтіні ${i + 5}.`)),
  passageAt(9, null, "ҚХА Төрағасының жаңа орынбасарлары: Виталий Ионо Тварионас пен Исламбек Салжанов."),
];

/** The stub corpus's fingerprint, as an index manifest records it (more buttons carry its start). */
export const STUB_CORPUS_HASH = "5ab1e0c0ffee";

/** The stub document's source: a short title per language and a link to the original. */
export const STUB_SOURCE: DocumentSource = {
  title: "ҚХА XXVI сессиясы",
  titles: { kk: "ҚХА XXVI сессиясы", en: "XXVI session of the Assembly" },
  url: "https://example.kz/news/assembly-26",
  date: null,
  author: "Бағдагүл Балаубаева",
  fromFile: true,
};

/** A question the stub answers with ten passages of 900 characters: over 4096 in total. */
export const LONG_ANSWER_QUESTION = "барлығын көрсет";
/**
 * A question the stub answers with three passages of which only the first is relevant (keyword
 * scores 9, 2, 1): the reply quotes one and offers the other two behind "more".
 */
export const SPREAD_QUESTION = "жастардың стартаптарына қолдау";
/** A question the stub answers with the passage leading with "Тапсырма мәтіні 2" (for edits). */
export const SECOND_DIRECTIVE_QUESTION = "екінші тапсырма";
/** A question on which the stub engine throws, to test the error boundary. */
export const FAILING_QUESTION = "сынық сұрақ";
/** A question the stub answers slowly (for shutdown tests), in milliseconds. */
export const SLOW_QUESTION = "баяу сұрақ";

function toAnswerPassage(p: Passage, rank: number, question: string): AnswerPassage {
  const word = question.split(/\s+/).find((w) => w.length > 3 && p.text.includes(w));
  const at = word === undefined ? -1 : p.text.indexOf(word);
  return {
    rank,
    doc: p.doc,
    docTitle: p.docTitle,
    section: p.section,
    ordinal: p.ordinal,
    paragraphStart: p.paragraphStart,
    paragraphEnd: p.paragraphEnd,
    lineStart: p.lineStart,
    lineEnd: p.lineEnd,
    text: p.text,
    score: 1 / rank,
    cite: "",
    highlights: word === undefined ? [] : [[at, at + word.length]],
    legs: { keyword: { rank, score: 1, coverage: 1 } },
  };
}

function detect(text: string): Language | null {
  if (/[a-z]/i.test(text)) return "en";
  if (/[әғқңөұүһі]/i.test(text)) return "kk";
  if (/[а-я]/i.test(text)) return "ru";
  return null;
}

/** The stub; `questions` records what the bot asked, to check mention stripping. */
export class StubEngine implements BotEngine {
  /** The corpus's example questions, as `examples.json` would give them. */
  readonly examples = {
    kk: ["Төртінші тапсырмада не айтылған?"],
    ru: ["О чём четвёртое поручение?"],
    en: ["Show me the fourth directive"],
  };
  readonly questions: string[] = [];
  readonly legs = ["structure", "keyword"];
  readonly indexes = {
    manifest: { corpusHash: STUB_CORPUS_HASH },
    passages: STUB_PASSAGES,
    documents: [
      { id: "article", title: TITLE, author: "Бағдагүл Балаубаева", passages: STUB_PASSAGES.length },
    ],
  } as unknown as BotEngine["indexes"];
  /** As `sources.json` gives them: a short title per language and the original's address. */
  readonly sources: BotEngine["sources"] = new Map([["article", STUB_SOURCE]]);

  sections(): Passage[] {
    return STUB_PASSAGES.filter((p, i) => p.ordinal !== null && STUB_PASSAGES[i - 1]?.ordinal !== p.ordinal);
  }

  section(ordinal: number): Passage[] {
    return STUB_PASSAGES.filter((p) => p.ordinal === ordinal);
  }

  async answer(question: string, options: AskOptions = {}): Promise<Answer> {
    this.questions.push(question);
    const clean = question.replace(/\s+/g, " ").trim();
    const truncated = clean.length > 1000;
    const text = clean.slice(0, 1000);
    const language = detect(text) ?? options.languageHint ?? "kk";
    const base = {
      question,
      language,
      truncated,
      ordinal: null,
      kind: "other" as const,
      leads: [],
      missing: null,
      missingWords: [],
      context: null,
    };
    if (text === "" || detect(text) === null) {
      return { ...base, abstained: true, reason: "empty-question", passages: [] };
    }
    if (text === FAILING_QUESTION) throw new Error("engine exploded");
    if (text === SLOW_QUESTION) await new Promise((resolve) => setTimeout(resolve, 1500));
    if (text === LONG_ANSWER_QUESTION) {
      const long = Array.from({ length: 10 }, (_, i) =>
        toAnswerPassage(passageAt(20 + i, null, `${"Ұзын сөйлем мәтіні. ".repeat(45)}${i}`), i + 1, question),
      );
      return { ...base, abstained: false, reason: null, passages: long };
    }
    if (text === SPREAD_QUESTION) {
      const spread = [STUB_PASSAGES[4], STUB_PASSAGES[9], STUB_PASSAGES[0]].map((p, i) => ({
        ...toAnswerPassage(p as Passage, i + 1, text),
        legs: { keyword: { rank: i + 1, score: [9, 2, 1][i] as number, coverage: 1 } },
      }));
      return { ...base, abstained: false, reason: null, passages: spread };
    }
    if (text === SECOND_DIRECTIVE_QUESTION) {
      const second = toAnswerPassage(STUB_PASSAGES[1] as Passage, 1, text);
      return { ...base, abstained: false, reason: null, ordinal: 2, passages: [second] };
    }
    const hits = STUB_PASSAGES.filter((p) => text.split(" ").some((w) => w.length > 3 && p.text.includes(w)));
    if (hits.length === 0) return { ...base, abstained: true, reason: "not-covered", passages: [] };
    return {
      ...base,
      abstained: false,
      reason: null,
      passages: hits.slice(0, 3).map((p, i) => toAnswerPassage(p, i + 1, text)),
    };
  }
}
