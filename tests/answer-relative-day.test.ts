import { describe, expect, it } from "vitest";
import { namesTheDaysAsked } from "../src/answer/relative-day.js";
import { engineOver } from "./support/corpus-engine.js";
import { NEWS, OTHER } from "./support/news-corpus.js";

describe("a day counted from the reader's own", () => {
  it("is named in kk, ru and en, typed without Kazakh letters or as a chat does", () => {
    const none = ["Жиында директор сөйледі."];
    for (const question of [
      "Қарағандыда ертең ауа райы қандай?",
      "ертен карагандыда кар жауа ма",
      "погода в Караганде на выходные",
      "who won the match yesterday",
      "weather in karaganda tmrw",
    ])
      expect(namesTheDaysAsked(question, none), question).toBe(false);
    expect(namesTheDaysAsked("Мектеп қашан ашылды?", none)).toBe(true);
    // "Today" and "now" are left alone: a report speaks of its own day as "бүгін" too.
    expect(namesTheDaysAsked("что сегодня обсуждали", none)).toBe(true);
    expect(namesTheDaysAsked("what is planned for tomorrow", ["Сессия ертең жалғасады."])).toBe(true);
  });

  it("is not covered by passages that never name it, and is by one that does", async () => {
    const engine = await engineOver({ "school.txt": NEWS, "clinic.txt": OTHER });
    const weather = await engine.answer("Қарағандыда ертең ауа райы қандай?");
    expect([weather.abstained, weather.reason]).toEqual([true, "not-covered"]);
    expect(weather.passages).toEqual([]);
    const planned = await engineOver({
      "school.txt": NEWS.replace("сөз сөйледі.", "сөз сөйледі. Ертең мектепте алғашқы сабақ өтеді."),
      "clinic.txt": OTHER,
    });
    const tomorrow = await planned.answer("Мектепте ертең не болады?");
    expect(tomorrow.abstained).toBe(false);
    expect(tomorrow.passages[0]?.text).toContain("Ертең мектепте");
  });
});
