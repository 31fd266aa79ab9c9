import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CorpusError } from "./errors.js";

/** One concept in three languages: the corpus's own words (kk) and words a reader asks with. */
export interface GlossaryEntry {
  readonly kk: readonly string[];
  readonly ru: readonly string[];
  readonly en: readonly string[];
}

/**
 * Key terms of a corpus in Kazakh, Russian and English, kept as data beside the documents
 * (`glossary.json` in the corpus folder) rather than in code: a new corpus brings its own. The
 * retriever uses it to let Russian and English questions find Kazakh passages without a model.
 */
export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
}

/** The file name looked for in the corpus folder. */
export const GLOSSARY_FILE = "glossary.json";

/**
 * Reads the corpus's glossary; a corpus without one gets an empty glossary. A malformed file
 * stops with one line naming it (a silently ignored glossary would quietly degrade answers).
 */
export async function loadGlossary(corpusDir: string): Promise<Glossary> {
  const path = join(corpusDir, GLOSSARY_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { entries: [] };
  }
  try {
    const parsed = JSON.parse(text) as { entries?: unknown };
    if (!Array.isArray(parsed.entries)) throw new Error("no entries array");
    return { entries: parsed.entries.map(entryOf) };
  } catch (error) {
    throw new CorpusError(`${path}: not a valid glossary (${(error as Error).message})`, path, "unreadable");
  }
}

function entryOf(raw: unknown, index: number): GlossaryEntry {
  const words = (key: string): string[] => {
    const value = (raw as Record<string, unknown>)[key] ?? [];
    if (!Array.isArray(value) || !value.every((w) => typeof w === "string")) {
      throw new Error(`entry ${index + 1}: "${key}" must be a list of words`);
    }
    return value;
  };
  return { kk: words("kk"), ru: words("ru"), en: words("en") };
}
