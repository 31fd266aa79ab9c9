import type { Middleware } from "grammy";
import type { Logger } from "pino";
import type { BotContext } from "./context.js";
import type { InFlight } from "./in-flight.js";

/** The kind of an update: its one field besides `update_id` ("message", "inline_query"…). */
export function updateKind(update: object): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}

/**
 * Outermost middleware: gives each update its outcome record, counts it in flight for graceful
 * shutdown, and writes exactly one log line when it is done — update id, kind, chat type,
 * latency, passages returned, abstained. The question itself is personal data and appears only
 * at debug level.
 */
export function updateLog(logger: Logger, inFlight: InFlight): Middleware<BotContext> {
  return (ctx, next) =>
    inFlight.track(async () => {
      ctx.outcome = {};
      const started = performance.now();
      try {
        await next();
      } finally {
        const { question, ...outcome } = ctx.outcome;
        const kind = updateKind(ctx.update);
        logger.info(
          {
            update: ctx.update.update_id,
            kind,
            chat: ctx.chat?.type ?? (kind === "inline_query" ? "inline" : "none"),
            ms: Math.round((performance.now() - started) * 10) / 10,
            ...outcome,
            outcome: outcome.outcome ?? "unhandled",
            ...(logger.isLevelEnabled("debug") && question !== undefined ? { question } : {}),
          },
          "update",
        );
      }
    });
}
