import { randomBytes } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/** The lock file in an index folder while a process (re)builds its index. */
export const BUILD_LOCK_FILE = ".build.lock";

/** Options of {@link tryBuildLock}. */
export interface BuildLockOptions {
  /**
   * A lock not refreshed for this many milliseconds was left by a process that died (on any
   * machine sharing the folder) and is taken over. Default 120 000; the holder refreshes it
   * every quarter of that.
   */
  staleMs?: number;
}

/** A held build lock. */
export interface BuildLock {
  /** Gives the lock up (removes the file if it is still this holder's). Safe to call twice. */
  release(): void;
}

/**
 * Takes the index folder's build lock if nobody holds it, so that of several replicas watching
 * one shared corpus only one rebuilds at a time while the others wait for its new version
 * (they load it instead of building their own). Returns `null` when another process holds a
 * fresh lock. The lock file is created exclusively (`wx`), which works on local and network file
 * systems alike; its holder touches it while it works, and a lock left untouched for `staleMs` is
 * taken over. Correctness never depends on it — versions are swapped atomically whoever builds —
 * it only saves duplicate work.
 */
export function tryBuildLock(indexDir: string, options: BuildLockOptions = {}): BuildLock | null {
  const staleMs = options.staleMs ?? 120_000;
  const path = join(indexDir, BUILD_LOCK_FILE);
  const token = `${hostname()}:${process.pid}:${randomBytes(6).toString("hex")}`;
  mkdirSync(indexDir, { recursive: true });
  if (!create(path, token)) {
    if (!isStale(path, staleMs)) return null;
    try {
      unlinkSync(path);
    } catch {
      // Someone else took it over first.
    }
    if (!create(path, token)) return null;
  }
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // Removed by someone who thought it stale: the build goes on regardless.
    }
  }, staleMs / 4);
  heartbeat.unref();
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    clearInterval(heartbeat);
    process.off("exit", release);
    try {
      if (readFileSync(path, "utf8") === token) unlinkSync(path);
    } catch {
      // Gone already.
    }
  };
  // A process that exits mid-build (a stop's deadline) leaves no lock for the others to wait out.
  process.on("exit", release);
  return { release };
}

function create(path: string, token: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, token);
  } finally {
    closeSync(fd);
  }
  return true;
}

function isStale(path: string, staleMs: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > staleMs;
  } catch {
    return true;
  }
}
