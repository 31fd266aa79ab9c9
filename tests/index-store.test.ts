import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IndexError, loadIndexes, openIndexes, readManifest } from "../src/indexes/index.js";
import { simpleAnalyzer } from "./support/simple-analyzer.js";

function workspace() {
  const root = mkdtempSync(join(tmpdir(), "index-store-"));
  const corpusDir = join(root, "corpus");
  cpSync("corpus", corpusDir, { recursive: true });
  return { corpusDir, indexDir: join(root, "index") };
}

describe("saved indexes", () => {
  it("round-trips: what is loaded searches like what was built", async () => {
    const dirs = workspace();
    const built = await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    expect(built.action).toBe("built");
    const loaded = await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    expect(loaded.action).toBe("loaded");
    expect(loaded.indexes.passages).toEqual(built.indexes.passages);
    expect(loaded.indexes.documents).toEqual(built.indexes.documents);
    const question = "жастар қозғалысы";
    expect(loaded.indexes.keyword.search(question)).toEqual(built.indexes.keyword.search(question));
  });

  it("rebuilds when the corpus changes", async () => {
    const dirs = workspace();
    await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    writeFileSync(join(dirs.corpusDir, "extra.txt"), "Екінші құжат\nЖаңа мәтін.");
    const reopened = await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    expect(reopened.action).toBe("built");
    expect(reopened.reason).toBe("corpus changed");
    expect(readManifest(dirs.indexDir).documents).toBe(2);
  });

  it("rebuilds when the analyzer changes (a stale manifest)", async () => {
    const dirs = workspace();
    await openIndexes({ ...dirs, analyzer: simpleAnalyzer("v1"), embedder: null });
    const reopened = await openIndexes({ ...dirs, analyzer: simpleAnalyzer("v2"), embedder: null });
    expect(reopened.reason).toBe("keyword analyzer changed");
  });

  it("refuses a corrupt file with a clear error naming it, and openIndexes rebuilds instead", async () => {
    const dirs = workspace();
    await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    const keywordFile = join(dirs.indexDir, "keyword.json");
    writeFileSync(keywordFile, readFileSync(keywordFile, "utf8").slice(0, 100));
    let error: unknown;
    try {
      loadIndexes(dirs.indexDir, simpleAnalyzer());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).reason).toBe("corrupt");
    expect((error as IndexError).message).toMatch(/keyword\.json is corrupt/);
    const reopened = await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    expect(reopened.action).toBe("built");
    expect(reopened.reason).toMatch(/corrupt/);
  });

  it("treats a manifest that is not JSON as corrupt, not as a crash", async () => {
    const dirs = workspace();
    await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    writeFileSync(join(dirs.indexDir, "manifest.json"), "{ not json");
    expect(() => readManifest(dirs.indexDir)).toThrow(/manifest\.json is corrupt/);
    const reopened = await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    expect(reopened.action).toBe("built");
  });
});
