import { readCorpusDataFile } from "./data-file.js";

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
export function loadExampleQuestions(corpusDir: string): Promise<ExampleQuestions> {
  return readCorpusDataFile(corpusDir, EXAMPLES_FILE, "list of example questions", parseExamples, {
    kk: [],
    ru: [],
    en: [],
  });
}

function parseExamples(json: unknown): ExampleQuestions {
  const list = (key: "kk" | "ru" | "en"): string[] => {
    const value = (json as Record<string, unknown>)[key] ?? [];
    if (!Array.isArray(value) || !value.every((q) => typeof q === "string")) {
      throw new Error(`"${key}" must be a list of questions`);
    }
    return value;
  };
  return { kk: list("kk"), ru: list("ru"), en: list("en") };
}
