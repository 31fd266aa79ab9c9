import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Every file under `dir` (in sub-folders too, such as an index's version folders), by relative
 * path, with its content: two snapshots are equal only if nothing was written, removed or renamed.
 */
export function snapshotFiles(dir: string, encoding: "base64" | "utf8" = "base64"): Record<string, string> {
  const names = readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
  return Object.fromEntries(
    names
      .filter((name) => statSync(join(dir, name)).isFile())
      .map((name) => [name, readFileSync(join(dir, name)).toString(encoding)]),
  );
}
