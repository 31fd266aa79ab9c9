/**
 * Writing documents into the corpus from outside (an admin's file): names that could escape or
 * hide are refused, a bad file changes nothing, and nothing replaced or removed is lost.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CorpusError,
  checkDocumentName,
  DocumentFileError,
  listDocumentFiles,
  removeDocument,
  writeDocument,
} from "../src/corpus/index.js";

const text = (s: string) => new TextEncoder().encode(s);
const NOW = () => new Date(Date.UTC(2026, 11, 1, 12, 0, 0));

function folders() {
  const root = mkdtempSync(join(tmpdir(), "corpus-docs-"));
  const corpus = join(root, "corpus");
  const trashDir = join(root, "data", "removed-documents");
  writeFileSync(join(mkdirp(corpus), "article.txt"), "Мақала\nМәтін.\n");
  return { corpus, trashDir };
}

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe("document names", () => {
  it.each([
    ["../escape.txt", "bad-name"],
    ["sub/dir.txt", "bad-name"],
    ["back\\slash.txt", "bad-name"],
    [".hidden.txt", "bad-name"],
    ["line\nbreak.txt", "bad-name"],
    ["", "bad-name"],
    [`${"а".repeat(130)}.txt`, "bad-name"],
    ["report.pdf", "wrong-type"],
    ["glossary.json", "wrong-type"],
  ])("refuses %j (%s)", (name, reason) => {
    expect(() => checkDocumentName(name)).toThrow(DocumentFileError);
    try {
      checkDocumentName(name);
    } catch (error) {
      expect((error as DocumentFileError).reason).toBe(reason);
    }
  });

  it.each(["мақала.txt", "Notes 2026.MD", "a-b_c.txt"])("accepts %j", (name) => {
    expect(checkDocumentName(name)).toBe(name);
  });
});

describe("writing and removing documents", () => {
  it("writes a good file, and a file that is not a document changes nothing", async () => {
    const { corpus, trashDir } = folders();
    const added = await writeDocument(corpus, "new.md", text("# Жаңа құжат\n\nМәтін.\n"), { trashDir });
    expect(added).toMatchObject({ replaced: false, document: { id: "new", title: "Жаңа құжат" } });
    const before = readdirSync(corpus).sort();
    const latin1 = new Uint8Array([0x4e, 0xe9, 0x0a]);
    await expect(writeDocument(corpus, "bad.txt", latin1, { trashDir })).rejects.toMatchObject({
      reason: "not-utf8",
    });
    await expect(writeDocument(corpus, "blank.txt", text(" \n"), { trashDir })).rejects.toBeInstanceOf(
      CorpusError,
    );
    expect(readdirSync(corpus).sort()).toEqual(before);
  });

  it("replacing a document keeps the old file in the trash, named by time", async () => {
    const { corpus, trashDir } = folders();
    const replaced = await writeDocument(corpus, "article.txt", text("Жаңа мақала\nЖаңа мәтін.\n"), {
      trashDir,
      now: NOW,
    });
    expect(replaced.replaced).toBe(true);
    expect(readFileSync(join(corpus, "article.txt"), "utf8")).toBe("Жаңа мақала\nЖаңа мәтін.\n");
    expect(readdirSync(trashDir)).toEqual(["20261201T120000000Z-article.txt"]);
    expect(readFileSync(join(trashDir, "20261201T120000000Z-article.txt"), "utf8")).toBe("Мақала\nМәтін.\n");
  });

  it("removes a document into the trash, but never the last one, nor one that is not there", async () => {
    const { corpus, trashDir } = folders();
    await writeDocument(corpus, "second.txt", text("Екінші\nМәтін.\n"), { trashDir });
    await expect(removeDocument(corpus, "missing.txt", { trashDir })).rejects.toMatchObject({
      reason: "not-found",
    });
    await removeDocument(corpus, "second.txt", { trashDir, now: NOW });
    expect((await listDocumentFiles(corpus)).map((f) => f.name)).toEqual(["article.txt"]);
    expect(readdirSync(trashDir)).toEqual(["20261201T120000000Z-second.txt"]);
    await expect(removeDocument(corpus, "article.txt", { trashDir })).rejects.toMatchObject({
      reason: "last-document",
    });
    expect((await listDocumentFiles(corpus)).map((f) => f.name)).toEqual(["article.txt"]);
  });
});
