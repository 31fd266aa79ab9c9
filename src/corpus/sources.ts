import { extname } from "node:path";
import { readCorpusDataFile } from "./data-file.js";
import type { CorpusDocument } from "./types.js";

/**
 * Where a document comes from, as a reader is shown it: a short title for citations, `/start`
 * and `/source`, and — when known — the original's address, date and author. News articles open
 * with a whole sentence, which makes a poor title; the corpus's `sources.json` names them.
 */
export interface DocumentSource {
  /** The short title in the document's own terms (the `title` for every language, or the first one given). */
  readonly title: string;
  /** Titles per interface language ("kk", "ru", "en"), when `sources.json` gives them per language. */
  readonly titles: Readonly<Record<string, string>>;
  /** The original's address (http or https), or `null` when unknown. */
  readonly url: string | null;
  /** Publication date as written in `sources.json` ("2018-04-27"), or `null`. */
  readonly date: string | null;
  /** The author from `sources.json`, else the document's byline, else `null`. */
  readonly author: string | null;
  /** Whether the title came from `sources.json` (else it was derived from the text). */
  readonly fromFile: boolean;
}

/** What {@link loadSources} read: a source for every document, and entries that matched none. */
export interface SourcesReading {
  /** By document id; every document of the corpus has one. */
  readonly sources: ReadonlyMap<string, DocumentSource>;
  /** Keys of `sources.json` that name no document of the corpus (a renamed or removed file). */
  readonly unmatched: readonly string[];
}

/** The file name looked for in the corpus folder. */
export const SOURCES_FILE = "sources.json";

/** Longest title derived from a document's text; a title from `sources.json` is taken as written. */
export const DERIVED_TITLE_CHARS = 60;

/** One entry of `sources.json` as written: every field optional. */
interface SourceEntry {
  readonly title?: string | Readonly<Record<string, string>>;
  readonly url?: string | null;
  readonly date?: string | null;
  readonly author?: string | null;
}

/**
 * Reads the optional `sources.json` beside the corpus — `{"documents": {"file.txt": {"title",
 * "url", "date", "author"}}}`, keyed by file name (or by id, the name without extension) — and
 * gives every document a source: its entry, or a title derived from its text when it has none.
 * Metadata about a corpus is data that comes with it, like the glossary: a new article brings its
 * own. A malformed file (not JSON, a title that is not text, a url that is not http(s)) stops
 * with one line naming it.
 */
export async function loadSources(
  corpusDir: string,
  documents: readonly CorpusDocument[],
): Promise<SourcesReading> {
  const entries = await readCorpusDataFile(
    corpusDir,
    SOURCES_FILE,
    "list of document sources",
    parseSources,
    new Map<string, SourceEntry>(),
  );
  const keyOf = (doc: CorpusDocument) =>
    [`${doc.id}${extname(doc.path)}`, doc.id].find((key) => entries.has(key));
  const used = new Set<string>();
  const sources = new Map<string, DocumentSource>();
  for (const doc of documents) {
    const key = keyOf(doc);
    if (key !== undefined) used.add(key);
    sources.set(doc.id, sourceOf(doc, key === undefined ? undefined : entries.get(key)));
  }
  return { sources, unmatched: [...entries.keys()].filter((key) => !used.has(key)) };
}

function sourceOf(doc: CorpusDocument, entry: SourceEntry | undefined): DocumentSource {
  const titles = typeof entry?.title === "object" ? entry.title : {};
  const given = typeof entry?.title === "string" ? entry.title : Object.values(titles)[0];
  return {
    title: given ?? deriveTitle(doc.title),
    titles,
    url: entry?.url ?? null,
    date: entry?.date ?? null,
    author: entry?.author ?? doc.author,
    fromFile: given !== undefined,
  };
}

/**
 * A short title from a document's first line: the line itself when it is short, else a «quoted
 * name» in it that is short enough ("«Бес әлеуметтік бастама»"), else its first words up to
 * {@link DERIVED_TITLE_CHARS} characters with an ellipsis. Never longer than that.
 */
export function deriveTitle(firstLine: string, maxChars = DERIVED_TITLE_CHARS): string {
  const line = firstLine.replace(/\s+/g, " ").trim();
  if (line.length <= maxChars) return line;
  // A name too long as a whole often has a head before a dash or colon: «Бес әлеуметтік бастама – …».
  const quoted = [...line.matchAll(/«([^«»]{8,})»/gu)].flatMap((m) => {
    const whole = m[1] as string;
    const head = whole.split(/\s[–—:-]\s|:\s/u)[0] as string;
    return head.length >= 8 && head !== whole ? [whole, head] : [whole];
  });
  const name = quoted.find((q) => q.length + 2 <= maxChars);
  if (name !== undefined) return `«${name}»`;
  const cut = line.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, "")}…`;
}

function parseSources(json: unknown): Map<string, SourceEntry> {
  const documents = (json as { documents?: unknown } | null)?.documents;
  if (typeof documents !== "object" || documents === null || Array.isArray(documents))
    throw new Error('no "documents" object (file name → {title, url, date, author})');
  return new Map(Object.entries(documents).map(([key, raw]) => [key, entryOf(key, raw)]));
}

function entryOf(key: string, raw: unknown): SourceEntry {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new Error(`"${key}" must be an object with title, url, date, author`);
  const fields = raw as Record<string, unknown>;
  const text = (name: string): string | null => {
    const value = fields[name];
    if (value === undefined || value === null) return null;
    if (typeof value !== "string" || value.trim() === "")
      throw new Error(`"${key}": "${name}" must be text or null`);
    return value.trim();
  };
  const url = text("url");
  if (url !== null && !isWebAddress(url)) throw new Error(`"${key}": "url" must be an http(s) address`);
  return {
    ...titleField(key, fields.title),
    url,
    date: text("date"),
    author: text("author"),
  };
}

/** `title` as one text, or as texts per language (`{"kk": "…", "en": "…"}`); absent is allowed. */
function titleField(key: string, value: unknown): Pick<SourceEntry, "title"> {
  if (value === undefined || value === null) return {};
  if (typeof value === "string" && value.trim() !== "") return { title: value.trim() };
  if (typeof value === "object" && !Array.isArray(value)) {
    const titles = Object.entries(value as Record<string, unknown>);
    if (titles.length > 0 && titles.every(([, t]) => typeof t === "string" && t.trim() !== ""))
      return { title: Object.fromEntries(titles.map(([language, t]) => [language, (t as string).trim()])) };
  }
  throw new Error(`"${key}": "title" must be text, or texts per language ({"kk": "…", "en": "…"})`);
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
