import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CorpusError, deriveTitle, loadCorpus, loadSources } from "../src/corpus/index.js";

const ARTICLE_FIRST_LINE =
  "Астана қаласындағы Бейбітшілік және келісім сарайында еліміздегі татулық пен береке-бірлікті мақсат тұтқан Қазақстан халқы Ассамблеясының «Бес әлеуметтік бастама – қоғамның әлеуметтік бірлігінің тұғыры» атты кезекті ХХVI сессиясы өтті";

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function corpusWith(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), "sources-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe("document sources", () => {
  it("reads titles (per language or one), url, date and author from sources.json", async () => {
    const folder = await corpusWith({
      "a.txt": `${ARTICLE_FIRST_LINE}\nМәтін.\nБағдагүл Балаубаева\n`,
      "b.md": "# Short one\nText.\n",
      "sources.json": JSON.stringify({
        documents: {
          "a.txt": { title: { kk: "ҚХА XXVI сессиясы", en: "XXVI session" }, url: "https://example.kz/a" },
          b: { title: "Bee", date: "2018-04-27", author: "Someone" },
        },
      }),
    });
    const { sources, unmatched } = await loadSources(folder, await loadCorpus(folder));
    expect(unmatched).toEqual([]);
    expect(sources.get("a")).toEqual({
      title: "ҚХА XXVI сессиясы",
      titles: { kk: "ҚХА XXVI сессиясы", en: "XXVI session" },
      url: "https://example.kz/a",
      date: null,
      author: "Бағдагүл Балаубаева",
      fromFile: true,
    });
    expect(sources.get("b")).toMatchObject({
      title: "Bee",
      url: null,
      date: "2018-04-27",
      author: "Someone",
    });
  });

  it("derives a short title from the text when a document has no entry, and reports entries for no file", async () => {
    const folder = await corpusWith({
      "a.txt": `${ARTICLE_FIRST_LINE}\nМәтін.\n`,
      "sources.json": JSON.stringify({ documents: { "gone.txt": { title: "Old" } } }),
    });
    const { sources, unmatched } = await loadSources(folder, await loadCorpus(folder));
    expect(unmatched).toEqual(["gone.txt"]);
    expect(sources.get("a")).toMatchObject({ title: "«Бес әлеуметтік бастама»", url: null, fromFile: false });
  });

  it("works without sources.json at all", async () => {
    const folder = await corpusWith({ "a.txt": "A title\nText.\n" });
    const { sources } = await loadSources(folder, await loadCorpus(folder));
    expect(sources.get("a")).toMatchObject({ title: "A title", url: null, author: null });
  });

  it.each([
    [{ documents: { "a.txt": { url: "ftp://x" } } }, /"url" must be an http\(s\) address/],
    [{ documents: { "a.txt": { title: 5 } } }, /"title" must be text/],
    [{ documents: [] }, /no "documents" object/],
  ])("stops with one line naming the file for %j", async (json, message) => {
    const folder = await corpusWith({ "a.txt": "A\nB\n", "sources.json": JSON.stringify(json) });
    const error = await loadSources(folder, await loadCorpus(folder)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toMatch(/sources\.json: not a valid list of document sources/);
    expect((error as Error).message).toMatch(message);
  });
});

describe("derived titles", () => {
  it("keep a short first line, and cut a long one to at most 60 characters", () => {
    expect(deriveTitle("Short title")).toBe("Short title");
    const cut = deriveTitle("word ".repeat(40));
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.endsWith("…")).toBe(true);
    expect(deriveTitle(ARTICLE_FIRST_LINE)).toBe("«Бес әлеуметтік бастама»");
    for (const line of [ARTICLE_FIRST_LINE, "x".repeat(300), `${"ab ".repeat(30)}«${"c".repeat(70)}»`])
      expect(deriveTitle(line).length).toBeLessThanOrEqual(60);
  });
});
