/**
 * Proves the generated tiny model behaves like a real transformers.js feature-extraction model: it loads
 * from a local model folder, embeds a batch into [n, dimensions] vectors whose cosine ranking follows shared
 * words, and downloads from a hub-shaped HTTP server into `env.cacheDir`, with a second load hitting the cache.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AutoTokenizer, env, type ProgressInfo, pipeline, type Tensor } from "@huggingface/transformers";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateTinyModel } from "../tools/tiny-model/generate.js";
import { startHubServer } from "../tools/tiny-model/hub-server.js";

const MODEL_ID = "test/tiny-bag-of-words";
const DIMENSIONS = 32;
const PASSAGES = [
  "Президент Қазақстан халқы Ассамблеясының кезекті сессиясында сөз сөйледі.",
  "Алматыда биыл жаңа мектептер мен ауруханалар салынды.",
  "Фермерлер солтүстік облыстарда бидайдың мол өнімін жинады.",
];
const QUERY = "Алматыда қандай мектептер салынды?";
const ENV_KEYS = [
  "localModelPath",
  "allowLocalModels",
  "allowRemoteModels",
  "remoteHost",
  "cacheDir",
] as const;

let workDir: string;
let modelRoot: string;

/** Embeds query + passages with e5-style prefixes and returns the index of the passage closest to the query. */
async function rankFirst(extractor: (texts: string[], options: object) => Promise<Tensor>): Promise<number> {
  const output = await extractor([`query: ${QUERY}`, ...PASSAGES.map((p) => `passage: ${p}`)], {
    pooling: "mean",
    normalize: true,
  });
  expect(output.dims).toEqual([PASSAGES.length + 1, DIMENSIONS]);
  const vectors = output.tolist() as number[][];
  const [query = [], ...passages] = vectors;
  const scores = passages.map((vector) => vector.reduce((sum, value, i) => sum + value * (query[i] ?? 0), 0));
  return scores.indexOf(Math.max(...scores));
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "tiny-model-test-"));
  modelRoot = join(workDir, "models");
  const generated = await generateTinyModel(join(modelRoot, ...MODEL_ID.split("/")), {
    texts: [...PASSAGES, "Тапсырма берілді, тапсырмасы орындалды: 2024 жыл!"],
    dimensions: DIMENSIONS,
  });
  expect(generated.dimensions).toBe(DIMENSIONS);
  expect(generated.vocabSize).toBeGreaterThan(100);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("tiny bag-of-words model", () => {
  let saved: Pick<typeof env, (typeof ENV_KEYS)[number]>;
  beforeEach(() => {
    saved = { ...env };
  });
  afterEach(() => {
    Object.assign(env, Object.fromEntries(ENV_KEYS.map((key) => [key, saved[key]])));
  });

  it("loads from a local folder and ranks the passage sharing the query's words first", async () => {
    env.localModelPath = modelRoot;
    env.allowLocalModels = true;
    env.allowRemoteModels = false;

    const tokenizer = await AutoTokenizer.from_pretrained(MODEL_ID);
    const inflected = tokenizer.tokenize("тапсырмасы");
    expect(inflected[0]).toBe(tokenizer.tokenize("Тапсырма")[0]);
    expect(tokenizer.tokenize("2024 жыл!")).not.toContain("[UNK]");

    for (const dtype of ["fp32", "q8"] as const) {
      const extractor = await pipeline("feature-extraction", MODEL_ID, { dtype });
      expect(await rankFirst(extractor)).toBe(1);
      await extractor.dispose();
    }
  });

  it("serves the hub layout with HEAD, Range and JSON 404 answers", async () => {
    const hub = await startHubServer(modelRoot);
    try {
      const url = `${hub.url}${MODEL_ID}/resolve/main/config.json`;
      const full = await fetch(url);
      const size = (await full.arrayBuffer()).byteLength;
      expect(full.status).toBe(200);
      expect(full.headers.get("content-length")).toBe(String(size));
      const head = await fetch(url, { method: "HEAD" });
      expect(head.headers.get("content-length")).toBe(String(size));
      const probe = await fetch(url, { headers: { Range: "bytes=0-0" } });
      expect(probe.status).toBe(206);
      expect(probe.headers.get("content-range")).toBe(`bytes 0-0/${size}`);
      expect((await probe.arrayBuffer()).byteLength).toBe(1);
      const missing = await fetch(`${hub.url}${MODEL_ID}/resolve/main/preprocessor_config.json`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toHaveProperty("error");
      expect(hub.requests).toEqual([
        `GET /${MODEL_ID}/resolve/main/config.json`,
        `HEAD /${MODEL_ID}/resolve/main/config.json`,
        `GET /${MODEL_ID}/resolve/main/config.json`,
        `GET /${MODEL_ID}/resolve/main/preprocessor_config.json`,
      ]);
    } finally {
      await hub.close();
    }
  });

  it("downloads from the local hub server into env.cacheDir and reuses the cache on the next load", async () => {
    const hub = await startHubServer(modelRoot);
    try {
      const emptyModels = await mkdtemp(join(workDir, "empty-models-"));
      const cacheDir = await mkdtemp(join(workDir, "cache-"));
      env.allowLocalModels = true;
      env.allowRemoteModels = true;
      env.remoteHost = hub.url;
      env.localModelPath = emptyModels;
      env.cacheDir = cacheDir;

      const events: ProgressInfo[] = [];
      const first = await pipeline("feature-extraction", MODEL_ID, {
        dtype: "fp32",
        progress_callback: (info: ProgressInfo) => events.push(info),
      });
      expect(await rankFirst(first)).toBe(1);
      await first.dispose();

      const onnxRequest = `GET /${MODEL_ID}/resolve/main/onnx/model.onnx`;
      expect(hub.requests).toContain(onnxRequest);
      expect(hub.requests).toContain(`GET /${MODEL_ID}/resolve/main/tokenizer.json`);
      for (const file of ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx"]) {
        expect(existsSync(join(cacheDir, ...MODEL_ID.split("/"), file)), file).toBe(true);
      }
      expect(events.some((e) => e.status === "done" && "file" in e && e.file === "onnx/model.onnx")).toBe(
        true,
      );

      const onnxDownloads = hub.requests.filter((r) => r === onnxRequest).length;
      const second = await pipeline("feature-extraction", MODEL_ID, { dtype: "fp32" });
      expect(await rankFirst(second)).toBe(1);
      await second.dispose();
      expect(hub.requests.filter((r) => r === onnxRequest).length).toBe(onnxDownloads);
    } finally {
      await hub.close();
    }
  });
});
