import { describe, expect, it } from "vitest";
import type { Answer, AnswerPassage } from "../src/answer/index.js";
import {
  abstentionHtml,
  answerParts,
  citationHtml,
  firstWords,
  highlightHtml,
  passageHtml,
  quoteHtml,
  sectionHtml,
} from "../src/bot/format.js";
import { escapeHtml, visibleLength, visibleText } from "../src/bot/html.js";
import { chooseLanguage, languageFromCode, messagesFor } from "../src/bot/i18n.js";
import { answerPassage } from "./support/answer-fixtures.js";
import { htmlToVisibleText } from "./support/fake-bot-api-html.js";

const TITLE =
  "Астана қаласындағы Бейбітшілік және келісім сарайында еліміздегі татулық пен береке-бірлікті мақсат тұтқан";

const passage = (overrides: Partial<AnswerPassage> = {}) => answerPassage({ docTitle: TITLE, ...overrides });

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "q",
    language: "kk",
    abstained: false,
    reason: null,
    passages: [passage()],
    ordinal: null,
    kind: "other",
    leads: [],
    truncated: false,
    missing: null,
    missingWords: [],
    context: null,
    ...overrides,
  };
}

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
  it("names the section in each language, keeping the article's own label", () => {
    const p = passage();
    expect(visibleText(citationHtml(p, messagesFor("kk")))).toBe(
      "— Төртінші тапсырма, 36–38-абзацтар, «Астана қаласындағы Бейбітшілік және келісім сарайында…»",
    );
    expect(visibleText(citationHtml(p, messagesFor("ru")))).toMatch(
      /^— Поручение №4 \(«Төртінші»\), абзацы 36–38, «Астана/,
    );
    expect(visibleText(citationHtml(p, messagesFor("en")))).toMatch(
      /^— Directive 4 \(«Төртінші»\), paragraphs 36–38, «/,
    );
  });

  it("cites prose by paragraph alone, and a single paragraph in the singular", () => {
    const p = passage({ section: null, ordinal: null, paragraphStart: 52, paragraphEnd: 52 });
    expect(visibleText(citationHtml(p, messagesFor("en")))).toMatch(/^— paragraph 52, «/);
    expect(visibleText(citationHtml(p, messagesFor("ru")))).toMatch(/^— абзац 52, «/);
    expect(visibleText(citationHtml(p, messagesFor("kk")))).toMatch(/^— 52-абзац, «/);
  });

  it("escapes a document title with markup characters", () => {
    const html = citationHtml(passage({ docTitle: "A <b> & C" }), messagesFor("en"));
    expect(telegram(html)).toContain("«A <b> & C»");
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
    const html = passageHtml(passage({ text, highlights: [[start, start + 7]] }), messagesFor("kk"));
    expect(html).toContain("<b>Жаңғыру</b>");
    expect(telegram(html)).toBe(
      `${text}\n— Төртінші тапсырма, 36–38-абзацтар, «Астана қаласындағы Бейбітшілік және келісім сарайында…»`,
    );
  });

  it("adds a note when the question was cut", () => {
    const parts = answerParts(answer({ truncated: true, language: "en" }), messagesFor("en"), {
      maxQuestionChars: 1000,
    });
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain("first 1000 characters");
  });

  it("leads with the engine's lead lines, names in bold, before the quotes", () => {
    const lead = {
      text: "Виталий Ионо Тварионас — «Lituanica» <бірлестігінің> төрағасы",
      emphasis: [[0, 22]] as const,
      rank: 1,
    };
    const parts = answerParts(answer({ kind: "who", leads: [lead] }), messagesFor("kk"));
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe(
      "• <b>Виталий Ионо Тварионас</b> — «Lituanica» &lt;бірлестігінің&gt; төрағасы <i>[1]</i>",
    );
    expect(parts[1]).toMatch(/^<blockquote>/);
    // The quote the lead came from carries the same mark.
    expect(parts[1]).toMatch(/ <i>\[1\]<\/i>$/);
  });

  it("says plainly that the article does not cover a question, with suggestions", () => {
    const kk = abstentionHtml(answer({ abstained: true, reason: "not-covered" }), messagesFor("kk"), 8);
    expect(telegram(kk)).toContain("Мақалада бұл туралы айтылмайды");
    expect(kk).toContain("/directives");
    const ru = abstentionHtml(
      answer({ abstained: true, reason: "no-such-section", ordinal: 12 }),
      messagesFor("ru"),
      8,
    );
    expect(telegram(ru)).toContain("В статье 8 поручений — поручения №12 нет");
    const en = abstentionHtml(answer({ abstained: true, reason: "empty-question" }), messagesFor("en"), 8);
    expect(telegram(en)).toContain("write your question in words");
  });

  it("shows a whole section with one citation spanning its passages", () => {
    const html = sectionHtml(
      [
        passage({ paragraphEnd: 36 }),
        passage({ paragraphStart: 37, paragraphEnd: 39, text: "Күш-жігерімізді" }),
      ],
      messagesFor("en"),
    );
    expect(telegram(html)).toMatch(/Күш-жігерімізді\n— Directive 4 \(«Төртінші»\), paragraphs 36–39/);
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
        m.start(TITLE, 8),
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
        m.sourceDocument(TITLE, "Бағдагүл Балаубаева", 40),
        m.sourceLegs(["structure", "keyword", "dense", "other<x>"]),
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
