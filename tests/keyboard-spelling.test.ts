import { describe, expect, it } from "vitest";
import { TermLexicon } from "../src/retriever/spelling-bridge.js";
import {
  detectLanguage,
  editDistance,
  foldKazakh,
  isStopword,
  queryTermVariants,
} from "../src/text/index.js";
import { openFreshEngine } from "../tools/eval/fresh-engine.js";

describe("Kazakh typed without Kazakh letters or in Latin letters", () => {
  it("folds Kazakh letters to the plain letters a Russian keyboard types", () => {
    expect(foldKazakh("қоғамдық келісім кеңестері")).toBe("когамдык келисим кенестери");
    expect(foldKazakh("эшмент")).toBe("ешмент");
  });

  it("takes folded Kazakh function words for stop words, but not short content words", () => {
    for (const word of ["кандай", "кимнин", "туралы", "ушин", "калай"])
      expect(isStopword(word), word).toBe(true);
    expect(isStopword("ар")).toBe(false);
  });

  it("tells Kazakh and Russian typed in Latin letters from English", () => {
    expect(detectLanguage("zhastar kozgalysy turaly ne aitylgan")).toBe("kk");
    expect(detectLanguage("chto skazano pro molodezh")).toBe("ru");
    expect(detectLanguage("what is said about the youth")).toBe("en");
    expect(detectLanguage("кенестер туралы кандай тапсырма бар")).toBe("kk");
  });

  it("drops Kazakh function words typed in Latin in a Kazakh question only", () => {
    expect(queryTermVariants("turaly", { language: "kk" })).toEqual([]);
    expect(queryTermVariants("men", { language: "en" })).not.toEqual([]);
  });

  it("counts a swap of two letters as one slip", () => {
    expect(editDistance("тапсрыма", "тапсырма")).toBe(1);
    expect(editDistance("directive", "dirctive")).toBe(1);
    expect(editDistance("мүше", "месси", 1)).toBe(2);
  });
});

describe("the corpus's own terms reached from how a reader writes them", () => {
  const lexicon = new TermLexicon(["кеңес", "назарбаев", "тварионас", "жаңғыру", "қазық", "эшмент"]);

  it("by the folded spelling, an ending the stemmer missed, or a typing slip", () => {
    expect(lexicon.lookup("кенес")).toEqual(["кеңес"]);
    expect(lexicon.lookup("назарбаевтын")).toEqual(["назарбаев"]);
    expect(lexicon.lookup("тварионос")).toEqual(["тварионас"]);
    expect(lexicon.lookup("ешмент")).toEqual(["эшмент"]);
  });

  it("by a whole word the corpus writes, when its ending no longer looks Kazakh once folded", () => {
    // "өтті" is analysed to "өт"; "отти" (typed without Kazakh letters) is not: its ending is gone.
    const withForms = new TermLexicon(
      ["өт", "сессия"],
      [
        ["өтті", ["өт"]],
        ["сессиясы", ["сессия"]],
      ],
    );
    expect(withForms.lookup("отти")).toEqual(["өт"]);
    expect(withForms.lookup("сессиясы")).toEqual(["сессия"]);
    expect(withForms.lookup("оти")).toEqual([]);
  });

  it("by a doubled letter typed once, even in a short word", () => {
    const doubled = new TermLexicon(["сессия", "ассамблея", "сесс"]);
    expect(doubled.lookup("сесия")).toEqual(["сессия"]);
    expect(doubled.lookup("асамблея")).toEqual(["ассамблея"]);
    expect(doubled.lookup("сеся")).toEqual([]);
  });

  it("not by a prefix, and not by a slip in a short word", () => {
    expect(lexicon.lookup("жаңғ")).toEqual([]);
    expect(lexicon.lookup("қазақ")).toEqual([]);
  });

  it("lets such questions find their passage through the whole retriever", async () => {
    const engine = await openFreshEngine();
    const cases: [string, string][] = [
      ["кенестер бюджетти калай пайдалану керек", "жергілікті бюджетті тиімді пайдалануға"],
      ["Zhangyru zholy kozgalysy", "«Жаңғыру жолы» атты жаңа жастар қозғалысы"],
      ["Тварионос кім", "Виталий Ионо Тварионас"],
      ["sessiya qai jerde otti", "Астана қаласындағы Бейбітшілік және келісім сарайында"],
      // The stemmer cuts the folded word elsewhere ("торага" against "төра"): the word restored meets it.
      ["ассамблея торагасынын жана орынбасарлары кимдер", "Виталий Ионо Тварионас"],
    ];
    for (const [question, expected] of cases) {
      const answer = await engine.answer(question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.passages[0]?.text, question).toContain(expected);
    }
  });
});
