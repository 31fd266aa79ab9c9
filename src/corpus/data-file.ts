import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CorpusError } from "./errors.js";

/**
 * Reads an optional JSON data file that comes with a corpus (the glossary, the example
 * questions): `missing` when the corpus has none; a file that is not valid JSON, or that `parse`
 * rejects by throwing, stops with one line naming it — a silently ignored data file would quietly
 * degrade answers.
 */
export async function readCorpusDataFile<T>(
  corpusDir: string,
  fileName: string,
  what: string,
  parse: (json: unknown) => T,
  missing: T,
): Promise<T> {
  const path = join(corpusDir, fileName);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return missing;
  }
  try {
    return parse(JSON.parse(text));
  } catch (error) {
    throw new CorpusError(`${path}: not a valid ${what} (${(error as Error).message})`, path, "unreadable");
  }
}
