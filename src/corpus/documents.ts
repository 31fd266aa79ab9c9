import { copyFile, mkdir, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { parseDocument } from "./load.js";
import type { CorpusDocument } from "./types.js";

/** File extensions of documents (lower case): what `readCorpus` reads. */
export const DOCUMENT_EXTENSIONS = [".txt", ".md"] as const;

/**
 * A document file cannot be added or removed as asked: a name that could escape the corpus folder
 * or hide from it, a file that is not a document, one that is not there, or the last document.
 * Carries the name so the reply can quote it.
 */
export class DocumentFileError extends Error {
  override readonly name = "DocumentFileError";
  constructor(
    message: string,
    readonly file: string,
    readonly reason: "bad-name" | "wrong-type" | "not-found" | "last-document",
  ) {
    super(message);
  }
}

/** A document file in the corpus folder. */
export interface DocumentFile {
  readonly name: string;
  readonly bytes: number;
}

/** Options of {@link writeDocument} and {@link removeDocument}. */
export interface DocumentChangeOptions {
  /**
   * Where a removed or replaced file is moved, as `<time>-<name>`, so that no change made from a
   * chat destroys a file for good. Created when needed.
   */
  trashDir: string;
  /** The clock (tests pass their own). */
  now?: () => Date;
}

/**
 * Checks a file name for the corpus folder: a plain name (no folder part, no slash or backslash,
 * not starting with a dot — hidden files are temporaries —, no control characters, at most 120
 * characters) with a document extension. Returns it; throws {@link DocumentFileError} otherwise.
 */
export function checkDocumentName(name: string): string {
  const bad =
    name.length === 0 ||
    name.length > 120 ||
    name.startsWith(".") ||
    /[/\\]/.test(name) ||
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
    /[\u0000-\u001f\u007f]/.test(name);
  if (bad) throw new DocumentFileError(`${JSON.stringify(name)} is not a usable file name`, name, "bad-name");
  const extension = extname(name).toLowerCase();
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extension))
    throw new DocumentFileError(`${name} is not a .txt or .md file`, name, "wrong-type");
  return name;
}

/** The document files of a corpus folder (regular `.txt`/`.md` files, not hidden), sorted by name. */
export async function listDocumentFiles(dir: string): Promise<DocumentFile[]> {
  const names = (await readdir(dir)).filter(
    (name) =>
      !name.startsWith(".") &&
      (DOCUMENT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()),
  );
  const files: DocumentFile[] = [];
  for (const name of names.sort()) {
    try {
      const info = await stat(join(dir, name));
      if (info.isFile()) files.push({ name, bytes: info.size });
    } catch {
      // Gone since it was listed, or a dangling link: not a document to list.
    }
  }
  return files;
}

/**
 * Adds `bytes` to the corpus as `name`, replacing a document of that name (moved to the trash
 * first). The bytes are checked as a document first — UTF-8, some text — so a bad file changes
 * nothing (`CorpusError` "not-utf8" or "empty-file"). Written beside its name and renamed
 * into place, so the corpus watcher never reads half a file. Returns the parsed document and
 * whether a file was replaced.
 */
export async function writeDocument(
  dir: string,
  name: string,
  bytes: Uint8Array,
  options: DocumentChangeOptions,
): Promise<{ document: CorpusDocument; replaced: boolean }> {
  checkDocumentName(name);
  const path = join(dir, name);
  const document = parseDocument(path, bytes);
  const replaced = await exists(path);
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(temporary, bytes);
  try {
    if (replaced) await toTrash(dir, name, options);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
  return { document, replaced };
}

/**
 * Removes the document `name` from the corpus, moving it to the trash. Refuses the last document
 * (the corpus would have none: the index could not be rebuilt and the old one would go on
 * answering from the file said to be removed).
 */
export async function removeDocument(
  dir: string,
  name: string,
  options: DocumentChangeOptions,
): Promise<void> {
  checkDocumentName(name);
  const files = await listDocumentFiles(dir);
  if (!files.some((file) => file.name === name))
    throw new DocumentFileError(`${name} is not a document of the corpus`, name, "not-found");
  if (files.length === 1)
    throw new DocumentFileError(`${name} is the corpus's only document`, name, "last-document");
  await toTrash(dir, name, options);
}

async function toTrash(dir: string, name: string, options: DocumentChangeOptions): Promise<void> {
  await mkdir(options.trashDir, { recursive: true });
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[-:.]/g, "");
  const target = join(options.trashDir, `${stamp}-${name}`);
  try {
    await rename(join(dir, name), target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    // Another file system (the data folder on its own volume): copy, then remove.
    await copyFile(join(dir, name), target);
    await unlink(join(dir, name));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
