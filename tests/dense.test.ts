import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { env } from "@huggingface/transformers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveEmbedder } from "../src/answer/index.js";
import { loadCorpus } from "../src/corpus/index.js";
import type { PassageInContext } from "../src/indexes/dense/in-context.js";
import { OFF_TOPIC_HASH } from "../src/indexes/dense/off-topic.js";
import {
  type Embedder,
  loadEmbedder,
  ModelLoadError,
  openIndexes,
  readManifest,
} from "../src/indexes/index.js";
import { buildPassages } from "../src/passages/index.js";
import { startHubServer } from "../tools/tiny-model/hub-server.js";
import { simpleAnalyzer } from "./support/simple-analyzer.js";
import { TINY_MODEL_ID, tinyModelDir } from "./support/tiny-model.js";

let modelDir: string;
let embedder: Embedder;
const savedEnv = { ...env };

beforeAll(async () => {
  modelDir = await tinyModelDir();
  embedder = await loadEmbedder({ model: TINY_MODEL_ID, modelDir, offline: true });
});

afterAll(() => {
  Object.assign(env, savedEnv);
});

describe("dense leg on the generated model, through the real loading code", () => {
  it("loads with remote loading off and embeds to unit vectors of the model's size", async () => {
    expect(embedder.dimensions).toBe(128);
    const [vector] = await embedder.embedQueries(["Төртінші тапсырма"]);
    const norm = Math.hypot(...(vector ?? []));
    expect(norm).toBeCloseTo(1, 4);
  });

  it("ranks passages by shared words: the HNSW leg alone finds the youth-movement directive", async () => {
    const root = mkdtempSync(join(tmpdir(), "dense-"));
    cpSync("corpus", join(root, "corpus"), { recursive: true });
    const opened = await openIndexes({
      corpusDir: join(root, "corpus"),
      indexDir: join(root, "index"),
      analyzer: simpleAnalyzer(),
      embedder,
    });
    const dense = opened.indexes.dense;
    expect(dense?.model).toBe(TINY_MODEL_ID);
    const [query] = await embedder.embedQueries(["«Жаңғыру жолы» жастар қозғалысы стартаптар"]);
    const [best] = dense?.index.search(query as Float32Array, 3) ?? [];
    expect(opened.indexes.passages[best?.id ?? -1]?.ordinal).toBe(4);
    expect(readManifest(join(root, "index")).dense).toEqual({
      backend: "transformers.js",
      model: TINY_MODEL_ID,
      dimensions: 128,
      offTopic: OFF_TOPIC_HASH,
      sentences: "in-context",
    });
    // Reopening with the same model loads the saved vectors instead of embedding again.
    const reopened = await openIndexes({
      corpusDir: join(root, "corpus"),
      indexDir: join(root, "index"),
      analyzer: simpleAnalyzer(),
      embedder,
    });
    expect(reopened.action).toBe("loaded");
    expect(reopened.indexes.dense?.index.search(query as Float32Array, 1)[0]?.id).toBe(best?.id);
  });

  it("adds only the dense leg to a keyword-only index", async () => {
    const root = mkdtempSync(join(tmpdir(), "dense-add-"));
    cpSync("corpus", join(root, "corpus"), { recursive: true });
    const dirs = {
      corpusDir: join(root, "corpus"),
      indexDir: join(root, "index"),
      analyzer: simpleAnalyzer(),
    };
    await openIndexes({ ...dirs, embedder: null });
    const withDense = await openIndexes({ ...dirs, embedder });
    expect(withDense.action).toBe("added-dense");
    expect(readManifest(dirs.indexDir).dense?.model).toBe(TINY_MODEL_ID);
  });

  it("a rebuild after one document is added embeds only that document; a forced one embeds all", async () => {
    const root = mkdtempSync(join(tmpdir(), "dense-reuse-"));
    cpSync("corpus", join(root, "corpus"), { recursive: true });
    const embedded: string[] = [];
    const counting: Embedder = Object.assign(Object.create(embedder) as Embedder, {
      embedPassages: (texts: readonly string[], onBatch?: (done: number, total: number) => void) => {
        embedded.push(...texts);
        return embedder.embedPassages(texts, onBatch);
      },
      embedInContext: (
        passages: readonly PassageInContext[],
        onPassage?: (done: number, total: number) => void,
      ) => {
        embedded.push(...passages.flatMap((p) => [p.text, ...p.sentences.map((s) => s.text)]));
        return embedder.embedInContext?.(passages, onPassage) ?? Promise.resolve([]);
      },
    });
    const dirs = {
      corpusDir: join(root, "corpus"),
      indexDir: join(root, "index"),
      analyzer: simpleAnalyzer(),
    };
    const first = await openIndexes({ ...dirs, embedder: counting });
    const everything = embedded.length;
    expect(everything).toBeGreaterThan(first.indexes.passages.length);
    embedded.length = 0;
    writeFileSync(
      join(root, "corpus", "note.txt"),
      "Кеңес\n\nАссамблея кеңесі жаңа жобаларды талқылады. Жиынға облыстардан өкілдер келді.\n",
    );
    const rebuilt = await openIndexes({ ...dirs, embedder: counting });
    expect(rebuilt.action).toBe("built");
    expect(embedded.length).toBeGreaterThan(0);
    const added = rebuilt.indexes.passages.filter((p) => p.doc.startsWith("note"));
    expect(added.length).toBeGreaterThan(0);
    // Only the new document's passages and sentences were embedded.
    expect(embedded.every((text) => added.some((p) => p.text.includes(text)))).toBe(true);
    // The reused vectors are the ones a full build makes: the same passage is found first.
    const [query] = await embedder.embedQueries(["«Жаңғыру жолы» жастар қозғалысы стартаптар"]);
    const best = (opened: typeof first) => {
      const hit = opened.indexes.dense?.index.search(query as Float32Array, 1)[0];
      return opened.indexes.passages[hit?.id ?? -1]?.text;
    };
    embedded.length = 0;
    const forced = await openIndexes({ ...dirs, embedder: counting, force: true });
    expect(embedded.length).toBeGreaterThan(everything);
    expect(best(rebuilt)).toBe(best(forced));
    expect(best(rebuilt)).toBe(best(first));
  });

  it("embeds every passage of the article (batches cover the whole corpus)", async () => {
    const passages = buildPassages(await loadCorpus("corpus"));
    const batches: number[] = [];
    const vectors = await embedder.embedPassages(
      passages.map((p) => p.text),
      (done) => batches.push(done),
    );
    expect(vectors).toHaveLength(passages.length);
    expect(batches.at(-1)).toBe(passages.length);
  });
});

describe("first run: download from the hub into the project's model cache", () => {
  it("downloads through the hub URL layout with progress, then works offline from the cache", async () => {
    const hub = await startHubServer(modelDir);
    try {
      const cache = mkdtempSync(join(tmpdir(), "model-cache-"));
      const progress: number[] = [];
      const downloaded = await loadEmbedder({
        model: TINY_MODEL_ID,
        modelDir: cache,
        remoteHost: hub.url,
        onDownload: ({ loaded }) => progress.push(loaded),
      });
      expect(downloaded.dimensions).toBe(128);
      expect(hub.requests.some((r) => r.includes(`/${TINY_MODEL_ID}/resolve/main/onnx/model.onnx`))).toBe(
        true,
      );
      expect(progress.length).toBeGreaterThan(0);
      expect(existsSync(join(cache, TINY_MODEL_ID, "onnx", "model.onnx"))).toBe(true);
      const requestsBefore = hub.requests.length;
      const offline = await loadEmbedder({ model: TINY_MODEL_ID, modelDir: cache, offline: true });
      expect(offline.dimensions).toBe(128);
      expect(hub.requests.length).toBe(requestsBefore);
    } finally {
      await hub.close();
    }
  });
});

describe("a model that cannot be had", () => {
  it("fails with a ModelLoadError that names the model and how to provide it", async () => {
    const empty = mkdtempSync(join(tmpdir(), "no-model-"));
    const error = await loadEmbedder({ model: "nobody/missing-model", modelDir: empty, offline: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as Error).message).toMatch(/nobody\/missing-model could not be loaded/);
    expect((error as Error).message).toContain(empty);
  });

  it("gives up within the stall timeout when the hub never answers, instead of hanging", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      const empty = mkdtempSync(join(tmpdir(), "no-model-"));
      const error = await loadEmbedder({
        model: "nobody/slow",
        modelDir: empty,
        remoteHost: url,
        stallTimeoutMs: 500,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelLoadError);
      expect((error as Error).message).toMatch(/no progress for 500 ms/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("EMBEDDINGS=auto warns once and carries on; EMBEDDINGS=on makes it an error", async () => {
    const empty = mkdtempSync(join(tmpdir(), "no-model-"));
    const warnings: string[] = [];
    const options = { model: "nobody/missing-model", modelDir: empty, offline: true };
    expect(await resolveEmbedder("auto", options, (m) => warnings.push(m))).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^WARNING: embedding model nobody\/missing-model could not be loaded.*keyword and structure legs only/,
    );
    await expect(resolveEmbedder("on", options, () => {})).rejects.toBeInstanceOf(ModelLoadError);
    expect(await resolveEmbedder("off", options, () => {})).toBeNull();
  });
});
