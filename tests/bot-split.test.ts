import { describe, expect, it } from "vitest";
import { passageHtml } from "../src/bot/format.js";
import { visibleLength, visibleText } from "../src/bot/html.js";
import { messagesFor } from "../src/bot/i18n.js";
import { splitForTelegram } from "../src/bot/split.js";
import type { DocumentSource } from "../src/corpus/index.js";
import { answerPassage } from "./support/answer-fixtures.js";
import { htmlToVisibleText } from "./support/fake-bot-api-html.js";

/** Telegram's verdict: throws on HTML it would refuse, else the visible text. */
const telegram = (html: string) => htmlToVisibleText(html);

const passage = (text: string, highlights: [number, number][]) =>
  answerPassage({
    doc: "doc",
    docTitle: "Астана қаласындағы Бейбітшілік және келісім сарайында",
    text,
    highlights,
  });

/** A source whose title and address need escaping, so split links are tested too. */
const SOURCE: DocumentSource = {
  title: "Сессия <XXVI> & «Ассамблея»",
  titles: {},
  url: 'https://example.kz/a?b=1&c="2"',
  date: null,
  author: null,
  fromFile: true,
};
const VIEW = { language: "ru" as const, messages: messagesFor("ru"), sources: () => SOURCE };

/** A small deterministic PRNG, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = [
  "жастар",
  "Жаңғыру",
  "a",
  "<",
  ">",
  "&",
  '"',
  " ",
  " ",
  " ",
  "\n",
  ". ",
  "! ",
  "…",
  "😀",
  "ө",
  "lorem",
];

function randomText(next: () => number, length: number): string {
  let text = "";
  while (text.length < length) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

function randomHighlights(next: () => number, length: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = Math.floor(next() * 30); i > 0; i--) {
    const start = Math.floor(next() * length);
    ranges.push([start, start + 1 + Math.floor(next() * 20)]);
  }
  return ranges;
}

describe("splitForTelegram", () => {
  it("keeps parts whole and in order when they fit, packing several per message", () => {
    const parts = ["<b>one</b>", "two &amp; three", "four"];
    expect(splitForTelegram(parts, { limit: 30 })).toEqual(["<b>one</b>\n\ntwo &amp; three\n\nfour"]);
    expect(splitForTelegram(parts, { limit: 15 })).toEqual(["<b>one</b>", "two &amp; three", "four"]);
  });

  it("counts visible characters, not markup: 4096 escaped characters fit in one message", () => {
    const html = `<blockquote expandable><b>${"&lt;".repeat(4096)}</b></blockquote>`;
    expect(splitForTelegram([html])).toEqual([html]);
    expect(splitForTelegram([html, "x"])).toHaveLength(2);
  });

  it("cuts a single over-long passage at line ends, closing and reopening its tags", () => {
    const line = "Ассамблея жұмысы жалғасады.";
    const html = `<blockquote expandable>${Array.from({ length: 300 }, (_, i) => `<b>${i}</b> ${line}`).join("\n")}</blockquote>`;
    const chunks = splitForTelegram([html]);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.startsWith("<blockquote expandable>")).toBe(true);
      expect(chunk.endsWith("</blockquote>")).toBe(true);
      expect(telegram(chunk).length).toBeLessThanOrEqual(4096);
      expect(telegram(chunk).endsWith(".")).toBe(true);
    }
  });

  it("never splits a surrogate pair or an entity when it must cut mid-word", () => {
    const html = `<b>${"😀&amp;".repeat(3000)}</b>`;
    for (const chunk of splitForTelegram([html], { limit: 101 })) {
      expect(() => telegram(chunk)).not.toThrow();
      expect(visibleLength(chunk)).toBeLessThanOrEqual(101);
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(visibleText(chunk))).toBe(false);
    }
  });

  it("property: every chunk is valid Telegram HTML within the limit, and no text is lost", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const limit = seed % 10 === 0 ? 4096 : 40 + Math.floor(next() * 700);
      const parts = Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
        const text = randomText(next, 1 + Math.floor(next() * limit * 2.5));
        const p = passage(text, randomHighlights(next, text.length));
        return passageHtml(p, VIEW, { expandableOver: Math.floor(next() * 400) });
      });
      const chunks = splitForTelegram(parts, { limit });
      for (const chunk of chunks) {
        const visible = telegram(chunk);
        expect(visibleLength(chunk), `seed ${seed}`).toBeLessThanOrEqual(limit);
        expect(visible.length).toBeLessThanOrEqual(limit);
      }
      const squash = (s: string) => s.replace(/\s+/g, "");
      expect(squash(chunks.map(visibleText).join("")), `seed ${seed}`).toBe(
        squash(parts.map(visibleText).join("")),
      );
    }
  });
});
