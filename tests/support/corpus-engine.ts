import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AnswerEngine } from "../../src/answer/index.js";
import { openFreshEngine } from "../../tools/eval/fresh-engine.js";

/**
 * An answer engine over a made-up corpus (file name → text), written to a temporary folder: for
 * tests of behaviour that must hold on any article of the same shape, not just this project's.
 */
export function engineOver(files: Readonly<Record<string, string>>): Promise<AnswerEngine> {
  const dir = mkdtempSync(join(tmpdir(), "made-up-corpus-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return openFreshEngine(dir);
}
