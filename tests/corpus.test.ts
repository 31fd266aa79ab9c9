import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CorpusError,
  corpusHash,
  loadCorpus,
  loadExampleQuestions,
  loadGlossary,
  readCorpus,
} from "../src/corpus/index.js";

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe("loadCorpus", () => {
  it("reads the article: id from the file name, title from the first line, author from the byline", async () => {
    const [doc] = await loadCorpus("corpus");
    expect(doc?.id).toBe("assembly-26th-session");
    expect(doc?.title).toMatch(/^Астана қаласындағы Бейбітшілік және келісім сарайында/);
    expect(doc?.author).toBe("Бағдагүл Балаубаева");
  });

  it("strips a BOM, accepts CRLF, takes .txt and .md, ignores other files", async () => {
    const dir = folder({
      "a.txt": "\uFEFFTitle A\r\nBody\r\n",
      "b.md": "\n\n# Title B\nBody",
      "c.json": "{}",
    });
    const docs = await loadCorpus(dir);
    expect(docs.map((d) => [d.id, d.title])).toEqual([
      ["a", "Title A"],
      ["b", "Title B"],
    ]);
    expect(docs[0]?.text).toBe("Title A\nBody\n");
  });

  it("reads a Markdown file as the text it shows, every line keeping its number", async () => {
    const markdown = [
      "# Жастар форумы өтті",
      "",
      "**Алматыда** форумға [екі мың](https://example.com/a) жас `қатысты`.",
      "",
      "## Бірінші",
      "",
      "- Гранттар _беріледі_.",
      "```",
      "code",
      "```",
      "> Айгүл Серікова",
    ].join("\n");
    const [doc] = await loadCorpus(folder({ "forum.md": markdown }));
    const lines = doc?.text.split("\n") ?? [];
    expect(lines).toHaveLength(11);
    expect(doc?.title).toBe("Жастар форумы өтті");
    expect(lines[2]).toBe("Алматыда форумға екі мың жас қатысты.");
    expect(lines[4]).toBe("Бірінші");
    expect(lines[6]).toBe("Гранттар беріледі.");
    expect([lines[7], lines[9]]).toEqual(["", ""]);
    expect(doc?.author).toBe("Айгүл Серікова");
  });

  it.each([
    ["an empty file", { "a.txt": "  \n\n" }, "empty-file", /a\.txt: the file is empty/],
    [
      "a non-UTF-8 file",
      { "b.txt": new Uint8Array([0xc0, 0xaf, 0xff, 0x41]) },
      "not-utf8",
      /b\.txt: not UTF-8/,
    ],
    ["an empty folder", {}, "empty-folder", /no documents/],
  ])("stops on %s with one clear line naming it", async (_, files, reason, message) => {
    const error = await loadCorpus(folder(files as Record<string, string | Uint8Array>)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).reason).toBe(reason);
    expect((error as CorpusError).message).toMatch(message);
    expect((error as CorpusError).message).not.toContain("\n");
  });

  it("readCorpus skips an empty, a non-UTF-8 and an unreadable file, naming each and why, and reads the rest", async () => {
    const dir = folder({
      "good.txt": "Title\nBody",
      "empty.txt": " \n",
      "latin1.txt": new Uint8Array([0x41, 0xe9, 0x0a]),
    });
    symlinkSync(join(dir, "nowhere.txt"), join(dir, "dangling.md"));
    const { documents, skipped } = await readCorpus(dir);
    expect(documents.map((d) => d.id)).toEqual(["good"]);
    expect(skipped.map((f) => [f.name, f.reason])).toEqual([
      ["dangling.md", "unreadable"],
      ["empty.txt", "empty-file"],
      ["latin1.txt", "not-utf8"],
    ]);
    expect(skipped.map((f) => f.message)).toEqual([
      `${join(dir, "dangling.md")}: cannot be read (ENOENT)`,
      `${join(dir, "empty.txt")}: the file is empty (put text in it or remove it)`,
      `${join(dir, "latin1.txt")}: not UTF-8 text (save it as UTF-8)`,
    ]);
    // The strict form, for tools that need every document, stops at the first.
    await expect(loadCorpus(dir)).rejects.toMatchObject({ reason: "unreadable" });
  });

  it("readCorpus stops with one line listing the skipped files when no document is left", async () => {
    const error = await readCorpus(folder({ "a.txt": "", "b.txt": new Uint8Array([0xff]) })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toMatch(
      /no readable documents in the corpus folder \(a\.txt: the file is empty .*; b\.txt: not UTF-8 text/,
    );
  });

  it("reports a missing folder", async () => {
    await expect(loadCorpus("/nonexistent/corpus")).rejects.toMatchObject({ reason: "missing-folder" });
  });

  it("fingerprints content, not file times", async () => {
    const a = await loadCorpus(folder({ "a.txt": "Title\nBody" }));
    const b = await loadCorpus(folder({ "a.txt": "Title\nBody" }));
    const c = await loadCorpus(folder({ "a.txt": "Title\nBody changed" }));
    expect(corpusHash(a)).toBe(corpusHash(b));
    expect(corpusHash(a)).not.toBe(corpusHash(c));
  });
});

describe("data files beside the corpus", () => {
  it("reads the article's glossary and example questions", async () => {
    expect((await loadGlossary("corpus")).entries.length).toBeGreaterThan(50);
    expect((await loadExampleQuestions("corpus")).kk.length).toBeGreaterThan(0);
  });

  it("gives empty ones to a corpus without them", async () => {
    const dir = folder({ "a.txt": "Title\nBody" });
    expect(await loadGlossary(dir)).toEqual({ entries: [] });
    expect(await loadExampleQuestions(dir)).toEqual({ kk: [], ru: [], en: [] });
  });

  it("stops with one line naming a malformed file", async () => {
    const dir = folder({ "glossary.json": "{ broken", "examples.json": '{"kk": "not a list"}' });
    await expect(loadGlossary(dir)).rejects.toThrow(/glossary\.json: not a valid glossary/);
    await expect(loadExampleQuestions(dir)).rejects.toThrow(
      /examples\.json: not a valid list of example questions \("kk" must be a list/,
    );
  });
});
