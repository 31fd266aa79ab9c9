import { describe, expect, it } from "vitest";
import type { Answer, AnswerPassage } from "../src/answer/index.js";
import { ReplyMemory } from "../src/bot/reply-memory.js";
import { citationParts, countOf, planReply, pluralForm } from "../src/presentation/index.js";
import { answerOf, answerPassage } from "./support/answer-fixtures.js";

const answerWith = (passages: AnswerPassage[]): Answer => answerOf({ language: "en", passages });

describe("plural forms", () => {
  it("follow Intl.PluralRules in kk, ru and en", () => {
    const ru = { one: "поручение", few: "поручения", many: "поручений", other: "поручения" };
    expect([1, 2, 5, 11, 21, 22, 25, 111].map((n) => countOf("ru", n, ru))).toEqual([
      "1 поручение",
      "2 поручения",
      "5 поручений",
      "11 поручений",
      "21 поручение",
      "22 поручения",
      "25 поручений",
      "111 поручений",
    ]);
    expect([0, 1, 2].map((n) => pluralForm("en", n, { one: "passage", other: "passages" }))).toEqual([
      "passages",
      "passage",
      "passages",
    ]);
    // Kazakh counts with the singular after a numeral; the rules still choose between the forms.
    expect(pluralForm("kk", 1, { one: "A", other: "B" })).toBe("A");
    expect(pluralForm("kk", 8, { one: "A", other: "B" })).toBe("B");
  });
});

describe("which passages a reply shows at once", () => {
  const p = (rank: number, keyword?: number, similarity?: number, structure = false) =>
    answerPassage({
      rank,
      lineStart: rank * 10,
      legs: {
        ...(keyword === undefined ? {} : { keyword: { rank, score: keyword, coverage: 1 } }),
        ...(similarity === undefined ? {} : { dense: { rank, similarity } }),
        ...(structure ? { structure: true as const } : {}),
      },
    });
  const ranks = (plan: ReturnType<typeof planReply>) => [
    plan.shown.map((x) => x.rank),
    plan.more.map((x) => x.rank),
  ];

  it("keeps the passages nearly as relevant as the first by every leg, the rest go behind 'more'", () => {
    expect(ranks(planReply(answerWith([p(1, 10), p(2, 8), p(3, 6.9), p(4, 9)])))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(ranks(planReply(answerWith([p(1, 10, 0.85), p(2, 9, 0.84), p(3, 9, 0.82)])))).toEqual([
      [1, 2],
      [3],
    ]);
    // Found by meaning alone, the first sets the bar for the others by meaning alone.
    expect(ranks(planReply(answerWith([p(1, undefined, 0.85), p(2, 1, 0.84)])))).toEqual([[1, 2], []]);
  });

  it("shows a section asked for by number alone", () => {
    expect(ranks(planReply(answerWith([p(1, 10, undefined, true), p(2, 10)])))).toEqual([[1], [2]]);
  });

  it("has the thresholds as options", () => {
    const passages = [p(1, 10), p(2, 5)];
    expect(ranks(planReply(answerWith(passages), { keywordRatio: 0.5 }))).toEqual([[1, 2], []]);
  });
});

describe("citation parts", () => {
  it("name the section in the reader's language and the paragraphs with ¶", () => {
    const parts = citationParts(answerPassage(), "ru", () => undefined);
    expect(parts).toMatchObject({ section: "Поручение №4", paragraphs: "¶36–38", url: null });
    expect(parts.title.length).toBeLessThanOrEqual(60);
  });
});

describe("reply memory", () => {
  it("recalls the answers of the latest questions and forgets the oldest beyond its bound", () => {
    const memory = new ReplyMemory(2);
    memory.remember(1, 10, [11]);
    memory.remember(1, 20, [21, 22]);
    memory.remember(2, 10, [12]);
    expect(memory.recall(1, 10)).toBeUndefined();
    expect(memory.recall(1, 20)).toEqual([21, 22]);
    expect(memory.recall(2, 10)).toEqual([12]);
  });
});
