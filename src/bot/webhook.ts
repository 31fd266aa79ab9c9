import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { BotContext } from "./context.js";
import type { HealthReport } from "./health.js";
import { describeError, type Redactor } from "./redact.js";
import { SECRET_HEADER, secretMatches } from "./webhook-secret.js";

/**
 * Largest update body accepted, in bytes. Telegram's updates are a few kilobytes (a 4096-character
 * message with its entities and a replied-to message stays far below); a larger body is not
 * Telegram's, and is refused before it is read whole or parsed.
 */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** Options of {@link createWebhookServer}. */
export interface WebhookServerOptions {
  /** The path Telegram posts updates to: the path of `WEBHOOK_URL`. */
  path: string;
  /** Telegram echoes it in `X-Telegram-Bot-Api-Secret-Token`; requests without it get 401. */
  secretToken: string;
  /** What `GET /healthz` and `GET /readyz` report. */
  health: () => HealthReport;
  logger: Logger;
  redactor: Redactor;
  /**
   * Milliseconds before the HTTP response is sent even though the update is still being handled
   * (the handling goes on). Telegram redelivers an update whose request takes too long.
   */
  responseTimeoutMs?: number;
  /** Bodies larger than this many bytes get 413. Default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
}

/** The webhook mode's HTTP server; it listens before the bot is ready to take updates. */
export interface WebhookServer {
  readonly server: Server;
  /** Hands updates to `bot` from now on; until then the webhook path answers 503 (Telegram retries). */
  attach(bot: Bot<BotContext>): void;
}

/** A request body went over the limit while it was read. */
class BodyTooLarge extends Error {
  override readonly name = "BodyTooLarge";
}

/**
 * The webhook mode's HTTP server (`node:http`, no framework): the webhook path, `GET /healthz`
 * (liveness: 200 whenever the process answers, with the readiness report) and `GET /readyz` (200
 * only when ready, else 503) for a load balancer. On the webhook path a request without the
 * secret token gets 401 and one over the size limit 413, both before its body is read; then
 * grammY's `webhookCallback` takes it. The bot is stateless, so any number of replicas can sit
 * behind one URL. Replies go out as ordinary API calls, not in the HTTP response, so they pass
 * through the same retry and logging as in polling mode.
 */
export function createWebhookServer(options: WebhookServerOptions): WebhookServer {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let handleUpdate: ((req: IncomingMessage, res: ServerResponse) => Promise<unknown>) | null = null;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && (path === "/healthz" || path === "/readyz")) {
      const report = options.health();
      const status = path === "/readyz" && !report.ready ? 503 : 200;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(report));
      return;
    }
    if (path !== options.path) return refuse(res, 404, "not found");
    if (req.method !== "POST") return refuse(res, 405, "method not allowed", { allow: "POST" });
    if (!secretMatches(req.headers[SECRET_HEADER], options.secretToken))
      return refuse(res, 401, "unauthorized");
    if (Number(req.headers["content-length"] ?? 0) > limit) return refuse(res, 413, "payload too large");
    if (handleUpdate === null) return refuse(res, 503, "starting", { "retry-after": "5" });
    handleUpdate(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) return refuse(res, 413, "payload too large");
      options.logger.warn({ error: describeError(error, options.redactor) }, "webhook request failed");
      if (!res.headersSent) refuse(res, 400, "bad request");
      else res.end();
    });
  });
  return {
    server,
    attach(bot) {
      handleUpdate = webhookCallback(bot, limitedBody(limit), {
        secretToken: options.secretToken,
        onTimeout: "return",
        timeoutMilliseconds: options.responseTimeoutMs ?? 9_000,
      }) as (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;
    },
  };
}

/**
 * Answers with `status` and closes the connection: a refused request's body, possibly large, is
 * never read.
 */
function refuse(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { "content-type": "text/plain", connection: "close", ...headers }).end(text);
}

/**
 * grammY's adapter for `node:http`, reading the body with a byte limit: past `limit` it stops
 * reading and fails with {@link BodyTooLarge} instead of buffering whatever a client sends.
 */
function limitedBody(limit: number) {
  return (req: IncomingMessage, res: ServerResponse) => ({
    get update() {
      return new Promise<Update>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            req.off("data", onData);
            req.pause();
            reject(new BodyTooLarge(`request body over ${limit} bytes`));
          } else chunks.push(chunk);
        };
        req.on("data", onData);
        req.once("error", reject);
        req.once("end", () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update);
          } catch (error) {
            reject(error);
          }
        });
      });
    },
    header: ((value) => (Array.isArray(value) ? value[0] : value))(req.headers[SECRET_HEADER]),
    end: () => res.end(),
    respond: (json: string) => res.writeHead(200, { "content-type": "application/json" }).end(json),
    unauthorized: () => res.writeHead(401).end("unauthorized"),
  });
}

/** Listens on `host:port`; resolves once listening, rejects on EADDRINUSE and the like. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Stops accepting connections and drops idle keep-alive ones; resolves when the server closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
