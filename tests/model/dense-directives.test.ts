import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Embedder, type Indexes, kazakhAnalyzer, openIndexes } from "../../src/indexes/index.js";
import { DIRECTIVE_PARAPHRASES } from "./directive-paraphrases.js";
import { tierEmbedder } from "./tier.js";

let embedder: Embedder;
let indexes: Indexes;

beforeAll(async () => {
  embedder = await tierEmbedder();
  ({ indexes } = await openIndexes({
    corpusDir: "corpus",
    indexDir: mkdtempSync(join(tmpdir(), "model-dense-")),
    analyzer: kazakhAnalyzer(),
    embedder,
  }));
});

/** The dense leg alone: the ranks of the directive's passage among the nearest vectors. */
async function denseRank(question: string, ordinal: number): Promise<number> {
  const [vector] = await embedder.embedQueries([question]);
  const hits = indexes.dense?.index.search(vector as Float32Array, 10) ?? [];
  return hits.findIndex((hit) => indexes.passages[hit.id]?.ordinal === ordinal) + 1;
}

describe("the dense leg alone, real vectors", () => {
  it("is built from the real model: 384 dimensions, one vector per passage", () => {
    expect(embedder.dimensions).toBe(384);
    expect(indexes.dense?.index.size).toBe(indexes.passages.length);
  });

  for (const lang of ["kk", "ru", "en"] as const) {
    it(`finds each of the eight directives from a paraphrase in ${lang} among its top 3`, async () => {
      for (const item of DIRECTIVE_PARAPHRASES) {
        const rank = await denseRank(item[lang], item.ordinal);
        expect({ question: item[lang], rank }).toMatchObject({
          rank: expect.toSatisfy((r: number) => r >= 1 && r <= 3),
        });
      }
    });
  }

  it("puts the directive first for most paraphrases (19 of 24 measured on 2026-12-01; floor 18)", async () => {
    let first = 0;
    for (const item of DIRECTIVE_PARAPHRASES)
      for (const lang of ["kk", "ru", "en"] as const)
        if ((await denseRank(item[lang], item.ordinal)) === 1) first += 1;
    expect(first).toBeGreaterThanOrEqual(18);
  });
});
