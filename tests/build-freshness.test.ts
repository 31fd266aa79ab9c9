import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BUILD_STAMP, staleBuildWarning } from "../src/cli/build-freshness.js";

/** A project folder with `src/cli/ask.ts` and `dist/cli/ask.js`, each file at the given time (s). */
function project(times: { source: number; stamp?: number }) {
  const root = mkdtempSync(join(tmpdir(), "freshness-"));
  mkdirSync(join(root, "src", "cli"), { recursive: true });
  mkdirSync(join(root, "dist", "cli"), { recursive: true });
  const source = join(root, "src", "cli", "ask.ts");
  writeFileSync(source, "");
  utimesSync(source, times.source, times.source);
  writeFileSync(join(root, "dist", "cli", "ask.js"), "");
  if (times.stamp !== undefined) {
    const stamp = join(root, "dist", BUILD_STAMP);
    writeFileSync(stamp, "");
    utimesSync(stamp, times.stamp, times.stamp);
  }
  return { root, compiled: pathToFileURL(join(root, "dist", "cli", "ask.js")).href };
}

describe("the compiled build's freshness", () => {
  it("warns when a source changed after the last build, with the command that fixes it", () => {
    const { compiled } = project({ source: 2_000_000, stamp: 1_000_000 });
    expect(staleBuildWarning(compiled)).toMatch(/dist\/ is older than src\/; run `npm run build`/);
  });

  it("warns when the build was never stamped (compiled by hand)", () => {
    const { compiled } = project({ source: 2_000_000 });
    expect(staleBuildWarning(compiled)).not.toBeNull();
  });

  it("is quiet when the build is newer than every source", () => {
    const { compiled } = project({ source: 1_000_000, stamp: 2_000_000 });
    expect(staleBuildWarning(compiled)).toBeNull();
  });

  it("is quiet when run from the sources, or when no sources ship beside the build", () => {
    const { root, compiled } = project({ source: 2_000_000, stamp: 1_000_000 });
    expect(staleBuildWarning(pathToFileURL(join(root, "src", "cli", "ask.ts")).href)).toBeNull();
    const bare = mkdtempSync(join(tmpdir(), "freshness-"));
    mkdirSync(join(bare, "dist", "cli"), { recursive: true });
    expect(staleBuildWarning(pathToFileURL(join(bare, "dist", "cli", "ask.js")).href)).toBeNull();
    expect(compiled).toContain("/dist/");
  });
});
