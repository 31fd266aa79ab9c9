import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { temporaryName } from "./temp-files.js";

/**
 * The file in an index folder naming the version folder in use. Swapping versions is one rename
 * of this small file, atomic on every local and network file system, so a reader (this process,
 * another replica on a shared volume, an `ask`) sees the old version or the new one, never half.
 */
export const CURRENT_FILE = "current";

/** `v-20261201T071004123Z-ab12cd34-9f3e`: a finished version (time, corpus hash, random). */
const VERSION = /^v-\d{8}T\d{9}Z-[0-9a-f]{8}-[0-9a-f]{4}$/;

/** `.build-4242-9f3e1a`: a version being written by process 4242, renamed when complete. */
const BUILDING = /^\.build-\d+-[0-9a-f]+$/;

/** Files of an index saved before versions existed, at the top of the folder. */
const LEGACY_FILES = [
  "manifest.json",
  "passages.json",
  "keyword.json",
  "words.json",
  "dense.hnsw",
  "off-topic.f32",
  "sentences.f32",
  "sentences.json",
];

/**
 * A build folder older than this was abandoned by a killed save. Age alone decides, not the pid in
 * the name: on a volume shared by several machines a pid says nothing about another machine's
 * processes. Saving a version takes milliseconds to seconds (the index is built before).
 */
const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * The version the index folder's pointer names, or `null` when there is none (a new folder, or one
 * saved before versions, whose files sit at its top). A pointer naming something that is not a
 * finished version folder counts as none, so the index is rebuilt rather than misread.
 */
export function currentVersion(indexDir: string): string | null {
  let name: string;
  try {
    name = readFileSync(join(indexDir, CURRENT_FILE), "utf8").trim();
  } catch {
    return null;
  }
  return VERSION.test(name) && existsSync(join(indexDir, name)) ? name : null;
}

/** The folder holding the index files in use: the current version's, else the folder itself. */
export function currentIndexFiles(indexDir: string): string {
  const version = currentVersion(indexDir);
  return version === null ? indexDir : join(indexDir, version);
}

/** Options of {@link publishVersion}. */
export interface PublishOptions {
  /** The corpus hash the version is built from; its first 8 characters go into the name. */
  corpusHash: string;
  /** When the version is made; `new Date()` by default (tests pass their own). */
  now?: Date;
}

/**
 * Writes a new version of the index and swaps it in: `write` fills a fresh hidden build folder,
 * which is renamed to its version name once complete; then the pointer is rewritten (beside its
 * name, then renamed over it). Readers that loaded the old version keep it in memory; the old
 * folder stays on disk as the previous version (a replica may be loading it right now) and older
 * ones are removed ({@link removeOldVersions}). Returns the version's name and what `write` returned.
 */
export function publishVersion<T>(
  indexDir: string,
  write: (dir: string) => T,
  options: PublishOptions,
): { version: string; result: T } {
  mkdirSync(indexDir, { recursive: true });
  const building = join(indexDir, `.build-${process.pid}-${randomBytes(3).toString("hex")}`);
  mkdirSync(building);
  let result: T;
  try {
    result = write(building);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  const version = versionName(options.corpusHash, options.now ?? new Date());
  renameSync(building, join(indexDir, version));
  const previous = currentVersion(indexDir);
  const pointer = join(indexDir, temporaryName(CURRENT_FILE));
  writeFileSync(pointer, `${version}\n`);
  renameSync(pointer, join(indexDir, CURRENT_FILE));
  removeLegacyFiles(indexDir);
  removeOldVersions(indexDir, [version, ...(previous ? [previous] : [])]);
  return { version, result };
}

function versionName(corpusHash: string, now: Date): string {
  const time = now.toISOString().replace(/[-:.]/g, "");
  const hash = /^[0-9a-f]{8}/.test(corpusHash) ? corpusHash.slice(0, 8) : "00000000";
  return `v-${time}-${hash}-${randomBytes(2).toString("hex")}`;
}

/**
 * Removes the index files of the layout before versions once a version replaced them (only those
 * names: anything else an operator keeps in the folder stays).
 */
function removeLegacyFiles(indexDir: string): void {
  for (const name of LEGACY_FILES) rmSync(join(indexDir, name), { force: true });
}

/**
 * Removes version folders no longer in use: every finished version except `keep` (the current one
 * and the one before it, which another replica may still be loading: a process reads a version
 * whole into memory when it loads it, so a folder is in use only while being loaded), and build
 * folders older than ten minutes, left by a killed save. Best effort: what cannot be
 * removed is left for next time. Returns the names removed.
 */
export function removeOldVersions(indexDir: string, keep: readonly string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(indexDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const stale = BUILDING.test(name) && isAbandoned(join(indexDir, name));
    if (!stale && !(VERSION.test(name) && !keep.includes(name))) continue;
    try {
      rmSync(join(indexDir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Not ours to remove, or gone already: leave it.
    }
  }
  return removed;
}

function isAbandoned(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > ABANDONED_AFTER_MS;
  } catch {
    return false;
  }
}
