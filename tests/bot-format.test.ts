import { describe, expect, it } from "vitest";
import type { Answer, AnswerPassage, Language } from "../src/answer/index.js";
import { abstentionHtml, answerReply, leadHtml } from "../src/bot/answer-reply.js";
import {
  citationHtml,
  firstWords,
  highlightHtml,
  passageHtml,
  quoteHtml,
  type ReplyView,
  sectionHtml,
} from "../src/bot/format.js";
import { escapeHtml, visibleLength, visibleText } from "../src/bot/html.js";
import { chooseLanguage, languageFromCode, messagesFor } from "../src/bot/i18n.js";
import type { DocumentSource } from "../src/corpus/index.js";
import { answerOf, answerPassage } from "./support/answer-fixtures.js";
import { htmlToVisibleText } from "./support/fake-bot-api-html.js";

const TITLE =
  "Астана қаласындағы Бейбітшілік және келісім сарайында еліміздегі татулық пен береке-бірлікті мақсат тұтқан";

const SOURCE: DocumentSource = {
  title: "Қазақстан халқы Ассамблеясының XXVI сессиясы",
  titles: { en: "XXVI session of the Assembly", ru: "XXVI сессия АНК" },
  url: "https://example.kz/news?id=26&lang=kk",
  date: null,
  author: null,
  fromFile: true,
};

/** The view a reply is formatted in; `source` null for a corpus without sources.json. */
const view = (language: Language, source: DocumentSource | null = SOURCE): ReplyView => ({
  language,
  messages: messagesFor(language),
  sources: () => source ?? undefined,
});

const passage = (overrides: Partial<AnswerPassage> = {}) => answerPassage({ docTitle: TITLE, ...overrides });

const answer = (overrides: Partial<Answer> = {}): Answer => answerOf({ passages: [passage()], ...overrides });

/** Telegram's verdict: throws on HTML it would refuse, else the visible text. */
const telegram = (html: string) => htmlToVisibleText(html);
describe("escaping", () => {
  it('escapes &, <, > and " so user or corpus text can never become markup', () => {
    expect(escapeHtml(`<b>Төртінші</b> & "x" <script>`)).toBe(
      "&lt;b&gt;Төртінші&lt;/b&gt; &amp; &quot;x&quot; &lt;script&gt;",
    );
    const html = quoteHtml(`a < b && c > "d" </blockquote><script>`);
    expect(telegram(html)).toBe(`a < b && c > "d" </blockquote><script>`);
  });

  it("escapes inside highlighted words as well as between them", () => {
    const text = "R&D <Жаңғыру> жолы";
    const html = highlightHtml(text, [
      [0, 3],
      [4, 13],
    ]);
    expect(html).toBe("<b>R&amp;D</b> <b>&lt;Жаңғыру&gt;</b> жолы");
    expect(telegram(html)).toBe(text);
  });

  it("visibleText decodes what escapeHtml encodes", () => {
    const raw = `<&>"'ә😀`;
    expect(visibleText(escapeHtml(raw))).toBe(raw);
    expect(visibleLength(`<b>${escapeHtml(raw)}</b>`)).toBe(raw.length);
  });
});

describe("highlighting", () => {
  it("bolds the matched ranges, merging overlaps and ignoring ranges outside the text", () => {
    const text = "жастар қозғалысы жастарды";
    const html = highlightHtml(text, [
      [17, 25],
      [0, 6],
      [3, 10],
      [40, 50],
      [5, 5],
    ]);
    expect(html).toBe("<b>жастар қоз</b>ғалысы <b>жастарды</b>");
  });

  it("leaves text without highlights plain", () => {
    expect(highlightHtml("Бесінші")).toBe("Бесінші");
  });
});

describe("citations", () => {
  it("read section · paragraphs · short title, in each language, the title linked to the original", () => {
    const p = passage();
    const en = citationHtml(p, view("en"));
    expect(telegram(en)).toBe("Directive 4 · ¶36–38 · XXVI session of the Assembly");
    expect(en).toContain(
      '<a href="https://example.kz/news?id=26&amp;lang=kk">XXVI session of the Assembly</a>',
    );
    expect(telegram(citationHtml(p, view("ru")))).toBe("Поручение №4 · ¶36–38 · XXVI сессия АНК");
    // No Kazakh title given: the source's own title.
    expect(telegram(citationHtml(p, view("kk")))).toBe(
      "Төртінші тапсырма · ¶36–38 · Қазақстан халқы Ассамблеясының XXVI сессиясы",
    );
  });

  it("without a url the title is plain text; without a source it is derived, never the whole sentence", () => {
    const p = passage({ section: null, ordinal: null, paragraphStart: 52, paragraphEnd: 52 });
    const plain = citationHtml(p, view("en", { ...SOURCE, url: null }));
    expect(plain).not.toContain("<a ");
    expect(telegram(plain)).toBe("¶52 · XXVI session of the Assembly");
    const derived = telegram(citationHtml(p, view("en", null)));
    expect(derived).toMatch(/^¶52 · Астана қаласындағы/);
    expect(derived.length - "¶52 · ".length).toBeLessThanOrEqual(60);
  });

  it("escapes a document title with markup characters", () => {
    const html = citationHtml(
      passage(),
      view("en", { ...SOURCE, titles: {}, title: "A <b> & C", url: null }),
    );
    expect(telegram(html)).toContain("A <b> & C");
  });
});

describe("quotes and answers", () => {
  it("puts short quotes in <blockquote> and long ones in <blockquote expandable>", () => {
    expect(quoteHtml("қысқа")).toBe("<blockquote>қысқа</blockquote>");
    expect(quoteHtml("ұзын ".repeat(200))).toMatch(/^<blockquote expandable>/);
    expect(quoteHtml("ұзын ".repeat(20), [], { expandableOver: 10 })).toMatch(/^<blockquote expandable>/);
  });

  it("formats a passage as a quote with bold matches and a citation line", () => {
    const text = "Төртінші\nҚХА-ның «Жаңғыру жолы» атты жаңа жастар қозғалысы";
    const start = text.indexOf("Жаңғыру");
    const html = passageHtml(passage({ text, highlights: [[start, start + 7]] }), view("kk", null));
    expect(html).toContain("<b>Жаңғыру</b>");
    expect(telegram(html)).toBe(
      `${text}\nТөртінші тапсырма · ¶36–38 · Астана қаласындағы Бейбітшілік және келісім сарайында…`,
    );
  });

  it("adds a note when the question was cut", () => {
    const { parts } = answerReply(answer({ truncated: true, language: "en" }), view("en"), {
      maxQuestionChars: 1000,
    });
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain("first 1000 characters");
  });

  it("leads with the answer line, name in bold, then the passage that holds it, folded when long", () => {
    const lead = {
      text: "Виталий Ионо Тварионас — «Lituanica» <бірлестігінің> төрағасы",
      emphasis: [[0, 22]] as const,
      rank: 1,
    };
    const long = passage({ text: `Сессия барысында ${"сөз ".repeat(100)}` });
    const { parts } = answerReply(answer({ kind: "who", leads: [lead], passages: [long] }), view("kk"));
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe("<b>Виталий Ионо Тварионас</b> — «Lituanica» &lt;бірлестігінің&gt; төрағасы");
    expect(parts[1]).toMatch(/^<blockquote expandable>Сессия/);
  });

  it("lists several lead lines as bullets, and cuts a long list short", () => {
    const leads = Array.from({ length: 8 }, (_, i) => ({
      text: `Адам${i} — рөлі`,
      emphasis: [[0, 5]] as const,
      rank: 1,
    }));
    const html = leadHtml(leads, view("en"), 5);
    expect(telegram(html).split("\n")).toEqual([
      "• Адам0 — рөлі",
      "• Адам1 — рөлі",
      "• Адам2 — рөлі",
      "• Адам3 — рөлі",
      "• Адам4 — рөлі",
      "…and 3 more, in the quote below",
    ]);
  });

  it("quotes only the first passage when the others are far less relevant, and offers them as 'more'", () => {
    const first = passage({ rank: 1, legs: { keyword: { rank: 1, score: 9, coverage: 1 } } });
    const near = passage({
      rank: 2,
      paragraphStart: 40,
      legs: { keyword: { rank: 2, score: 7, coverage: 1 } },
    });
    const far = passage({
      rank: 3,
      paragraphStart: 50,
      legs: { keyword: { rank: 3, score: 2, coverage: 1 } },
    });
    const nearFirst = answerReply(answer({ passages: [first, near, far] }), view("en"));
    expect(nearFirst.parts).toHaveLength(2);
    expect(nearFirst.more.map((p) => p.rank)).toEqual([3]);
    const farFirst = answerReply(answer({ passages: [first, far, near] }), view("en"));
    expect(farFirst.parts).toHaveLength(1);
    expect(farFirst.more.map((p) => p.rank)).toEqual([3, 2]);
  });

  it("says plainly that the article does not cover a question, with suggestions", () => {
    const kk = abstentionHtml(answer({ abstained: true, reason: "not-covered" }), view("kk"), 8);
    expect(telegram(kk)).toContain("Мақалада бұл туралы айтылмайды");
    expect(kk).toContain("/directives");
    const ru = abstentionHtml(
      answer({ abstained: true, reason: "no-such-section", ordinal: 12 }),
      view("ru"),
      8,
    );
    expect(telegram(ru)).toContain("В статье 8 поручений — поручения №12 нет");
    const en = abstentionHtml(answer({ abstained: true, reason: "empty-question" }), view("en"), 8);
    expect(telegram(en)).toContain("write your question in words");
  });

  it("counts with the language's plural rules", () => {
    const said = (language: Language, n: number) =>
      telegram(
        abstentionHtml(
          answer({ abstained: true, reason: "no-such-section", ordinal: 99 }),
          view(language),
          n,
        ),
      );
    expect(said("en", 1)).toMatch(/^The article has 1 directive — /);
    expect(said("en", 8)).toMatch(/^The article has 8 directives — /);
    expect(said("ru", 1)).toMatch(/^В статье 1 поручение — /);
    expect(said("ru", 3)).toMatch(/^В статье 3 поручения — /);
    expect(said("ru", 21)).toMatch(/^В статье 21 поручение — /);
    expect(said("ru", 11)).toMatch(/^В статье 11 поручений — /);
    expect(said("kk", 8)).toMatch(/^Мақалада 8 тапсырма бар — /);
    expect(messagesFor("ru").moreButton(2)).toBe("Ещё 2 фрагмента");
    expect(messagesFor("ru").moreButton(5)).toBe("Ещё 5 фрагментов");
    expect(messagesFor("en").moreButton(1)).toBe("1 more passage");
    expect(messagesFor("kk").moreButton(2)).toBe("Тағы 2 үзінді");
  });

  it("shows a whole section with one citation spanning its passages", () => {
    const html = sectionHtml(
      [
        passage({ paragraphEnd: 36 }),
        passage({ paragraphStart: 37, paragraphEnd: 39, text: "Күш-жігерімізді" }),
      ],
      view("en"),
    );
    expect(telegram(html)).toMatch(/Күш-жігерімізді\nDirective 4 · ¶36–39 · XXVI session/);
  });

  it("lists first words after a heading line", () => {
    expect(firstWords("Бірінші\nАссамблея жаңғырудың өзекті міндеттерін орындау", 3, true)).toBe(
      "Ассамблея жаңғырудың өзекті…",
    );
  });
});

describe("interface language", () => {
  it("prefers the question's language, then language_code, then Kazakh", () => {
    expect(chooseLanguage("ru", "en")).toBe("ru");
    expect(chooseLanguage(null, "en-GB")).toBe("en");
    expect(chooseLanguage(null, "kk")).toBe("kk");
    expect(chooseLanguage(null, undefined)).toBe("kk");
  });

  it("maps other client languages to English", () => {
    expect(languageFromCode("de")).toBe("en");
    expect(languageFromCode("ru-RU")).toBe("ru");
    expect(languageFromCode("")).toBeUndefined();
  });

  it("has valid Telegram HTML in every interface string", () => {
    for (const language of ["kk", "ru", "en"] as const) {
      const m = messagesFor(language);
      const texts = [
        m.start({ title: TITLE, url: "https://x.kz/?a=1&b=2", author: null, date: null }, 8),
        m.help("test_doc_bot"),
        m.directivesHeader(8),
        m.notCovered(8),
        m.noSuchSection(8, 9),
        m.noSuchSection(1, null),
        m.emptyQuestion,
        m.truncated(1000),
        m.nonText,
        m.unknownCommand,
        m.rateLimited(10),
        m.apology,
        m.sourceDocument(
          { title: "<T>", url: 'https://x.kz/"q"', author: "Бағдагүл Балаубаева", date: "2018" },
          40,
        ),
        m.sourceSearch(true),
        m.sourceSearch(false),
        m.moreLeads(3),
        m.moreGone,
      ];
      for (const text of texts) expect(() => telegram(text)).not.toThrow();
    }
  });
});

describe("example questions", () => {
  it("come from the corpus when it brings them, else are generic", () => {
    const own = { kk: ["Бесінші тапсырма?"], ru: [], en: ["Who spoke?"] };
    expect(messagesFor("en", own).help("bot")).toContain("Who spoke?");
    expect(messagesFor("kk", own).notCovered(8)).toContain("Бесінші тапсырма?");
    // Russian has none of its own: the generic examples stand in.
    expect(messagesFor("ru", own).help("bot")).toContain("О чём первое поручение?");
  });
});
