import { describe, expect, it } from "vitest";
import { asksAboutEarlier } from "../src/answer/earlier.js";
import { asksForAdvice } from "../src/answer/how-to.js";
import { questionKindOf } from "../src/answer/index.js";
import { engineOver } from "./support/corpus-engine.js";
import { NEWS, needKindOf as need, newsEngine, OTHER } from "./support/news-corpus.js";

describe("how the reader can do something", () => {
  it("is asked by 'how do I', 'как + infinitive', 'қалай …уға болады' and 'қалай барамын'", () => {
    for (const question of [
      "how do i get from the airport to the school",
      "How to enrol a child in the school?",
      "как доехать до новой школы",
      "Как мне записать ребёнка в школу?",
      "как иностранцу записать ребёнка в школу",
      "Мектепке қалай жетуге болады?",
      "мектепке калай барамын",
      "mektepke qalai baramyn",
    ])
      expect(need(question), question).toBe("procedure");
    for (const question of [
      "how did the opening go",
      "как директор назвала школу",
      "как местная власть помогла школе",
      "кеңестер бюджетті қалай пайдалану керек",
      "how many pupils will study there",
    ])
      expect(need(question), question).not.toBe("procedure");
  });

  it("is stated only by a text that uses every word of the question", async () => {
    const engine = await newsEngine();
    const route = await engine.answer("Қарағандыдағы жаңа мектепке қалай жетуге болады?");
    expect([route.abstained, route.reason, route.missing]).toEqual([true, "not-stated", "procedure"]);
    const GUIDE = [
      "Мектепке тіркелу",
      "",
      "Мектепке тіркелу үшін ата-аналар мектеп директорына өтініш береді.",
      "",
    ].join("\n");
    const guided = await engineOver({ "guide.txt": GUIDE, "school.txt": NEWS, "clinic.txt": OTHER });
    const enrol = await guided.answer("Мектепке қалай тіркелуге болады?");
    expect(enrol.abstained).toBe(false);
    expect(enrol.passages[0]?.text).toContain("өтініш береді");
  });
});

describe("who or what came before", () => {
  it("is asked by 'бұрынғы', 'прежний', 'до них', 'previous', 'before'", () => {
    for (const question of [
      "Бұрынғы директор кім болған?",
      "кто был директором до неё",
      "Кто раньше руководил школой?",
      "who was the previous director",
      "кто был директором до Сериковой",
      "who ran the school before Serikova",
    ])
      expect(asksAboutEarlier(question), question).toBe(true);
    expect(asksAboutEarlier("Жаңа мектептің директоры кім?")).toBe(false);
    expect(asksAboutEarlier("who is the director now")).toBe(false);
    expect(asksAboutEarlier("до конца года мектеп ашыла ма")).toBe(false);
    expect(asksAboutEarlier("кто работал до нас")).toBe(false);
  });

  it("is not said by a passage presenting the subject as new, and may be by one that does not", async () => {
    const engine = await newsEngine();
    const previous = await engine.answer("Қарағандыда бұрынғы мектеп қайда болды?");
    expect([previous.abstained, previous.reason, previous.missing]).toEqual([true, "not-stated", "earlier"]);
    expect(previous.context?.text).toContain("жаңа мектеп");
    const clinic = await engine.answer("Емхананың бұрынғы ғимараты жөнделді ме?");
    expect(clinic.abstained).toBe(false);
  });
});

describe("a place", () => {
  const SPEECH = (opening: string) =>
    [
      "Мектепте жиын өтті",
      "",
      `${opening} мектеп директоры Айгүл Серікова сөз сөйледі. Ата-аналар да жиында болды.`,
      "",
    ].join("\n");

  it("is not a common word opening a sentence, nor the question's own 'қала'", async () => {
    const engine = await engineOver({ "school.txt": SPEECH("Жиында"), "clinic.txt": OTHER });
    const from = await engine.answer("Серікова қай қалада сөз сөйледі?");
    expect([from.abstained, from.reason, from.missing]).toEqual([true, "not-stated", "place"]);
    const named = await engineOver({ "school.txt": SPEECH("Астанада"), "clinic.txt": OTHER });
    const where = await named.answer("Серікова қай қалада сөз сөйледі?");
    expect(where.abstained).toBe(false);
    expect(where.leads[0]?.text).toContain("Астанада");
  });

  it("is asked by 'откуда', 'қай елден', 'which country'", () => {
    for (const question of [
      "откуда родом Серикова",
      "Серікова қай елден келген?",
      "which country is she from",
    ])
      expect(questionKindOf(question), question).toBe("where");
  });
});

describe("a request for advice", () => {
  it("is 'посоветуй', 'ұсыншы', 'recommend…' opening the question — not what the text recommends", () => {
    for (const question of [
      "посоветуй кафе в Караганде",
      "Қарағандыдан жақсы мектеп ұсыншы",
      "qyzyqty kitap usynyp jibershi",
      "recommend a good school in Karaganda",
      "can you suggest a clinic",
    ])
      expect(asksForAdvice(question), question).toBe(true);
    for (const question of [
      "what did the director recommend",
      "Директор не ұсынды?",
      "что посоветовала директор",
    ])
      expect(asksForAdvice(question), question).toBe(false);
  });

  it("is not covered by a text lacking some of its words, though it names the city", async () => {
    const engine = await newsEngine();
    const cafe = await engine.answer("посоветуй хорошее кафе в Караганде");
    expect([cafe.abstained, cafe.reason]).toEqual([true, "not-covered"]);
    // Every word but the request meets the school's report: a request still wants its own word.
    const school = await engine.answer("Қарағандыдан жаңа мектеп ұсыншы");
    expect([school.abstained, school.reason]).toEqual([true, "not-covered"]);
  });
});
