import { parseArgs } from "node:util";
import type { SkippedFile } from "../corpus/index.js";
import { openEngineFromEnvironment } from "./engine.js";
import { runCommand, UsageError } from "./run.js";

const USAGE = "usage: npm run index -- [--corpus DIR] [--out DIR]";

/** Why a file was skipped, in the report's one line. */
const reasonText: Record<SkippedFile["reason"], string> = {
  "empty-file": "empty",
  "not-utf8": "not UTF-8",
  unreadable: "unreadable",
};

/**
 * `npm run index`: rebuilds every index from the corpus and reports what it did. Exits 1 when the
 * index could not be saved (the reason is on stderr), so a deploy script does not go on with an
 * old index believing it new, and when corpus files had to be skipped (listed, each with why), so
 * a script notices a document that will not be answered.
 */
async function main(): Promise<void> {
  let values: { corpus?: string; out?: string };
  try {
    ({ values } = parseArgs({ options: { corpus: { type: "string" }, out: { type: "string" } } }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. ${USAGE}`);
  }
  const started = performance.now();
  const { engine } = await openEngineFromEnvironment({
    corpusDir: values.corpus,
    indexDir: values.out,
    forceRebuild: true,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const { manifest } = engine.indexes;
  const { skipped, saveError } = engine.openResult;
  const sections = engine.sections().length;
  process.stdout.write(
    [
      `documents: ${manifest.documents}`,
      ...(skipped.length > 0
        ? [
            `skipped:   ${skipped.length} — ${skipped.map((f) => `${f.name} (${reasonText[f.reason]})`).join(", ")}`,
          ]
        : []),
      `passages:  ${manifest.passages} (${sections} numbered sections)`,
      `legs:      ${engine.legs.join(", ")}${manifest.dense ? ` (model ${manifest.dense.model}, ${manifest.dense.dimensions} dimensions)` : ""}`,
      `saved to:  ${values.out ?? process.env.INDEX_DIR ?? "index"}${saveError ? " — FAILED, not saved" : ""}`,
      `time:      ${seconds} s`,
      "",
    ].join("\n"),
  );
  if (saveError || skipped.length > 0) process.exitCode = 1;
}

runCommand("index", main);
