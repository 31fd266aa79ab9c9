import { setTimeout as sleep } from "node:timers/promises";
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "pino";
import { describeError, type Redactor } from "./redact.js";

/** Options of {@link retrying}. */
export interface RetryOptions {
  /**
   * Milliseconds one call may spend retrying, waits included: a retry whose wait would end past
   * it is not made. Default 25 000 — with the apology's own few seconds, a chat whose sends keep
   * failing is given up within about 30 s.
   */
  budgetMs?: number;
  /** First pause after a 5xx or a network error, in milliseconds; doubled each time. Default 1000. */
  backoffMs?: number;
}

/**
 * Methods not retried here: the runner retries polls, start-up retries `getMe` with a log line, and
 * "typing…" is cosmetic — retrying it would only add load when Telegram already pushes back.
 */
const NOT_RETRIED = new Set(["getUpdates", "getMe", "sendChatAction"]);

/** A failed call worth another try: rate limited (429), Telegram's trouble (5xx), or no answer. */
function retryable(result: { ok: boolean; error_code?: number } | undefined): boolean {
  return result === undefined || result.error_code === 429 || (result.error_code ?? 0) >= 500;
}

/**
 * Retries for every method but those in {@link NOT_RETRIED}: a 429 after its `retry_after`, a
 * 5xx or a network error (grammY's `HttpError`) after a pause doubling from `backoffMs` — each
 * retry one warning line (method, attempt, wait, error), and the giving up one more. A call is
 * given up when the next wait would end past its budget, so a chat whose sends keep failing is
 * released (and apologised to) within about 30 s instead of being held for minutes in silence.
 * Written here rather than with `@grammyjs/auto-retry`, which waits 3, 6, 12, 24… s with no log
 * line and no overall bound. An aborted `signal` ends the waiting at once.
 */
export function retrying(logger: Logger, redactor: Redactor, options: RetryOptions = {}): Transformer {
  const budgetMs = options.budgetMs ?? 25_000;
  return async (prev, method, payload, signal) => {
    if (NOT_RETRIED.has(method)) return prev(method, payload, signal);
    const started = Date.now();
    let pause = options.backoffMs ?? 1000;
    for (let attempt = 1; ; attempt++) {
      let result: Awaited<ReturnType<typeof prev>> | undefined;
      let failure: unknown;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted) throw error;
        failure = error;
      }
      if (result !== undefined && (result.ok || !retryable(result))) return result;
      const retryAfter = result?.ok === false ? result.parameters?.retry_after : undefined;
      const waitMs = retryAfter === undefined ? pause : retryAfter * 1000;
      const error =
        failure !== undefined
          ? describeError(failure, redactor)
          : `${result?.error_code}: ${redactor.scrub(String(result?.description))}`;
      const giveUp = () => {
        logger.warn({ method, attempt, spent_ms: Date.now() - started, error }, "API call failed; giving up");
        if (failure !== undefined) throw failure;
        return result as NonNullable<typeof result>;
      };
      if (Date.now() - started + waitMs > budgetMs || signal?.aborted) return giveUp();
      logger.warn({ method, attempt, retry_in_ms: waitMs, error }, "API call failed; retrying");
      try {
        // grammY types its signal with its own shim; at run time it is Node's AbortSignal.
        await sleep(waitMs, undefined, signal ? { signal: signal as unknown as AbortSignal } : {});
      } catch (aborted) {
        if (!signal?.aborted) throw aborted;
        return giveUp();
      }
      if (retryAfter === undefined) pause *= 2;
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
