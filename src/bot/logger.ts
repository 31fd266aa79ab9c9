import pino, { type Logger } from "pino";
import type { Redactor } from "./redact.js";

/** Log levels accepted by `LOG_LEVEL`. */
export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  level?: LogLevel;
  /** Scrubs secrets from every line; the last line of defence if a message carries the token. */
  redactor: Redactor;
  /** Where lines go; stdout by default (JSON, one object per line, for log collectors). */
  write?: (line: string) => void;
}

/**
 * Field paths pino blanks out before serialising, for objects that carry a token by design (a
 * grammY client config, settings). Values elsewhere are caught by the redactor's string scrub.
 */
const REDACT_PATHS = [
  "token",
  "*.token",
  "BOT_TOKEN",
  "*.BOT_TOKEN",
  "WEBHOOK_SECRET",
  "*.WEBHOOK_SECRET",
  "secretToken",
];

/**
 * The bot's structured logger. Lines are JSON so a collector can filter by `update` or `chat`;
 * each line passes through the redactor, because grammY's network errors quote the request URL,
 * which contains the token, and a log line is the likeliest place for it to escape.
 */
export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const stream = { write: (line: string) => write(options.redactor.scrub(line)) };
  return pino(
    {
      level: options.level ?? "info",
      base: { pid: process.pid },
      redact: { paths: REDACT_PATHS, censor: "[REDACTED]" },
      serializers: { err: pino.stdSerializers.err },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
}
