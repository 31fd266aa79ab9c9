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

/** A corpus file that could not be a document, and why; the other documents are served. */
export interface SkippedFile {
  /** The file's name in the corpus folder, as an operator knows it. */
  readonly name: string;
  /** Absolute path. */
  readonly path: string;
  readonly reason: "empty-file" | "not-utf8" | "unreadable";
  /** One line naming the file, what is wrong and what to do ("…/x.txt: not UTF-8 text (save it as UTF-8)"). */
  readonly message: string;
}

/** What {@link readCorpus} found: the documents, and the files it had to skip. */
export interface CorpusReading {
  readonly documents: CorpusDocument[];
  readonly skipped: SkippedFile[];
}

/**
 * Reads every document of a corpus folder, skipping a file that cannot be one (empty, not UTF-8,
 * unreadable) rather than failing: one bad file must not take down answers about all the others.
 * The skipped files are returned for the caller to report — a warning naming each, `npm run
 * index` exiting 1, `/source` for an admin — so nobody wonders silently why a document is not
 * answered. Documents are sorted by id so passage ids, and so every index, come out the same on
 * every machine. A folder that is missing, or left with no document, throws a
 * {@link CorpusError} (naming the skipped files, if any).
 */
export async function readCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<CorpusReading> {
  const reading = await readFiles(dir, options);
  if (reading.documents.length === 0) throw noDocuments(dir, reading.skipped);
  return reading;
}

/**
 * The strict form of {@link readCorpus} for tools that must see every document (parity checks,
 * evaluation): the first file that cannot be a document throws its {@link CorpusError}.
 */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<CorpusDocument[]> {
  const { documents, skipped } = await readFiles(dir, options);
  const [first] = skipped;
  if (first) throw new CorpusError(first.message, first.path, first.reason);
  if (documents.length === 0) throw noDocuments(dir, skipped);
  return documents;
}

/** Every document file of the folder, read or skipped. */
async function readFiles(dir: string, options: LoadCorpusOptions): Promise<CorpusReading> {
  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  const folder = resolve(dir);
  const names = await listFolder(folder);
  const files = names.filter((name) => extensions.includes(extname(name).toLowerCase())).sort();
  const documents: CorpusDocument[] = [];
  const skipped: SkippedFile[] = [];
  for (const name of files) {
    const path = join(folder, name);
    try {
      if (!(await isFile(path))) continue;
      documents.push(parseDocument(path, await readBytes(path)));
    } catch (error) {
      if (
        !(error instanceof CorpusError) ||
        error.reason === "missing-folder" ||
        error.reason === "empty-folder"
      )
        throw error;
      skipped.push({ name, path, reason: error.reason, message: error.message });
    }
  }
  return { documents, skipped };
}

/** A folder with no document left: one line, naming the files skipped and why. */
function noDocuments(dir: string, skipped: readonly SkippedFile[]): CorpusError {
  const why = skipped.map((file) => `${file.name}: ${file.message.slice(file.path.length + 2)}`);
  return new CorpusError(
    skipped.length === 0
      ? `${dir}: no documents (.txt or .md files) in the corpus folder`
      : `${dir}: no readable documents in the corpus folder (${why.join("; ")})`,
    resolve(dir),
    "empty-folder",
  );
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
    throw new CorpusError(`${path}: not UTF-8 text (save it as UTF-8)`, path, "not-utf8");
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (extname(path).toLowerCase() === ".md") text = markdownToPlainText(text);
  const title = text
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  if (title === undefined) {
    throw new CorpusError(`${path}: the file is empty (put text in it or remove it)`, path, "empty-file");
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
    throw unreadable(path, error);
  }
}

/** Whether `path` is a regular file (following links); a dangling link cannot be read. */
async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    throw unreadable(path, error);
  }
}

function unreadable(path: string, error: unknown): CorpusError {
  const code = (error as NodeJS.ErrnoException).code;
  return new CorpusError(`${path}: cannot be read (${code ?? (error as Error).message})`, path, "unreadable");
}
