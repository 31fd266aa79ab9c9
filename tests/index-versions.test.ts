/**
 * Index versions: a (re)built index goes into a new version folder and the `current` pointer is
 * swapped to it by one rename; the previous version stays (a replica may be loading it), older
 * ones go; a folder saved before versions still loads, and is migrated by its next rebuild.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusHash, readCorpus } from "../src/corpus/index.js";
import {
  buildIndexes,
  CURRENT_FILE,
  currentIndexFiles,
  currentVersion,
  openIndexes,
  readManifest,
  removeOldVersions,
  saveIndexes,
} from "../src/indexes/index.js";
import { PASSAGE_FORMAT_VERSION } from "../src/passages/index.js";
import { simpleAnalyzer } from "./support/simple-analyzer.js";

function workspace() {
  const root = mkdtempSync(join(tmpdir(), "index-versions-"));
  const corpusDir = join(root, "corpus");
  cpSync("corpus", corpusDir, { recursive: true });
  return { corpusDir, indexDir: join(root, "index") };
}

const open = (dirs: { corpusDir: string; indexDir: string }) =>
  openIndexes({ ...dirs, analyzer: simpleAnalyzer(), embedder: null });

const versionsIn = (indexDir: string) =>
  readdirSync(indexDir)
    .filter((name) => name.startsWith("v-"))
    .sort();

describe("index versions", () => {
  it("a build goes into a version folder named by the pointer; reopening loads that version", async () => {
    const dirs = workspace();
    const built = await open(dirs);
    expect(built.version).toMatch(/^v-\d{8}T\d{9}Z-[0-9a-f]{8}-[0-9a-f]{4}$/);
    expect(readFileSync(join(dirs.indexDir, CURRENT_FILE), "utf8")).toBe(`${built.version}\n`);
    expect(existsSync(join(dirs.indexDir, built.version as string, "manifest.json"))).toBe(true);
    expect(existsSync(join(dirs.indexDir, "manifest.json"))).toBe(false);
    const loaded = await open(dirs);
    expect(loaded.action).toBe("loaded");
    expect(loaded.version).toBe(built.version);
  });

  it("a changed corpus is built into a new version and swapped in; the previous one stays, older ones go", async () => {
    const dirs = workspace();
    const first = await open(dirs);
    writeFileSync(join(dirs.corpusDir, "extra.txt"), "Екінші құжат\nЖаңа мәтін.");
    const second = await open(dirs);
    expect(second.action).toBe("built");
    expect(second.version).not.toBe(first.version);
    expect(currentVersion(dirs.indexDir)).toBe(second.version);
    expect(versionsIn(dirs.indexDir)).toEqual([first.version, second.version].sort());
    writeFileSync(join(dirs.corpusDir, "extra.txt"), "Екінші құжат\nӨзгерген мәтін.");
    const third = await open(dirs);
    expect(versionsIn(dirs.indexDir)).toEqual([second.version, third.version].sort());
    expect(readManifest(dirs.indexDir).documents).toBe(2);
  });

  it("a folder saved before versions loads as it is, and its next rebuild replaces its files by a version", async () => {
    const dirs = workspace();
    const analyzer = simpleAnalyzer();
    const { documents } = await readCorpus(dirs.corpusDir);
    const indexes = await buildIndexes(documents, { analyzer, embedder: null });
    mkdirSync(dirs.indexDir);
    saveIndexes(dirs.indexDir, indexes, { ...indexes.manifest, corpusDir: "../corpus" });
    writeFileSync(join(dirs.indexDir, "NOTES.md"), "the operator's own file");
    const loaded = await open(dirs);
    expect(loaded.action).toBe("loaded");
    expect(loaded.version).toBeNull();
    writeFileSync(join(dirs.corpusDir, "extra.txt"), "Екінші құжат\nЖаңа мәтін.");
    const rebuilt = await open(dirs);
    expect(rebuilt.version).not.toBeNull();
    expect(readdirSync(dirs.indexDir).sort()).toEqual([CURRENT_FILE, "NOTES.md", rebuilt.version].sort());
  });

  it("a pointer naming no version is no version: the index is rebuilt, not misread", async () => {
    const dirs = workspace();
    await open(dirs);
    writeFileSync(join(dirs.indexDir, CURRENT_FILE), "../../etc\n");
    expect(currentVersion(dirs.indexDir)).toBeNull();
    expect(currentIndexFiles(dirs.indexDir)).toBe(dirs.indexDir);
    const reopened = await open(dirs);
    expect(reopened.action).toBe("built");
    expect(reopened.reason).toBe("no index yet");
    expect(currentVersion(dirs.indexDir)).toBe(reopened.version);
  });

  it("a build folder a killed save left is removed once it is ten minutes old, not before", async () => {
    const dirs = workspace();
    const built = await open(dirs);
    const fresh = join(dirs.indexDir, ".build-4242-aaaaaa");
    const old = join(dirs.indexDir, ".build-4243-bbbbbb");
    mkdirSync(fresh);
    mkdirSync(old);
    const at = (Date.now() - 11 * 60_000) / 1000;
    utimesSync(old, at, at);
    expect(removeOldVersions(dirs.indexDir, [built.version as string])).toEqual([".build-4243-bbbbbb"]);
    expect(existsSync(fresh)).toBe(true);
  });

  it("the manifest of every version records the corpus it was built from and its hash", async () => {
    const dirs = workspace();
    const built = await open(dirs);
    const manifest = readManifest(dirs.indexDir);
    expect(manifest.corpusDir).toBe("../corpus");
    expect(manifest.passageFormatVersion).toBe(PASSAGE_FORMAT_VERSION);
    expect(built.version?.split("-")[2]).toBe(
      corpusHash((await readCorpus(dirs.corpusDir)).documents).slice(0, 8),
    );
  });
});
