import { SettingsError } from "../config/index.js";
import { CorpusError } from "../corpus/index.js";
import { FeedbackStoreError } from "../feedback/index.js";
import { IndexError, ModelLoadError } from "../indexes/index.js";

/** A wrong command-line argument; the message says what was expected. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Errors whose message is already the whole story for an operator: printed as one line. */
const EXPECTED = [CorpusError, FeedbackStoreError, IndexError, ModelLoadError, SettingsError, UsageError];

/** Whether an error is one of the expected kinds: its message alone, without a stack, says it all. */
export function isOperatorError(error: unknown): error is Error {
  return EXPECTED.some((type) => error instanceof type);
}

/**
 * Runs a command's main function so that every expected failure (a bad corpus file, a corrupt
 * index, a missing model, a wrong setting, a wrong flag) ends as one clear line on stderr and exit
 * code 1 — never a stack trace. Unexpected errors print their message and a hint; the stack only
 * with DEBUG=1.
 */
export function runCommand(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (isOperatorError(error)) {
      process.stderr.write(`${name}: ${(error as Error).message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${name}: unexpected error: ${message}\n`);
      if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      else process.stderr.write(`${name}: run with DEBUG=1 for details\n`);
    }
    process.exitCode = 1;
  });
}
