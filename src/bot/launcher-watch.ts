import { readFileSync } from "node:fs";

/** The parent pid of `pid`, from /proc (Linux); `null` where /proc is not available. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[1]);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The processes between this one and the `npm` that launched it (npm included): sh, tsx. Empty
 * when no npm is among the first few ancestors (started with `node` directly).
 */
function launcherChain(): number[] {
  const chain: number[] = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 4 && pid > 1; depth++) {
    chain.push(pid);
    if (/(^|\/)npm(-cli\.js)?(\s|$)|npm-cli\.js/.test(commandOf(pid))) return chain;
    const parent = parentOf(pid);
    if (parent === null) return [];
    pid = parent;
  }
  return [];
}

/**
 * Calls `onGone` once when the process that launched the bot goes away. npm does not pass a
 * SIGTERM sent to it alone on to its script: it exits at once and leaves the bot running,
 * orphaned, where a process manager signalling only its main pid would never stop it. Watching
 * the launcher lets the bot stop as if it had been signalled itself. Also fires when the direct
 * parent changes (the bot was reparented). Returns the function that stops watching.
 */
export function watchLauncher(onGone: () => void, intervalMs = 1000): () => void {
  const parent = process.ppid;
  const chain = launcherChain();
  const timer = setInterval(() => {
    if (process.ppid !== parent || chain.some((pid) => !isAlive(pid))) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
