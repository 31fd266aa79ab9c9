import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { CorpusError } from "./errors.js";
import { markdownToPlainText } from "./markdown.js";
import type { CorpusDocument } from "./types.js";

/** Options of {@link loadCorpus}; every field has a default. */
export interface LoadCorpusOptions {
  /** File extensions (lower case, with dot) that count as documents. Default `.txt` and `.md`. */
  extensions?: readonly string[];
}

const DEFAULT_EXTENSIONS = [".txt", ".md"] as const;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads every document of a corpus folder. Documents are sorted by id so passage ids, and so
 * every index, come out the same on every machine. Any file that cannot be a document stops the
 * load with a {@link CorpusError} naming it: silently skipping it would leave the bot unable to
 * answer about it with nobody knowing why.
 */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<CorpusDocument[]> {
  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  const folder = resolve(dir);
  const names = await listFolder(folder);
  const files = names.filter((name) => extensions.includes(extname(name).toLowerCase())).sort();
  if (files.length === 0) {
    throw new CorpusError(
      `${dir}: no documents (.txt or .md files) in the corpus folder`,
      folder,
      "empty-folder",
    );
  }
  const documents: CorpusDocument[] = [];
  for (const name of files) {
    const path = join(folder, name);
    if (!(await stat(path)).isFile()) continue;
    documents.push(parseDocument(path, await readBytes(path)));
  }
  return documents;
}

/**
 * Turns the bytes of one file into a document: strips a BOM, accepts CRLF and CR, reads a `.md`
 * file as the text it shows (no markup), and takes the first non-empty line as the title. Exposed for tests and for callers holding bytes already.
 */
export function parseDocument(path: string, bytes: Uint8Array): CorpusDocument {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new CorpusError(`${path}: not UTF-8 text; save it as UTF-8 and index again`, path, "not-utf8");
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (extname(path).toLowerCase() === ".md") text = markdownToPlainText(text);
  const title = text
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  if (title === undefined) {
    throw new CorpusError(`${path}: the file is empty; put text in it or remove it`, path, "empty-file");
  }
  return { id: basename(path, extname(path)), title, author: bylineOf(text), path, text };
}

/** The signature line of a news article ("Бағдагүл Балаубаева"), if the text ends with one. */
function bylineOf(text: string): string | null {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const last = lines[lines.length - 1];
  if (last === undefined || lines.length < 3) return null;
  const words = last.split(/\s+/);
  const capitalised = words.every((w) => /^\p{Lu}[\p{L}.'-]*$/u.test(w));
  return words.length >= 2 && words.length <= 4 && capitalised ? last : null;
}

/**
 * A fingerprint of the corpus content, stored in the index manifest so an index built from other
 * text is recognised as stale. It covers ids and texts, not file times, so a fresh clone of the
 * same corpus reuses an index.
 */
export function corpusHash(documents: readonly CorpusDocument[]): string {
  const hash = createHash("sha256");
  for (const doc of documents) hash.update(doc.id).update("\0").update(doc.text).update("\0");
  return hash.digest("hex");
}

async function listFolder(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what =
      code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is not a folder" : "cannot be read";
    throw new CorpusError(`${folder}: the corpus folder ${what}`, folder, "missing-folder");
  }
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new CorpusError(`${path}: cannot read (${(error as Error).message})`, path, "unreadable");
  }
}
