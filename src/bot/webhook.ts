import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import type { Logger } from "pino";
import type { BotContext } from "./context.js";
import { describeError, type Redactor } from "./redact.js";

/** Options of {@link createWebhookServer}. */
export interface WebhookServerOptions {
  /** The path Telegram posts updates to: the path of `WEBHOOK_URL`. */
  path: string;
  /** Telegram echoes it in `X-Telegram-Bot-Api-Secret-Token`; requests without it get 401. */
  secretToken?: string;
  /** The body of `GET /healthz`. */
  health: () => Record<string, unknown>;
  logger: Logger;
  redactor: Redactor;
  /**
   * Milliseconds before the HTTP response is sent even though the update is still being handled
   * (the handling goes on). Telegram redelivers an update whose request takes too long.
   */
  responseTimeoutMs?: number;
}

/**
 * The webhook mode's HTTP server (`node:http`, no framework): grammY's `webhookCallback` on the
 * webhook path — it checks the secret-token header itself and answers 401 without it — and
 * `GET /healthz` for a load balancer. The bot is stateless, so any number of replicas can sit
 * behind one URL. Replies go out as ordinary API calls, not in the HTTP response, so they pass
 * through the same retry and logging as in polling mode.
 */
export function createWebhookServer(bot: Bot<BotContext>, options: WebhookServerOptions): Server {
  const handleUpdate = webhookCallback(bot, "http", {
    ...(options.secretToken ? { secretToken: options.secretToken } : {}),
    onTimeout: "return",
    timeoutMilliseconds: options.responseTimeoutMs ?? 9_000,
  });
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && path === "/healthz") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: true, ...options.health() }));
      return;
    }
    if (path !== options.path) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST", "content-type": "text/plain" }).end("method not allowed");
      return;
    }
    handleUpdate(req, res).catch((error: unknown) => {
      options.logger.warn({ error: describeError(error, options.redactor) }, "webhook request failed");
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" }).end("bad request");
      else res.end();
    });
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
