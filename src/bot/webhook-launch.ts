import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { CreatedBot } from "./create-bot.js";
import type { Health } from "./health.js";
import { BotStartError, bestEffort, type LaunchOptions, registerMenus } from "./launch.js";
import { ALLOWED_UPDATES } from "./polling.js";
import type { Redactor } from "./redact.js";
import type { GracefulShutdown } from "./shutdown.js";
import { closeServer, createWebhookServer, listen, type WebhookServer } from "./webhook.js";

/** Options of {@link startWebhookEndpoint}. */
export interface WebhookEndpointOptions {
  /** WEBHOOK_URL: its path is served. */
  url: string;
  /** WEBHOOK_SECRET, or the one derived from the token. */
  secret: string;
  port: number;
  host: string;
  health: Health;
  logger: Logger;
  redactor: Redactor;
  shutdown: GracefulShutdown;
}

/**
 * Webhook mode, first step, before the index and the model load: the HTTP server listens, so an
 * orchestrator sees the process alive (and not yet ready) while it loads, and Telegram's posts get
 * 503 — delivered again later — until the bot is attached. A port that cannot be had stops
 * start-up with one line.
 */
export async function startWebhookEndpoint(options: WebhookEndpointOptions): Promise<WebhookServer> {
  const endpoint = createWebhookServer({
    path: new URL(options.url).pathname,
    secretToken: options.secret,
    health: () => options.health.report(),
    logger: options.logger,
    redactor: options.redactor,
  });
  try {
    await listen(endpoint.server, options.port, options.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BotStartError(
      `cannot serve the webhook on ${options.host}:${options.port} (${code}): check PORT and HOST`,
    );
  }
  options.shutdown.setStopper(async (remainingMs) => {
    options.health.stopping();
    endpoint.server.closeAllConnections();
    await Promise.race([closeServer(endpoint.server), sleep(remainingMs)]);
  });
  return endpoint;
}

/**
 * Webhook mode, once the bot can answer: updates go to it, then the command menu and `setWebhook`
 * with the secret token (best effort: an operator may register the URL by other means, and
 * replicas all register the same URL anyway). On stop: readiness drops, the server stops accepting
 * and replies in flight finish; a request still being handled at the deadline has its connection
 * closed unanswered, so Telegram delivers that update again.
 */
export async function launchWebhook(
  created: CreatedBot,
  options: LaunchOptions,
  endpoint: WebhookServer,
  health: Health,
): Promise<void> {
  const webhook = options.webhook;
  if (webhook === undefined) throw new Error("launchWebhook needs webhook options");
  const { bot, inFlight } = created;
  endpoint.attach(bot);
  health.serving(inFlight);
  options.shutdown.setStopper(async (remainingMs) => {
    const started = Date.now();
    health.stopping();
    const closed = closeServer(endpoint.server);
    const drained = await inFlight.idle(Math.max(0, remainingMs - 300));
    // Connections still open after the replies are done are idle keep-alives or stuck clients.
    if (!drained)
      options.logger.warn({ in_flight: inFlight.size }, "replies still in flight at the deadline");
    endpoint.server.closeAllConnections();
    await Promise.race([closed, sleep(Math.max(0, remainingMs - (Date.now() - started)))]);
    await options.afterDrain?.(Math.max(0, remainingMs - (Date.now() - started)));
  });
  registerMenus(bot.api, options);
  await bestEffort(
    "setWebhook",
    () => bot.api.setWebhook(webhook.url, { allowed_updates: ALLOWED_UPDATES, secret_token: webhook.secret }),
    options,
  );
}
