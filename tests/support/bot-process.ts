/**
 * Spawns the bot exactly as an operator does — `npm start` in the project folder (which execs node
 * on the compiled build), in its own process group — on a private copy of the corpus and index, and
 * collects what it prints. Used by the end-to-end tests; the fake Bot API stands in for Telegram.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder, where `npm start` runs. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Settings a developer's shell or `.env` might hold; cleared unless a test sets them. */
const BOT_VARIABLES = [
  "BOT_TOKEN",
  "TELEGRAM_API_ROOT",
  "WEBHOOK_URL",
  "WEBHOOK_SECRET",
  "PORT",
  "HOST",
  "RATE_LIMIT_WINDOW_MS",
  "RATE_LIMIT_MAX",
  "RETRIEVAL_K",
  "MAX_QUESTION_CHARS",
  "SHUTDOWN_GRACE_MS",
  "INLINE_CACHE_S",
  "MIN_KEYWORD_COVERAGE",
  "MIN_DENSE_SIMILARITY",
  "ADMIN_USER_IDS",
  "ADMIN_IDS",
  "DATA_DIR",
  "DATABASE_URL",
  "REDIS_URL",
  "STORE_QUESTIONS",
  "CORPUS_POLL_MS",
  "DOCUMENT_MAX_BYTES",
];

/** A temporary folder with a copy of `corpus/`, an empty index folder and a data folder. */
export interface Workspace {
  corpusDir: string;
  indexDir: string;
  /** DATA_DIR: the feedback database, removed documents (created by the bot when needed). */
  dataDir: string;
  remove(): Promise<void>;
}

export async function makeWorkspace(): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), "bot-e2e-"));
  const corpusDir = join(root, "corpus");
  await cp(join(PROJECT_ROOT, "corpus"), corpusDir, { recursive: true });
  return {
    corpusDir,
    indexDir: join(root, "index"),
    dataDir: join(root, "data"),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** How the process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from `Date.now()` at spawn to exit. */
  at: number;
}

/** A running (or finished) bot process. */
export interface BotProcess {
  readonly child: ChildProcess;
  readonly startedAt: number;
  readonly exited: Promise<Exit>;
  /** Resolves when stdout and stderr closed: every process of the group that held them is gone. */
  readonly closed: Promise<void>;
  stdout(): string;
  stderr(): string;
  /**
   * Parsed JSON log lines from stdout: the bot's pino lines. (A failing `npm start` makes npm
   * append its own pretty-printed JSON error object, whose lines are not log lines.)
   */
  logs(): Record<string, unknown>[];
  /** Resolves with the first log line matching, waiting up to `timeoutMs`. */
  waitForLog(
    predicate: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Sends a signal to the whole process group (npm and node), as Ctrl-C or systemd do. */
  signalGroup(signal: NodeJS.Signals): void;
  /** SIGKILLs the group if anything is left; for cleanup. */
  kill(): Promise<void>;
}

/**
 * `npm start` with the given variables (on top of the inherited environment, with the bot's own
 * variables cleared first so nothing leaks in from the developer's shell). DATA_DIR defaults to a
 * fresh temporary folder, so no test writes feedback into the project.
 */
export function spawnBot(env: Record<string, string>): BotProcess {
  const cleared = Object.fromEntries(BOT_VARIABLES.map((name) => [name, ""]));
  cleared.DATA_DIR = mkdtempSync(join(tmpdir(), "bot-data-"));
  const startedAt = Date.now();
  const child = spawn("npm", ["start"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...cleared, EMBEDDINGS: "off", LOG_LEVEL: "info", POLL_TIMEOUT_S: "1", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<Exit>((resolveExit) => {
    child.once("exit", (code, signal) => resolveExit({ code, signal, at: Date.now() - startedAt }));
  });
  let streamsOpen = true;
  const closed = new Promise<void>((resolveClosed) =>
    child.once("close", () => {
      streamsOpen = false;
      resolveClosed();
    }),
  );
  let alive = true;
  void exited.then(() => {
    alive = false;
  });
  const logs = () =>
    out
      .split("\n")
      .filter((line) => line.startsWith('{"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const signalGroup = (signal: NodeJS.Signals) => {
    if (alive && child.pid !== undefined) process.kill(-child.pid, signal);
  };
  return {
    child,
    startedAt,
    exited,
    closed,
    stdout: () => out,
    stderr: () => err,
    logs,
    async waitForLog(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = logs().find(predicate);
        if (found !== undefined) return found;
        // npm itself dies of a group signal at once; node may still be writing its last lines,
        // so give up early only once every process holding stdout has closed it.
        if (Date.now() > deadline || !streamsOpen) {
          throw new Error(
            `no matching log line within ${timeoutMs} ms; stdout:\n${out.slice(-3000)}\nstderr:\n${err.slice(-3000)}`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    signalGroup,
    async kill() {
      if (!alive || child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      await exited;
    },
  };
}

/**
 * stderr lines the bot wrote: npm's own `npm warn`/`npm error` lines, its "> script" banner (on
 * stderr under the project's `json=true`) and blank lines left out.
 */
export function botStderrLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((line) => line.trim() !== "" && !/^(npm (warn|error|notice|ERR!)|> )/i.test(line));
}
