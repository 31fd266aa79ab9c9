import { describe, expect, it } from "vitest";
import type { Embedder, Indexes } from "../src/indexes/index.js";
import { KazakhLetters } from "../src/retriever/kazakh-letters.js";
import { Retriever } from "../src/retriever/retriever.js";
import { KAZAKH_STOPWORDS } from "../src/text/index.js";

describe("Kazakh letters put back for the model", () => {
  // A made-up corpus's words: a harvest fair in a town.
  const letters = new KazakhLetters([...KAZAKH_STOPWORDS, "жәрмеңке", "қала", "тілдер", "көмек", "өтті"]);

  it("writes a folded word as the known word it folds to", () => {
    expect(letters.restore("жарменке кашан отти")).toBe("жәрмеңке қашан өтті");
    expect(letters.restore("Жарменке кай жерде?")).toBe("Жәрмеңке қай жерде?");
  });

  it("gives the rest of a longer word its ending's letters by vowel harmony", () => {
    expect(letters.restore("калага кашан келеди")).toBe("қалаға қашан келеди");
    expect(letters.restore("тилдерди ким окытады")).toBe("тілдерді кім окытады");
    expect(letters.restore("комектесе ме")).toBe("көмектесе ме");
  });

  it("gives the ending its letters after a known word that has no Kazakh letter of its own", () => {
    // "Отбасы" is written alike with or without Kazakh letters; "-ға" after it is not.
    const families = new KazakhLetters(["көмек"], ["отбасы", "мектеп"]);
    expect(families.restore("канша отбасыга комек берилди")).toBe("канша отбасыға көмек берилди");
    expect(families.restore("мектептерди ким салады")).toBe("мектептерді ким салады");
    // Without the plain words, the ending stays as typed.
    expect(new KazakhLetters(["көмек"]).restore("отбасыга комек")).toBe("отбасыга көмек");
  });

  it("reads Kazakh typed in Latin letters in Cyrillic", () => {
    expect(letters.restore("zharmenke qashan otti")).toBe("жәрмеңке қашан өтті");
  });

  it("leaves Russian, English and properly written Kazakh as they are", () => {
    for (const question of ["Когда прошла ярмарка?", "when was the fair", "Жәрмеңке қашан өтті?"])
      expect(letters.restore(question)).toBe(question);
  });

  it("finds a known word of the same stem for a folded word in another form", () => {
    // "көмекшінің" is typed as "комекшинин"; the corpus has only "көмекшісі".
    const helpers = new KazakhLetters(["көмекшісі", "жәрмеңке"]);
    expect(helpers.restoreWord("комекшинин")).toBe("көмекшісі");
    // A word of no known stem is left as typed.
    expect(helpers.restoreWord("базарынын")).toBe("базарынын");
    // For the keyword leg, a whole question; the model's reading keeps the word as typed.
    expect(helpers.restore("комекшинин жарменкеси кайда", { sameStem: true })).toBe(
      "көмекшісі жәрмеңкесі кайда",
    );
    expect(helpers.restore("комекшинин жарменкеси кайда")).toBe("комекшинин жәрмеңкесі кайда");
    // A stop word is as the writer meant it, even when a known word shares its folded stem.
    const withStopWord = new KazakhLetters(["нешесі"]);
    expect(withStopWord.restoreWord("неше")).toBe("неше");
  });

  it("leaves a folded spelling two known words share", () => {
    const shared = new KazakhLetters(["қол", "көл"]);
    expect(shared.restore("кол кайда")).toBe("кол кайда");
  });
});

describe("the retriever's question to the model", () => {
  it("is the question with its Kazakh letters back", async () => {
    const seen: string[] = [];
    const embedder: Embedder = {
      backend: "stub",
      modelId: "stub",
      dimensions: 2,
      embedQueries: async (texts) => {
        seen.push(...texts);
        return texts.map(() => new Float32Array(2));
      },
      embedPassages: async (texts) => texts.map(() => new Float32Array(2)),
    };
    const indexes = {
      passages: [],
      documents: [],
      keyword: {
        queryConcepts: () => [],
        queryWeights: () => [],
        searchConcepts: () => [],
        knows: () => false,
      },
      // The words the index analysed: the corpus's own, with Kazakh letters.
      words: { terms: [], forms: [["жәрмеңке", []]] },
      dense: { model: "stub", backend: "stub", index: { dimensions: 2, search: () => [] }, offTopic: [] },
    } as unknown as Indexes;
    const retriever = new Retriever(indexes, embedder);
    await retriever.search("жарменке кашан болады");
    await retriever.search("жарменке");
    expect(seen).toEqual(["жәрмеңке қашан болады", "жәрмеңке"]);
  });
});

describe("a question with a Kazakh letter", () => {
  it("is left as typed: its other words are spelt as meant", () => {
    const letters = new KazakhLetters(["қала"]);
    expect(letters.restore("қай калага барады")).toBe("қай калага барады");
  });
});
