import { spawn } from "node:child_process";

/** A command failed: its combined output and last line, or that it does not exist. */
export interface RunError {
  readonly notFound: boolean;
  readonly output: string;
  readonly lastLine: string;
}

/** Options of {@link runProcess}. */
export interface RunOptions {
  /** Written to the command's standard input (which is closed after). Default: none. */
  input?: string;
  /** Killed after this long. Default 15 minutes. */
  timeoutMs?: number;
}

/**
 * Runs a command to completion and resolves with its standard output, or rejects with a
 * {@link RunError} whose last line is what to tell the operator (pip's, Python's).
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      timeout: timeoutMs,
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    const fail = (notFound: boolean, extra = "") => {
      const output = `${extra}\n${stdout}\n${stderr}`;
      const lines = output
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      reject({ notFound, output, lastLine: lines.at(-1) ?? "no output" } satisfies RunError);
    };
    child.on("error", (error: NodeJS.ErrnoException) => fail(error.code === "ENOENT", error.message));
    child.on("close", (code, signal) => {
      if (code === 0) resolvePromise(stdout);
      else fail(false, signal ? `stopped by ${signal} (timeout ${timeoutMs} ms?)` : `exit code ${code}`);
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
