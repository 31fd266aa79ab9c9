import { setTimeout as sleep } from "node:timers/promises";
import { autoRetry } from "@grammyjs/auto-retry";
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "pino";
import { describeError, type Redactor } from "./redact.js";

/** Options of {@link retrying}. */
export interface RetryOptions {
  /** Retries of one call after a 429, a 5xx or a network error before giving up. */
  maxAttempts?: number;
  /** A `retry_after` longer than this many seconds is not waited for: the reply would be stale. */
  maxDelaySeconds?: number;
  /** First pause after a network error, in milliseconds; doubled on each further one. */
  networkBackoffMs?: number;
}

/** Methods retried elsewhere: the runner retries polls, start-up retries `getMe` with a log line. */
const RETRIED_ELSEWHERE = new Set(["getUpdates", "getMe"]);

/**
 * Retries for every method but `getUpdates` and `getMe`: `@grammyjs/auto-retry` waits out a 429's
 * `retry_after` and backs off on 5xx; a network error (grammY's `HttpError`) is retried a bounded
 * number of times with a logged warning — auto-retry's own network retry never gives up and never
 * says so, which would hang a handler (and its chat) silently for as long as Telegram is away.
 */
export function retrying(logger: Logger, redactor: Redactor, options: RetryOptions = {}): Transformer {
  const attempts = options.maxAttempts ?? 4;
  const retry = autoRetry({
    maxRetryAttempts: attempts,
    maxDelaySeconds: options.maxDelaySeconds ?? 30,
    rethrowHttpErrors: true,
  });
  return async (prev, method, payload, signal) => {
    if (RETRIED_ELSEWHERE.has(method)) return prev(method, payload, signal);
    let pause = options.networkBackoffMs ?? 1000;
    for (let attempt = 1; ; attempt++) {
      try {
        return await retry(prev, method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || attempt > attempts || signal?.aborted) throw error;
        logger.warn({ method, attempt, error: describeError(error, redactor) }, "API call failed; retrying");
        await sleep(pause);
        pause *= 2;
      }
    }
  };
}

/**
 * Logs failed polls in one scrubbed line each. The runner retries them but would print the raw
 * error with `console.error` — a network error there quotes the URL with the token — so the runner
 * runs silent and this transformer reports instead. A poll aborted by stopping is not a failure.
 */
export function pollFailureLog(logger: Logger, redactor: Redactor): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok)
        logger.warn({ code: result.error_code, error: redactor.scrub(result.description) }, "poll failed");
      return result;
    } catch (error) {
      if (!signal?.aborted) logger.warn({ error: describeError(error, redactor) }, "poll failed");
      throw error;
    }
  };
}
