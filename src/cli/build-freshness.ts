import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Written by `npm run build` after a successful compile; its time is the build's time. */
export const BUILD_STAMP = "BUILT";

/**
 * A one-line warning when the compiled build this process runs (`dist/`) is older than the
 * sources beside it (`src/`), else `null`. The commands run compiled JavaScript, so after a
 * `git pull` or an edit without `npm run build` they would silently run yesterday's code; this
 * says so instead. Costs one directory walk of `src/` (about a hundred `stat`s). A checkout
 * without `src/` (an image shipping `dist/` only) or a run from the sources has nothing to compare.
 */
export function staleBuildWarning(moduleUrl: string = import.meta.url): string | null {
  const distDir = resolve(dirname(fileURLToPath(moduleUrl)), "..");
  if (basename(distDir) !== "dist") return null;
  const srcDir = join(dirname(distDir), "src");
  const newest = newestChange(srcDir);
  if (newest === null) return null;
  const built = changedAt(join(distDir, BUILD_STAMP));
  if (built !== null && built >= newest) return null;
  const where = relative(process.cwd(), distDir) || ".";
  return `the compiled build in ${where}/ is older than src/; run \`npm run build\` (running the old build now)`;
}

function changedAt(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** The latest modification time of any file under `dir`, or `null` when it cannot be read. */
function newestChange(dir: string): number | null {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  let newest: number | null = null;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestChange(path) : changedAt(path);
    if (time !== null && (newest === null || time > newest)) newest = time;
  }
  return newest;
}
