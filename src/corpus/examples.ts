import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CorpusError } from "./errors.js";

/** Example questions per interface language, that the corpus answers. */
export interface ExampleQuestions {
  readonly kk: readonly string[];
  readonly ru: readonly string[];
  readonly en: readonly string[];
}

/** The file name looked for in the corpus folder. */
export const EXAMPLES_FILE = "examples.json";

/**
 * Reads the example questions kept beside the corpus (`examples.json`): they are about this
 * corpus, so they are data that comes with it, not code — a new article brings its own. A corpus
 * without the file gets empty lists (the bot then falls back to generic examples); a malformed
 * file stops with one line naming it.
 */
export async function loadExampleQuestions(corpusDir: string): Promise<ExampleQuestions> {
  const path = join(corpusDir, EXAMPLES_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { kk: [], ru: [], en: [] };
  }
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const list = (key: "kk" | "ru" | "en"): string[] => {
      const value = parsed[key] ?? [];
      if (!Array.isArray(value) || !value.every((q) => typeof q === "string"))
        throw new Error(`"${key}" must be a list of questions`);
      return value;
    };
    return { kk: list("kk"), ru: list("ru"), en: list("en") };
  } catch (error) {
    throw new CorpusError(
      `${path}: not a valid list of example questions (${(error as Error).message})`,
      path,
      "unreadable",
    );
  }
}
