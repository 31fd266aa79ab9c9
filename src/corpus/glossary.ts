import { readCorpusDataFile } from "./data-file.js";

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
export function loadGlossary(corpusDir: string): Promise<Glossary> {
  return readCorpusDataFile(corpusDir, GLOSSARY_FILE, "glossary", parseGlossary, { entries: [] });
}

function parseGlossary(json: unknown): Glossary {
  const entries = (json as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) throw new Error("no entries array");
  return { entries: entries.map(entryOf) };
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
