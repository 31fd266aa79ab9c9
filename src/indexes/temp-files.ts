import { readdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";

/** `.keyword.json.4242.tmp`: a file being written by process 4242, renamed into place when done. */
const TEMPORARY = /^\.(.+)\.(\d+)\.tmp$/;

/** A temporary older than this is left over whoever wrote it: writing one takes milliseconds. */
const ABANDONED_AFTER_MS = 10 * 60_000;

/** The name a file is written under before it is renamed to `name`. */
export function temporaryName(name: string, pid: number = process.pid): string {
  return `.${name}.${pid}.tmp`;
}

/** Options of {@link removeStaleTemporaries}. */
export interface CleanupOptions {
  /** Whether a process is running; `process.kill(pid, 0)` by default (tests pass their own). */
  isAlive?: (pid: number) => boolean;
  /** The current time in ms; `Date.now()` by default. */
  now?: number;
}

/**
 * Removes the temporaries a killed save left in an index folder: those of a process that is gone,
 * those carrying this process's own pid (a previous process with the same pid, as in containers:
 * this one saves synchronously and is not saving now), and any older than ten minutes. A live
 * process's fresh temporary — another replica saving right now — is left alone. Best effort: an
 * unreadable or read-only folder is simply left as it is. Returns the names removed.
 */
export function removeStaleTemporaries(dir: string, options: CleanupOptions = {}): string[] {
  const isAlive = options.isAlive ?? processIsAlive;
  const now = options.now ?? Date.now();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (match === null) continue;
    const pid = Number(match[2]);
    const path = join(dir, name);
    try {
      const abandoned = now - statSync(path).mtimeMs > ABANDONED_AFTER_MS;
      if (pid !== process.pid && isAlive(pid) && !abandoned) continue;
      unlinkSync(path);
      removed.push(name);
    } catch {
      // Gone already (its writer renamed it), or not ours to remove: leave it.
    }
  }
  return removed;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
