import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  currentIndexFiles,
  IndexError,
  loadIndexes,
  openIndexes,
  readManifest,
  recordedCorpus,
  removeStaleTemporaries,
} from "../src/indexes/index.js";
import { snapshotFiles } from "./support/files.js";
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
    const keywordFile = join(currentIndexFiles(dirs.indexDir), "keyword.json");
    writeFileSync(keywordFile, readFileSync(keywordFile, "utf8").slice(0, 100));
    let error: unknown;
    try {
      loadIndexes(dirs.indexDir, simpleAnalyzer());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).reason).toBe("corrupt");
    expect((error as IndexError).message).toMatch(/keyword\.json is corrupt \(checksum mismatch\)$/);
    const reopened = await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    expect(reopened.action).toBe("built");
    // The reason is logged while the index is being rebuilt: it must not ask anyone to delete it.
    expect(reopened.reason).toMatch(/corrupt/);
    expect(reopened.reason).not.toMatch(/delete/);
  });

  it("treats a manifest that is not JSON as corrupt, not as a crash", async () => {
    const dirs = workspace();
    await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    writeFileSync(join(currentIndexFiles(dirs.indexDir), "manifest.json"), "{ not json");
    expect(() => readManifest(dirs.indexDir)).toThrow(/manifest\.json is corrupt/);
    const reopened = await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    expect(reopened.action).toBe("built");
  });
});

describe("whose index it is", () => {
  const snapshot = (dir: string) => snapshotFiles(dir, "utf8");
  const otherCorpus = () => {
    const dir = mkdtempSync(join(tmpdir(), "other-corpus-"));
    writeFileSync(join(dir, "other.txt"), "Басқа мақала\nМүлде басқа мәтін, басқа тақырып.\n");
    return dir;
  };

  it("records its corpus folder, relative to the index folder", async () => {
    const dirs = workspace();
    await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    expect(readManifest(dirs.indexDir).corpusDir).toBe("../corpus");
    expect(recordedCorpus(dirs.indexDir)).toBe(resolve(dirs.corpusDir));
  });

  it("refuses to rebuild another corpus's index, naming its corpus, and leaves every file as it was", async () => {
    const dirs = workspace();
    await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    const before = snapshot(dirs.indexDir);
    const other = otherCorpus();
    const error = await openIndexes({
      corpusDir: other,
      indexDir: dirs.indexDir,
      analyzer: simpleAnalyzer(),
      embedder: null,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).reason).toBe("foreign");
    expect((error as Error).message).toContain(`holds the index of corpus ${resolve(dirs.corpusDir)}`);
    expect((error as Error).message).toContain(`not of ${other}`);
    expect((error as Error).message).not.toContain("\n");
    expect(snapshot(dirs.indexDir)).toEqual(before);
  });

  it("replaces it when a rebuild is asked for, and says what it replaced", async () => {
    const dirs = workspace();
    await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    const log: string[] = [];
    const other = otherCorpus();
    const rebuilt = await openIndexes({
      corpusDir: other,
      indexDir: dirs.indexDir,
      analyzer: simpleAnalyzer(),
      embedder: null,
      force: true,
      log: (line) => log.push(line),
    });
    expect(rebuilt.action).toBe("built");
    expect(log[0]).toMatch(/^replacing the index in .*, which was built from .*corpus, as asked$/);
    expect(recordedCorpus(dirs.indexDir)).toBe(resolve(other));
  });

  it("loads an index of the same text from another folder (a copied corpus) and rebuilds its own changed corpus", async () => {
    const dirs = workspace();
    await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    const copy = mkdtempSync(join(tmpdir(), "copied-corpus-"));
    cpSync(dirs.corpusDir, copy, { recursive: true });
    const loaded = await openIndexes({
      corpusDir: copy,
      indexDir: dirs.indexDir,
      analyzer: simpleAnalyzer(),
      embedder: null,
    });
    expect(loaded.action).toBe("loaded");
    writeFileSync(join(dirs.corpusDir, "extra.txt"), "Екінші құжат\nЖаңа мәтін.");
    const own = await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    expect(own.reason).toBe("corpus changed");
  });
});

describe("temporary files of a killed save", () => {
  const touch = (dir: string, name: string, ageMs = 0) => {
    writeFileSync(join(dir, name), "partial");
    const at = (Date.now() - ageMs) / 1000;
    utimesSync(join(dir, name), at, at);
  };

  it("are removed when their writer is gone or is this process's pid, kept while a live writer may still rename them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "temps-"));
    const alive = new Set([4242]);
    touch(dir, ".keyword.json.4242.tmp");
    touch(dir, ".passages.json.4242.tmp", 11 * 60_000);
    touch(dir, ".dense.hnsw.31337.tmp");
    touch(dir, `.manifest.json.${process.pid}.tmp`);
    touch(dir, "keyword.json");
    const removed = removeStaleTemporaries(dir, { isAlive: (pid) => alive.has(pid) });
    expect(removed.sort()).toEqual(
      [".dense.hnsw.31337.tmp", `.manifest.json.${process.pid}.tmp`, ".passages.json.4242.tmp"].sort(),
    );
    expect(readdirSync(dir).sort()).toEqual([".keyword.json.4242.tmp", "keyword.json"]);
  });

  it("are cleaned up when the index is next opened, even when nothing needs saving", async () => {
    const dirs = workspace();
    await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    const gone = spawnSync(process.execPath, ["-e", ""]).pid as number;
    touch(dirs.indexDir, `.keyword.json.${gone}.tmp`);
    touch(dirs.indexDir, `.dense.hnsw.${gone}.tmp`);
    const reopened = await openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });
    expect(reopened.action).toBe("loaded");
    expect(readdirSync(dirs.indexDir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
