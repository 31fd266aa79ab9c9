import { parseArgs } from "node:util";
import { openEngineFromEnvironment } from "./engine.js";
import { runCommand, UsageError } from "./run.js";

const USAGE = "usage: npm run index -- [--corpus DIR] [--out DIR]";

/**
 * `npm run index`: rebuilds every index from the corpus and reports what it did. Exits 1 when the
 * index could not be saved (the reason is on stderr), so a deploy script does not go on with an
 * old index believing it new.
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
  const sections = engine.sections().length;
  process.stdout.write(
    [
      `documents: ${manifest.documents}`,
      `passages:  ${manifest.passages} (${sections} numbered sections)`,
      `legs:      ${engine.legs.join(", ")}${manifest.dense ? ` (model ${manifest.dense.model}, ${manifest.dense.dimensions} dimensions)` : ""}`,
      `saved to:  ${values.out ?? process.env.INDEX_DIR ?? "index"}${engine.openResult.saveError ? " — FAILED, not saved" : ""}`,
      `time:      ${seconds} s`,
      "",
    ].join("\n"),
  );
  if (engine.openResult.saveError) process.exitCode = 1;
}

runCommand("index", main);
