import { describe, expect, it } from "vitest";
import { exclusionOf } from "../src/answer/exclusion.js";

describe("what a question sets apart", () => {
  it.each([
    ["Who spoke besides the President?", "Who spoke ?", ["President"]],
    ["Кто выступал кроме Президента?", "Кто выступал ?", ["Президента"]],
    ["Кто кроме Назарбаева выступал на сессии?", "Кто выступал на сессии?", ["Назарбаева"]],
    ["Кто кроме министра образования выступал?", "Кто выступал?", ["министра", "образования"]],
    ["Президенттен басқа кім сөз сөйледі?", "кім сөз сөйледі?", ["Президенттен"]],
    ["who else spoke apart from Romanova", "who else spoke", ["Romanova"]],
  ])("%s → searched as %s, setting apart %j", (question, searched, words) => {
    expect(exclusionOf(question)).toEqual({ question: searched, words });
  });

  it("leaves a question without such words as it is", () => {
    expect(exclusionOf("Кто выступал на сессии?")).toEqual({
      question: "Кто выступал на сессии?",
      words: [],
    });
    // "басқа" after a word not in the ablative is "other", not "besides".
    expect(exclusionOf("басқа кім сөйледі")).toEqual({ question: "басқа кім сөйледі", words: [] });
  });
});
