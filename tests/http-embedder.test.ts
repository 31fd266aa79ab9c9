import { execFile } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AnswerEngine, resolveEmbedder } from "../src/answer/index.js";
import { OFF_TOPIC_HASH } from "../src/indexes/dense/off-topic.js";
import {
  connectHttpEmbedder,
  EmbeddingServerError,
  endpointOf,
  ModelLoadError,
  openIndexes,
  readManifest,
} from "../src/indexes/index.js";
import { FakeEmbeddingServer } from "./support/fake-embedding-server.js";
import { simpleAnalyzer } from "./support/simple-analyzer.js";

const fake = new FakeEmbeddingServer();
let url: string;
/** A port nothing listens on: the fake's, after it stopped. */
let deadUrl: string;

beforeAll(async () => {
  const probe = new FakeEmbeddingServer();
  deadUrl = await probe.start();
  await probe.stop();
  url = await fake.start();
});
afterAll(() => fake.stop());
afterEach(() => {
  fake.requests.length = 0;
  fake.faults = [];
});

const connect = (extra: Partial<Parameters<typeof connectHttpEmbedder>[0]> = {}) =>
  connectHttpEmbedder({ url, model: "multilingual-e5-small", backoffMs: 5, ...extra });

describe("OpenAI-compatible embedding backend", () => {
  it("learns the width from a probe, batches, keeps the input order and returns unit vectors", async () => {
    const embedder = await connect({ batchSize: 4 });
    expect(embedder.backend).toBe("http");
    expect(embedder.dimensions).toBe(16);
    const texts = Array.from({ length: 10 }, (_, i) => `text ${"abcdefghij"[i]}`);
    const vectors = await embedder.embedPassages(texts);
    expect(fake.requests).toHaveLength(1 + 3);
    expect(vectors).toHaveLength(10);
    vectors.forEach((v, i) => {
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
      const expected = fake.vector(`passage: ${texts[i]}`);
      const norm = Math.hypot(...expected);
      expect(v[0]).toBeCloseTo((expected[0] as number) / norm, 5);
    });
  });

  it("applies the e5 prefixes exactly once: itself (client) or through input_type (server)", async () => {
    const client = await connect();
    await client.embedQueries(["төртінші тапсырма"]);
    expect(fake.requests.at(-1)?.body).toMatchObject({
      input: ["query: төртінші тапсырма"],
      model: "multilingual-e5-small",
    });
    expect(fake.requests.at(-1)?.body.input_type).toBeUndefined();
    const server = await connect({ prefixes: "server" });
    await server.embedPassages(["Төртінші"]);
    expect(fake.requests.at(-1)?.body).toMatchObject({ input: ["Төртінші"], input_type: "passage" });
  });

  it("sends the key as a bearer token and never puts it in an error", async () => {
    const secret = "sk-test-0123456789abcdef";
    const embedder = await connect({ apiKey: secret, retries: 0 });
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${secret}`);
    fake.faults = ["500"];
    const error = await embedder.embedQueries(["x"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingServerError);
    expect(String((error as Error).message)).not.toContain(secret);
  });

  it("retries 429 and 5xx with backoff, then succeeds", async () => {
    const embedder = await connect();
    fake.faults = ["429", "500", "ok"];
    const [vector] = await embedder.embedQueries(["retry me"]);
    expect(vector).toHaveLength(16);
    expect(fake.requests).toHaveLength(1 + 3);
  });

  it("gives up after its retries with the status in one line", async () => {
    const embedder = await connect({ retries: 2 });
    fake.faults = ["500", "500", "500"];
    await expect(embedder.embedQueries(["x"])).rejects.toThrow(/HTTP 500: inference failed/);
  });

  it("abandons a request that never answers within the timeout", async () => {
    const embedder = await connect({ timeoutMs: 300, retries: 0 });
    fake.faults = ["hang"];
    const started = Date.now();
    await expect(embedder.embedQueries(["x"])).rejects.toThrow(/no answer within the timeout/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses answers that are not embeddings, or too few of them", async () => {
    const embedder = await connect({ retries: 0 });
    fake.faults = ["garbage"];
    await expect(embedder.embedQueries(["x"])).rejects.toThrow(/not an embeddings response \(not JSON\)/);
    fake.faults = ["wrong-count"];
    await expect(embedder.embedQueries(["x", "y"])).rejects.toThrow(/1 embeddings for 2 texts/);
  });

  it("refuses vectors whose width changed since start-up", async () => {
    const embedder = await connect();
    fake.dimensions = 8;
    try {
      await expect(embedder.embedQueries(["x"])).rejects.toThrow(/8 dimensions, 16 expected/);
    } finally {
      fake.dimensions = 16;
    }
  });

  it("treats a server that is down at start-up like a model that cannot load", async () => {
    const options = { model: "multilingual-e5-small", server: { url: deadUrl, retries: 0 } };
    const warnings: string[] = [];
    expect(await resolveEmbedder("auto", options, (w) => warnings.push(w))).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /embedding server .*\/v1\/embeddings .*could not be used: cannot connect \(ECONNREFUSED\)/,
    );
    await expect(resolveEmbedder("on", options, () => {})).rejects.toBeInstanceOf(ModelLoadError);
  });

  it("finds the endpoint from a base URL or the endpoint itself", () => {
    expect(endpointOf("http://h:8000/v1")).toBe("http://h:8000/v1/embeddings");
    expect(endpointOf("http://h:8000/v1/")).toBe("http://h:8000/v1/embeddings");
    expect(endpointOf("http://h:8000/v1/embeddings")).toBe("http://h:8000/v1/embeddings");
  });
});

describe("HTTP backend in the index and the engine", () => {
  const corpusCopy = () => {
    const root = mkdtempSync(join(tmpdir(), "http-dense-"));
    cpSync("corpus", join(root, "corpus"), { recursive: true });
    return { corpusDir: join(root, "corpus"), indexDir: join(root, "index") };
  };

  it("records backend and model in the manifest; another backend or width rebuilds the dense leg", async () => {
    const dirs = corpusCopy();
    const http = await connect();
    await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: http });
    expect(readManifest(dirs.indexDir).dense).toEqual({
      backend: "http",
      model: "multilingual-e5-small",
      dimensions: 16,
      offTopic: OFF_TOPIC_HASH,
      sentences: "separate",
    });
    const again = await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: http });
    expect(again.action).toBe("loaded");
    fake.dimensions = 8;
    try {
      const narrower = await connect();
      const rebuilt = await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: narrower });
      expect(rebuilt.action).toBe("added-dense");
      expect(rebuilt.reason).toMatch(/made by multilingual-e5-small via http \(16 dimensions\)/);
    } finally {
      fake.dimensions = 16;
    }
  });

  it("keeps answering with the other legs when the server fails mid-run, and says so", async () => {
    const dirs = corpusCopy();
    const log: string[] = [];
    const engine = await AnswerEngine.open({
      ...dirs,
      analyzer: simpleAnalyzer(),
      embedderInstance: await connect({ retries: 0 }),
      log: (line) => log.push(line),
    });
    fake.faults = ["500"];
    const answer = await engine.answer("Төртінші тапсырма");
    expect(answer.abstained).toBe(false);
    expect(answer.passages[0]?.text).toContain("Жаңғыру жолы");
    expect(log.join("\n")).toMatch(
      /could not be embedded \(HTTP 500: inference failed\); answering with the other legs/,
    );
    const requestsBefore = fake.requests.length;
    await engine.answer("Бесінші тапсырма");
    expect(fake.requests.length).toBe(requestsBefore);
  });

  it("serves a question asked again from the answer it made, but not one made without the model", async () => {
    const engine = await AnswerEngine.open({
      ...corpusCopy(),
      analyzer: simpleAnalyzer(),
      embedderInstance: await connect({ retries: 0 }),
      retriever: { denseCooldownMs: 0 },
    });
    fake.faults = ["500"];
    const without = await engine.answer("Жастар қозғалысы не үшін құрылады?");
    const afterFault = fake.requests.length;
    const withModel = await engine.answer("Жастар қозғалысы не үшін құрылады?");
    expect(fake.requests.length).toBe(afterFault + 1);
    expect(withModel).not.toBe(without);
    const again = await engine.answer("Жастар қозғалысы не үшін құрылады?");
    expect(again).toBe(withModel);
    expect(fake.requests.length).toBe(afterFault + 1);
    // Another language hint is another answer.
    await engine.answer("Жастар қозғалысы не үшін құрылады?", { languageHint: "en" });
    expect(fake.requests.length).toBe(afterFault + 2);
  });
});

describe("npm run ask with EMBEDDINGS_URL", () => {
  const run = promisify(execFile);
  it("stops with one line when the server is down and EMBEDDINGS=on", async () => {
    const dirs = corpusCopy();
    const result = await run("npm", ["run", "--silent", "ask", "--", "Төртінші тапсырма"], {
      env: {
        ...process.env,
        CORPUS_DIR: dirs.corpusDir,
        INDEX_DIR: dirs.indexDir,
        EMBEDDINGS: "on",
        EMBEDDINGS_URL: deadUrl,
        EMBEDDINGS_API_KEY: "sk-never-shown",
      },
    }).catch((e: { stdout: string; stderr: string; code: number }) => e);
    const { stderr, code } = result as { stderr: string; code?: number };
    expect(code).toBe(1);
    const lines = stderr.split("\n").filter((l) => l.trim() && !l.startsWith("npm warn"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ask: embedding server .* could not be used: cannot connect/);
    expect(stderr).not.toContain("sk-never-shown");
  });

  function corpusCopy() {
    const root = mkdtempSync(join(tmpdir(), "http-cli-"));
    cpSync("corpus", join(root, "corpus"), { recursive: true });
    return { corpusDir: join(root, "corpus"), indexDir: join(root, "index") };
  }
});
