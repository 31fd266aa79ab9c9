import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../src/corpus/index.js";
import { sentenceMethodOf } from "../src/indexes/dense/corpus-vectors.js";
import { contextTokens, type PieceTokenizer, poolInContext } from "../src/indexes/dense/in-context.js";
import { passageSentenceSpans } from "../src/indexes/dense/sentence-vectors.js";
import { type Embedder, loadEmbedder, openIndexes, readManifest } from "../src/indexes/index.js";
import { currentIndexFiles } from "../src/indexes/versions.js";
import { buildPassages } from "../src/passages/index.js";
import { simpleAnalyzer } from "./support/simple-analyzer.js";
import { TINY_MODEL_ID, tinyModelDir } from "./support/tiny-model.js";

/** One id per word, so spans can be read back as words. */
function wordTokenizer(): PieceTokenizer & { words: string[] } {
  const words: string[] = [];
  return {
    words,
    bos: [-1],
    eos: [-2],
    pieceIds: (text) =>
      text
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => words.push(word) - 1),
  };
}

describe("a passage's tokens, sentence by sentence", () => {
  const text = "Heading\nFirst sentence here. Then a second one!  And a tail";
  const passage = {
    text,
    sentences: [
      { text: "First sentence here.", start: text.indexOf("First") },
      { text: "Then a second one!", start: text.indexOf("Then") },
    ],
  };

  it("keeps the text's order, with the prefix first and each sentence's span exact", () => {
    const tokenizer = wordTokenizer();
    const { ids, spans } = contextTokens(passage, "passage: ", tokenizer, 512);
    expect(ids[0]).toBe(-1);
    expect(ids.at(-1)).toBe(-2);
    expect(ids.slice(1, -1).map((id) => tokenizer.words[id])).toEqual([
      "passage:",
      "Heading",
      "First",
      "sentence",
      "here.",
      "Then",
      "a",
      "second",
      "one!",
      "And",
      "a",
      "tail",
    ]);
    const read = (span: [number, number] | undefined) =>
      ids.slice(span?.[0], span?.[1]).map((id) => tokenizer.words[id]);
    expect(read(spans[0])).toEqual(["First", "sentence", "here."]);
    expect(read(spans[1])).toEqual(["Then", "a", "second", "one!"]);
  });

  it("truncates to the model's length with the end token kept; a sentence cut off gets an empty span", () => {
    const { ids, spans } = contextTokens(passage, "passage: ", wordTokenizer(), 6);
    expect(ids).toHaveLength(6);
    expect(ids.at(-1)).toBe(-2);
    expect(spans[0]).toEqual([3, 5]);
    expect(spans[1]?.[0]).toBe(spans[1]?.[1]);
  });

  it("pools the whole pass for the passage and each span for its sentence, to unit length", () => {
    const hidden = Float32Array.from([1, 0, 0, 1, 3, 0, 0, 2]);
    const pooled = poolInContext(hidden, 2, [
      [0, 1],
      [2, 4],
      [3, 3],
    ]);
    expect([...pooled.passage].map((x) => x.toFixed(4))).toEqual(["0.8000", "0.6000"]);
    expect([...(pooled.sentences[0] ?? [])]).toEqual([1, 0]);
    expect([...(pooled.sentences[1] ?? [])].map((x) => x.toFixed(4))).toEqual(["0.8321", "0.5547"]);
    expect(pooled.sentences[2]).toHaveLength(0);
  });
});

describe("in-context vectors from the generated model, through the real loading code", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await loadEmbedder({ model: TINY_MODEL_ID, modelDir: await tinyModelDir(), offline: true });
  });

  it("give each passage the vector the pipeline gives it, and its sentences vectors of their own", async () => {
    const passages = buildPassages(await loadCorpus("corpus")).slice(0, 12);
    const spans = passageSentenceSpans(passages);
    const inContext = await embedder.embedInContext?.(
      passages.map((p, i) => ({ text: p.text, sentences: spans[i] ?? [] })),
    );
    const alone = await embedder.embedPassages(passages.map((p) => p.text));
    const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * (b[i] as number), 0);
    expect(inContext).toHaveLength(passages.length);
    inContext?.forEach((vectors, i) => {
      expect(dot(vectors.passage, alone[i] as Float32Array)).toBeCloseTo(1, 5);
      expect(vectors.sentences).toHaveLength(spans[i]?.length ?? 0);
      for (const sentence of vectors.sentences) expect(dot(sentence, sentence)).toBeCloseTo(1, 5);
    });
    expect(inContext?.some((v) => v.sentences.length > 1)).toBe(true);
  });

  it("are not offered for a model pooled by its first token: its sentences are embedded apart", async () => {
    const cls = await loadEmbedder({
      model: TINY_MODEL_ID,
      modelDir: await tinyModelDir(),
      offline: true,
      profile: { pooling: "cls" },
    });
    expect(cls.embedInContext).toBeUndefined();
    expect(sentenceMethodOf(cls)).toBe("separate");
    expect(sentenceMethodOf(embedder)).toBe("in-context");
  });

  it("an index whose sentence vectors were embedded apart gets its dense leg rebuilt, not mixed", async () => {
    const root = mkdtempSync(join(tmpdir(), "in-context-"));
    cpSync("corpus", join(root, "corpus"), { recursive: true });
    const dirs = {
      corpusDir: join(root, "corpus"),
      indexDir: join(root, "index"),
      analyzer: simpleAnalyzer(),
    };
    await openIndexes({ ...dirs, embedder });
    // Rewrite the manifest as an index saved before sentence vectors were read in context.
    const manifestPath = join(currentIndexFiles(dirs.indexDir), "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    delete manifest.dense.sentences;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const reopened = await openIndexes({ ...dirs, embedder });
    expect(reopened.action).toBe("added-dense");
    expect(reopened.reason).toMatch(/older kind/);
    expect(reopened.indexes.dense?.sentenceMethod).toBe("in-context");
    expect(readManifest(dirs.indexDir).dense?.sentences).toBe("in-context");
  });
});
