/**
 * hnswlib-node is a native addon and an optional dependency: on a machine where its build failed
 * (no python3, make or g++), `npm ci` leaves it out and the product must still answer with the
 * keyword and structure legs. Here the addon is made unloadable with a preload
 * (`tests/support/no-hnswlib.cjs`), and the real commands run as an operator runs them.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { currentIndexFiles, kazakhAnalyzer, loadEmbedder, openIndexes } from "../src/indexes/index.js";
import { botStderrLines } from "./support/bot-process.js";
import { startBotSession } from "./support/bot-session.js";
import { TINY_MODEL_ID, tinyModelDir } from "./support/tiny-model.js";

const run = promisify(execFile);
const WITHOUT_HNSWLIB = { NODE_OPTIONS: `--require ${resolve("tests/support/no-hnswlib.cjs")}` };
let dirs: { corpusDir: string; indexDir: string; modelDir: string };

/** `npm run ask` without hnswlib; the index folder holds a dense leg built while it was there. */
async function ask(embeddings: "off" | "auto" | "on") {
  const env = {
    ...process.env,
    ...WITHOUT_HNSWLIB,
    CORPUS_DIR: dirs.corpusDir,
    INDEX_DIR: dirs.indexDir,
    MODEL_DIR: dirs.modelDir,
    EMBEDDING_MODEL: TINY_MODEL_ID,
    MODEL_OFFLINE: "true",
    EMBEDDINGS: embeddings,
  };
  try {
    const { stdout, stderr } = await run(
      "npm",
      ["run", "--silent", "ask", "--", "--json", "Төртінші тапсырма"],
      {
        env,
      },
    );
    return { stdout, stderr: botStderrLines(stderr), code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: botStderrLines(e.stderr), code: e.code };
  }
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "no-hnswlib-"));
  const modelDir = await tinyModelDir();
  dirs = { corpusDir: join(root, "corpus"), indexDir: join(root, "index"), modelDir };
  cpSync("corpus", dirs.corpusDir, { recursive: true });
  const embedder = await loadEmbedder({ model: TINY_MODEL_ID, modelDir, offline: true });
  await openIndexes({ ...dirs, analyzer: kazakhAnalyzer(), embedder });
});

describe("without hnswlib-node (its native build failed)", () => {
  it("EMBEDDINGS=off answers from the saved index without touching its dense leg", async () => {
    const manifest = readFileSync(join(currentIndexFiles(dirs.indexDir), "manifest.json"), "utf8");
    const { stdout, stderr, code } = await ask("off");
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as { passages: { text: string }[] };
    expect(answer.passages[0]?.text).toContain("Жаңғыру жолы");
    expect(readFileSync(join(currentIndexFiles(dirs.indexDir), "manifest.json"), "utf8")).toBe(manifest);
  });

  it("EMBEDDINGS=auto warns once, naming the library and its build prerequisites, and answers", async () => {
    const { stdout, stderr, code } = await ask("auto");
    expect(code).toBe(0);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(
      /^WARNING: the vector index library hnswlib-node cannot be loaded .*needs python3, make and g\+\+.*keyword and structure legs only/,
    );
    expect(JSON.parse(stdout)).toMatchObject({ abstained: false });
  });

  it("EMBEDDINGS=on stops with that one line", async () => {
    const { stderr, code } = await ask("on");
    expect(code).toBe(1);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^ask: the vector index library hnswlib-node cannot be loaded/);
  });

  it("the bot starts with EMBEDDINGS=off and answers", async () => {
    const session = await startBotSession({ ...WITHOUT_HNSWLIB, EMBEDDINGS: "off" });
    try {
      session.api.sendText({ chatId: 4242, text: "Төртінші тапсырмада не айтылған?" });
      const reply = await session.api.waitFor(
        (c) => c.ok && c.method === "sendMessage" && Number(c.params.chat_id) === 4242,
      );
      expect(String(reply.params.text)).toContain("Жаңғыру жолы");
      expect(botStderrLines(session.bot.stderr())).toEqual([]);
    } finally {
      await session.stop();
    }
  });
});
