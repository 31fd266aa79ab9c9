/**
 * Readiness apart from liveness in webhook mode: while the index loads the server is alive but
 * not ready and turns Telegram's posts away with 503 (delivered again later); once the bot is
 * attached it is ready; once stopping it is alive but not ready again.
 */
import type { AddressInfo } from "node:net";
import { Bot } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import type { BotContext } from "../src/bot/context.js";
import {
  createLogger,
  createWebhookServer,
  Health,
  type HealthReport,
  InFlight,
  Redactor,
  type WebhookServer,
} from "../src/bot/index.js";
import { StubEngine } from "./support/bot-stub-engine.js";

const SECRET = "test-secret_0123456789";
let endpoint: WebhookServer | undefined;

afterEach(async () => {
  endpoint?.server.closeAllConnections();
  await new Promise<void>((resolve) => endpoint?.server.close(() => resolve()) ?? resolve());
  endpoint = undefined;
});

async function serve(health: Health): Promise<string> {
  endpoint = createWebhookServer({
    path: "/tg",
    secretToken: SECRET,
    health: () => health.report(),
    logger: createLogger({ level: "silent", redactor: new Redactor([]) }),
    redactor: new Redactor([]),
  });
  const server = endpoint.server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function probe(base: string) {
  const live = await fetch(`${base}/healthz`);
  const ready = await fetch(`${base}/readyz`);
  return { live: live.status, ready: ready.status, report: (await ready.json()) as HealthReport };
}

describe("webhook readiness", () => {
  it("is alive but not ready while the index loads, and refuses updates with 503 then", async () => {
    const health = new Health("on");
    const base = await serve(health);
    const { live, ready, report } = await probe(base);
    expect({ live, ready }).toEqual({ live: 200, ready: 503 });
    expect(report).toMatchObject({
      live: true,
      ready: false,
      phase: "starting",
      index: { loaded: false },
      model: { mode: "on", state: "pending" },
    });
    const post = await fetch(`${base}/tg`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({ update_id: 1 }),
    });
    expect(post.status).toBe(503);
    expect(post.headers.get("retry-after")).toBe("5");
  });

  it("is ready once the engine is open and the bot attached; alive but not ready once stopping", async () => {
    const health = new Health("auto");
    const base = await serve(health);
    const engine = new StubEngine();
    health.engineOpened(engine, 2);
    expect((await probe(base)).ready).toBe(503);
    endpoint?.attach(new Bot<BotContext>("123456:AAE_abcdefghijklmnopqrstuvwxyz012345"));
    health.serving(new InFlight());
    const ready = await probe(base);
    expect({ live: ready.live, ready: ready.ready }).toEqual({ live: 200, ready: 200 });
    expect(ready.report).toMatchObject({
      phase: "ready",
      index: { loaded: true, passages: engine.indexes.passages.length, skipped: 2 },
      // auto, and the engine has no dense leg: answers go on without the model.
      model: { mode: "auto", state: "unavailable" },
      legs: ["structure", "keyword"],
    });
    health.stopping();
    const stopping = await probe(base);
    expect({ live: stopping.live, ready: stopping.ready }).toEqual({ live: 200, ready: 503 });
    expect(stopping.report.phase).toBe("stopping");
  });
});
