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
    // The venue, said in the sentence after the one the question matches ("Ол үшін …").
    ["Where should a House of Friendship be opened?", "Бейбітшілік және келісім сарайы"],
    ["where should the House of Friendship open", "Бейбітшілік және келісім сарайы"],
    ["Где предлагают открыть Дом дружбы?", "Бейбітшілік және келісім сарайы"],
    // Asked for a town, the town.
    ["Достық үйін қай қалада ашпақ?", "Астанада"],
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
        const source = (answer.passages.find((p) => p.rank === lead.rank)?.text ?? "").replace(/\n/g, " ");
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

describe("lead lines hold what was asked, whole", () => {
  it.each([
    ["Who spoke besides the President?"],
    ["Кто выступал кроме Президента?"],
    ["Президенттен басқа кім сөз сөйледі?"],
    ["Кто кроме Назарбаева выступал на сессии?"],
  ])("%s names the other speakers, not the President", async (question) => {
    const answer = await engine.answer(question);
    expect(answer.abstained).toBe(false);
    const names = answer.leads.map((lead) => lead.text.slice(...(lead.emphasis[0] ?? [0, 0])));
    expect(names).toContain("Н.Романова");
    expect(names).toContain("Е.Сағадиев");
    // "the first president of Ingushetia" is a president, not the President.
    expect(names).toContain("Р.Аушев");
    expect(names.join(" ")).not.toMatch(/Назарбаев/);
  });

  it("leaves out whoever the question sets apart by name", async () => {
    const answer = await engine.answer("Who else spoke apart from Romanova?");
    const names = answer.leads.map((lead) => lead.text);
    expect(names.length).toBeGreaterThan(5);
    expect(names.join(" ")).not.toContain("Романова");
  });

  it("names the speakers, not the half-sentence after a line break, for 'who spoke from Shymkent?'", async () => {
    const answer = await engine.answer("Шымкенттен кім сөйледі?");
    expect(answer.leads.map((lead) => lead.text)).toEqual([
      "Н.Романова — Шымкент қаласы «Оқушылар сарайының» директоры",
    ]);
  });

  it("singles out the one person with a word of their own among people sharing a title word", async () => {
    const answer = await engine.answer("Кто глава Нацбанка?");
    expect(answer.leads.map((lead) => lead.text)).toEqual(["Д.Ақышев — Ұлттық банк төрағасы"]);
  });

  it("a when-lead holds the date whole, a how-many lead the figure", async () => {
    const when = (await engine.answer("когда открылся мультимедийный портал?")).leads[0];
    expect(when?.emphasis.map(([s, e]) => when.text.slice(s, e))).toEqual(["1 наурыз"]);
    const count = (await engine.answer("Сколько семей получили помощь?")).leads[0];
    expect(count?.emphasis.map(([s, e]) => count.text.slice(s, e))).toContain("60 мың");
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
