import { describe, expect, it } from "vitest";
import { peopleIn, questionKindOf } from "../src/answer/index.js";
import { openFreshEngine } from "../tools/eval/fresh-engine.js";

const engine = await openFreshEngine();

describe("answers lead with the answer itself", () => {
  it.each([
    "ҚХА төрағасының орынбасарлығына кімдер тағайындалды?",
    "Кто стал заместителями председателя АНК?",
    "Who were appointed deputy chairs?",
  ])("names both deputy chairs with their roles for %s", async (question) => {
    const answer = await engine.answer(question);
    expect(answer.kind).toBe("who");
    expect(answer.leads.map((lead) => lead.text)).toEqual([
      "Виталий Ионо Тварионас — «Lituanica» қоғамдық бірлестігінің төрағасы",
      "Исламбек Төлеубайұлы Салжанов — ҚХА мүшесі, меценат",
    ]);
    const lead = answer.leads[0];
    expect(lead?.text.slice(...(lead?.emphasis[0] ?? [0, 0]))).toBe("Виталий Ионо Тварионас");
  });

  it("leads a how-many question with the sentence holding the figure, the figure marked", async () => {
    const answer = await engine.answer("Былтыр қанша отбасыға көмек берілді?");
    const [lead] = answer.leads;
    expect(lead?.text).toBe(
      "Тек өткен жылы аз қамтылған 60 мың отбасы мен 8 мың әлеуметтік ұйым көмек алды.",
    );
    expect(lead?.emphasis.map(([s, e]) => lead.text.slice(s, e))).toEqual(["60 мың", "8 мың"]);
  });

  it.each([
    ["Сессия қай жерде өтті?", "Астана қаласындағы Бейбітшілік және келісім сарайында"],
    ["Where should a House of Friendship be opened?", "Астанада"],
  ])(
    "leads a where-question (%s) with the sentence naming the place, the place marked",
    async (question, place) => {
      const [lead] = (await engine.answer(question)).leads;
      expect(lead?.emphasis.map(([s, e]) => lead.text.slice(s, e))).toEqual([place]);
    },
  );

  it("is extractive: every lead line is made of text of the passage it points at", async () => {
    for (const question of [
      "Who were appointed deputy chairs?",
      "Когда открылся портал?",
      "Шымкенттен кім сөйледі?",
    ]) {
      const answer = await engine.answer(question);
      expect(answer.leads.length, question).toBeGreaterThan(0);
      for (const lead of answer.leads) {
        const source = answer.passages.find((p) => p.rank === lead.rank)?.text ?? "";
        for (const part of lead.text.split(" — ")) expect(source).toContain(part);
      }
    }
  });

  it("picks only the people the question matched when it names them by role", async () => {
    const answer = await engine.answer("Who is the head of the National Bank?");
    expect(answer.leads.map((lead) => lead.text)).toEqual(["Д.Ақышев — Ұлттық банк төрағасы"]);
  });

  it("singles out the one speaker whose own role matches, in a sentence listing every speaker", async () => {
    const answer = await engine.answer("Жиында сөз сөйлеген білім министрі кім?");
    expect(answer.leads.map((lead) => lead.text)).toEqual(["Е.Сағадиев — ҚР Білім және ғылым министрі"]);
  });

  it("takes the people from the quoted passage whose people match best, not always the first", async () => {
    const answer = await engine.answer("Қазақстан халқы Ассамблеясының төрағасы кім?");
    const [lead] = answer.leads;
    expect(lead?.text.startsWith("Нұрсұлтан Назарбаев — ")).toBe(true);
    expect(lead?.text).toContain("Ассамблеясының Төрағасы");
    // The quote the line stands in comes first, and the line points at it.
    expect(lead?.rank).toBe(1);
    expect(answer.passages[0]?.text).toContain("Ассамблеясының Төрағасы Нұрсұлтан Назарбаев");
    expect(answer.passages.map((p) => p.rank)).toEqual([1, 2, 3]);
  });
});

describe("question kinds and people", () => {
  it.each([
    ["Кто автор статьи?", "who"],
    ["Қанша отбасы көмек алды?", "count"],
    ["Портал қашан ашылды?", "when"],
    ["Where was the session held?", "where"],
    ["Төртінші тапсырма не туралы?", "other"],
  ])("%s is a %s question", (question, kind) => {
    expect(questionKindOf(question)).toBe(kind);
  });

  it("finds people by initials or by names ending in a surname, not places or titles", () => {
    const text =
      "Қазақстан Республикасының Президенті Нұрсұлтан Назарбаев, Шымкент қаласы директоры Н.Романова және Шығыс Еуропа";
    expect(peopleIn(text).map((p) => text.slice(...p.name))).toEqual(["Нұрсұлтан Назарбаев", "Н.Романова"]);
  });
});
