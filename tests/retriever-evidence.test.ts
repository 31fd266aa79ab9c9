import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AnswerEngine } from "../src/answer/index.js";
import { type Embedder, type Indexes, KeywordIndex, kazakhAnalyzer } from "../src/indexes/index.js";
import type { Passage } from "../src/passages/index.js";
import { Retriever } from "../src/retriever/index.js";
import { openFreshEngine } from "../tools/eval/fresh-engine.js";
import { simpleAnalyzer } from "./support/simple-analyzer.js";

function passage(id: number, text: string): Passage {
  return {
    id,
    doc: "d",
    docTitle: "Title",
    section: null,
    ordinal: null,
    paragraphStart: id,
    paragraphEnd: id,
    lineStart: id,
    lineEnd: id,
    text,
  };
}

const palacePassages = [
  passage(0, "palace opened with the anthem"),
  passage(1, "palace hall and palace garden"),
  passage(2, "garden of peace"),
  passage(3, "the council met in spring"),
];
const palaceKeyword = await KeywordIndex.build(palacePassages, simpleAnalyzer());
const anthemKeyword = await KeywordIndex.build(
  [passage(0, "palace opened with the anthem")],
  simpleAnalyzer(),
);

describe("keyword evidence", () => {
  const keyword = palaceKeyword;

  it("counts a concept once, however many of its synonyms a passage matches", () => {
    const concepts = [["hall", "garden"], ["salary"]];
    const { weight } = keyword.evidence(concepts, ["hall", "garden"]);
    expect(weight).toBeCloseTo(Math.max(keyword.idf("hall"), keyword.idf("garden")), 10);
  });

  it("weighs a concept by the terms the corpus knows, an unknown concept most", () => {
    // "astan" (a foreign spelling) is unknown, "palace" is common: matching the common word
    // must not earn the weight of the unknown spelling.
    const half = keyword.evidence([["astan", "palace"], ["salary"]], ["palace"]);
    expect(half.coverage).toBeCloseTo(
      keyword.idf("palace") / (keyword.idf("palace") + keyword.idf("salary")),
      10,
    );
    expect(keyword.idf("salary")).toBeGreaterThan(keyword.idf("spring"));
  });
});

describe("glossary", () => {
  it("lets a reader's Kazakh word the corpus lacks reach the corpus's word of the same entry", async () => {
    const dir = mkdtempSync(join(tmpdir(), "glossary-corpus-"));
    const filler = (topic: string) => Array(6).fill(`${topic} туралы жаңалықтар жарияланды.`).join(" ");
    writeFileSync(
      join(dir, "meeting.txt"),
      [
        "Жиын өтті",
        "",
        filler("Ауыл шаруашылығы"),
        "",
        "Жиын Әнұранмен басталып, қатысушылардың Үндеу қабылдауымен шымылдығын жапты.",
        "",
        filler("Спорт"),
        "",
      ].join("\n"),
    );
    const ask = async () => (await openFreshEngine(dir)).answer("Жиын немен аяқталды?");
    const without = await ask();
    writeFileSync(
      join(dir, "glossary.json"),
      JSON.stringify({ entries: [{ kk: ["жапты", "аяқталды"], ru: ["закончилась"], en: ["ended"] }] }),
    );
    const withGlossary = await ask();
    expect(without.passages[0]?.text ?? "").not.toContain("шымылдығын жапты");
    expect(withGlossary.abstained).toBe(false);
    expect(withGlossary.passages[0]?.text).toContain("шымылдығын жапты");
  });
});

describe("a glossary entry the corpus never uses", () => {
  it("is named in a warning at open, and an entry the corpus does use is not", async () => {
    const dir = mkdtempSync(join(tmpdir(), "glossary-corpus-"));
    writeFileSync(
      join(dir, "news.txt"),
      "Жиын өтті\n\nАссамблея жұмысы ақпарат кеңістігінде насихатталуын қамтамасыз етеді.\n",
    );
    writeFileSync(
      join(dir, "glossary.json"),
      JSON.stringify({
        entries: [
          { kk: ["насихат"], ru: ["продвижение"], en: ["promotion"] },
          { kk: ["жиын"], ru: ["собрание"], en: ["meeting"] },
          { kk: ["мектеп", "оқушы"], ru: ["школа"], en: ["school"] },
        ],
      }),
    );
    const lines: string[] = [];
    const open = () =>
      AnswerEngine.open({
        corpusDir: dir,
        indexDir: mkdtempSync(join(tmpdir(), "glossary-index-")),
        analyzer: kazakhAnalyzer(),
        embedderInstance: null,
        log: (line) => lines.push(line),
      });
    await open();
    const warning = lines.find((line) => line.includes("glossary.json"));
    expect(warning).toMatch(
      /^WARNING: glossary\.json has 2 entries whose Kazakh words the corpus never uses/,
    );
    expect(warning).toContain("[насихат] [мектеп, оқушы]");
    expect(warning).not.toContain("жиын");
    // The corpus's own form of the word mends it.
    writeFileSync(
      join(dir, "glossary.json"),
      JSON.stringify({
        entries: [{ kk: ["насихатталуын", "насихат"], ru: ["продвижение"], en: ["promotion"] }],
      }),
    );
    lines.length = 0;
    const engine = await open();
    expect(lines.filter((line) => line.includes("glossary.json"))).toEqual([]);
    expect((await engine.answer("promotion")).passages[0]?.text).toContain("насихатталуын");
  });
});

describe("dense-only evidence", () => {
  const keyword = anthemKeyword;
  /** Indexes whose vector search always finds passage 0 at `similarity`. */
  const indexes = (similarity: number) =>
    ({
      manifest: {},
      documents: [{ id: "d", title: "Title", author: null, passages: 1 }],
      passages: [passage(0, "palace opened with the anthem")],
      keyword,
      words: { terms: [], forms: [] },
      dense: {
        model: "stub",
        backend: "stub",
        index: { dimensions: 2, search: () => [{ id: 0, similarity }] },
        offTopic: [],
        sentences: { vectors: [], ofPassage: [] },
      },
    }) as unknown as Indexes;
  const embedder = (supportSimilarity?: number): Embedder => ({
    backend: "stub",
    modelId: "stub",
    dimensions: 2,
    ...(supportSimilarity === undefined ? {} : { supportSimilarity }),
    embedQueries: async (texts) => texts.map(() => new Float32Array(2)),
    embedPassages: async (texts) => texts.map(() => new Float32Array(2)),
  });
  // No word in common with the corpus: only the dense leg can vouch for it.
  const question = "zebra quartz";

  it("vouches for a question when the best passage reaches the model's own floor", async () => {
    expect((await new Retriever(indexes(0.86), embedder(0.85)).search(question)).abstained).toBe(false);
    expect((await new Retriever(indexes(0.86), embedder(0.9)).search(question)).abstained).toBe(true);
  });

  it("takes a configured floor over the model's, and a high default when the model gives none", async () => {
    const configured = new Retriever(indexes(0.86), embedder(0.9), { minDenseSimilarity: 0.8 });
    expect((await configured.search(question)).abstained).toBe(false);
    expect((await new Retriever(indexes(0.86), embedder()).search(question)).abstained).toBe(true);
  });
});

describe("a clear keyword choice", () => {
  /** Indexes over the palace passages whose vector search ranks them 1, 2, 3, 0. */
  const indexes = palaceIndexes(() =>
    [1, 2, 3, 0].map((id, rank) => ({ id, similarity: 0.95 - rank / 100 })),
  );
  const embedder = stubEmbedder(new Float32Array(2));
  // A dense leg weighed heavily enough to out-vote the keywords by rank alone.
  const heavyDense = { weights: { keyword: 1, dense: 5 } };
  const first = async (question: string, keywordLead?: number | null) =>
    (await new Retriever(indexes, embedder, { ...heavyDense, keywordLead }).search(question)).passages[0]
      ?.passage.id;

  it("stays first when the keywords single out one passage", async () => {
    // Only passage 0 has "anthem"; the dense leg ranks it last.
    expect(await first("anthem", null)).toBe(1);
    expect(await first("anthem")).toBe(0);
  });

  it("leaves rank fusion alone when the keyword hits are close", async () => {
    // "garden" is in passages 1 and 2 alike.
    expect(await first("garden")).toBe(await first("garden", null));
  });
});

describe("a surname one passage holds", () => {
  // A long list naming Омаров once, and a short line with the other word of the question.
  const passages = [
    passage(
      0,
      "форумда директор петрова профессор омаров эколог сидоров және студенттер мен мұғалімдер сөз сөйледі",
    ),
    passage(1, "жаңа лауазым берілді"),
    passage(2, "форум жабылды"),
  ];
  const indexes = async () =>
    ({
      manifest: {},
      documents: [{ id: "d", title: "Title", author: null, passages: 3 }],
      passages,
      keyword: await KeywordIndex.build(passages, simpleAnalyzer()),
      words: { terms: [], forms: [] },
    }) as unknown as Indexes;
  const first = async (surnameBoost?: number) =>
    (await new Retriever(await indexes(), null, { surnameBoost }).search("омаров лауазым")).passages[0]
      ?.passage.id;

  it("leads: the question is about that person first", async () => {
    expect(await first(1)).toBe(1);
    expect(await first()).toBe(0);
  });
});

describe("the off-topic veto", () => {
  /** A dense leg whose best passage is far from the question and an off-topic question is at it. */
  const indexes = palaceIndexes(() => [{ id: 0, similarity: 0.5 }], [Float32Array.from([1, 0])]);
  const embedder = stubEmbedder(Float32Array.from([1, 0]), { offTopicVeto: -0.12 });
  const abstains = async (question: string, offTopicVeto?: number | null) =>
    (
      await new Retriever(indexes, embedder, offTopicVeto === undefined ? {} : { offTopicVeto }).search(
        question,
      )
    ).abstained;

  it("declines a question nearer an everyday one, though a word of it meets the corpus", async () => {
    // "council" and "spring" are the corpus's, "weather" and "forecast" not: the keywords cover a
    // third of it — enough to vouch, but not against the model's verdict.
    expect(await abstains("council spring weather forecast", null)).toBe(false);
    expect(await abstains("council spring weather forecast")).toBe(true);
  });

  it("leaves a question the keywords cover well alone", async () => {
    expect(await abstains("palace garden")).toBe(false);
  });
});

/** Indexes over the palace passages with a stub dense leg: its search, its off-topic questions' vectors. */
function palaceIndexes(
  search: () => { id: number; similarity: number }[],
  offTopic: Float32Array[] = [],
): Indexes {
  return {
    manifest: {},
    documents: [{ id: "d", title: "Title", author: null, passages: 4 }],
    passages: palacePassages,
    keyword: palaceKeyword,
    words: { terms: [], forms: [] },
    dense: {
      model: "stub",
      backend: "stub",
      index: { dimensions: 2, search },
      offTopic,
      sentences: { vectors: [], ofPassage: [] },
    },
  } as unknown as Indexes;
}

/** A stub model that embeds every text as `vector`, with the profile values given. */
function stubEmbedder(vector: Float32Array, profile: Partial<Embedder> = {}): Embedder {
  return {
    backend: "stub",
    modelId: "stub",
    dimensions: 2,
    ...profile,
    embedQueries: async (texts) => texts.map(() => vector),
    embedPassages: async (texts) => texts.map(() => vector),
  };
}
