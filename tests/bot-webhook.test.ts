/**
 * End to end in webhook mode: `npm start` with WEBHOOK_URL serves grammY's webhook callback on
 * the URL's path (checking Telegram's secret-token header — one derived from the token when
 * WEBHOOK_SECRET is not set — and refusing oversized bodies), `GET /healthz` (liveness) and
 * `GET /readyz` (readiness); replies go to the Bot API as ordinary calls.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_BODY_BYTES, type HealthReport } from "../src/bot/index.js";
import { type BotProcess, botStderrLines } from "./support/bot-process.js";
import { type BotSession, startBotSession } from "./support/bot-session.js";
import type { FakeBotApi } from "./support/fake-bot-api.js";
import { freePort } from "./support/ports.js";

let session: BotSession;
let api: FakeBotApi;
let bot: BotProcess;
let base: string;
const SECRET = "s3cret";

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/tg`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = { WEBHOOK_URL: `${base}/tg`, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: "127.0.0.1" };
  session = await startBotSession(env, "started");
  ({ api, bot } = session);
}, 150_000);

afterAll(async () => {
  await session?.stop();
});

describe("webhook mode", () => {
  it("answers GET /healthz (alive) and GET /readyz (ready) with the index, the model state and the legs", async () => {
    for (const path of ["/healthz", "/readyz"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as HealthReport;
      expect(body).toMatchObject({
        live: true,
        ready: true,
        phase: "ready",
        model: { mode: "off", state: "off" },
        in_flight: 0,
      });
      expect(body.index).toMatchObject({ loaded: true, documents: 1, skipped: 0 });
      expect((body.index as { passages: number }).passages).toBeGreaterThan(10);
      expect(body.legs).toContain("keyword");
    }
  });

  it("refuses an update without the secret-token header, or with a wrong one", async () => {
    const update = api.sendText({ chatId: 9001, text: "Төртінші тапсырмада не айтылған?" });
    expect([401, 403]).toContain((await post(update)).status);
    expect([401, 403]).toContain((await post(update, { "X-Telegram-Bot-Api-Secret-Token": "wrong" })).status);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.sent("sendMessage")).toEqual([]);
  });

  it("handles an update with the header: 200, and the answer reaches the Bot API as a reply", async () => {
    const update = api.sendText({ chatId: 9002, text: "Төртінші тапсырмада не айтылған?" });
    const response = await post(update, { "X-Telegram-Bot-Api-Secret-Token": SECRET });
    expect(response.status).toBe(200);
    const call = await api.waitFor(
      (c) => c.ok && c.method === "sendMessage" && Number(c.params.chat_id) === 9002,
    );
    expect(call.params.reply_parameters).toMatchObject({ message_id: update.message.message_id });
    expect(String((call.result as { text: string }).text)).toContain("Жаңғыру жолы");
  });

  it("tried setWebhook with the secret (refused here: the fake wants https) and carried on", async () => {
    const call = api.calls.find((c) => c.method === "setWebhook");
    expect(call?.params).toMatchObject({ url: `${base}/tg`, secret_token: SECRET });
    await bot.waitForLog((line) => line.msg === "setWebhook failed");
    expect(api.calls.filter((c) => c.method === "getUpdates")).toEqual([]);
  });

  it("answers 404 elsewhere and 405 for GET on the webhook path", async () => {
    expect((await fetch(`${base}/other`)).status).toBe(404);
    expect((await fetch(`${base}/tg`)).status).toBe(405);
  });

  it("stops on SIGTERM to the process group and exits 0, printing nothing on stderr or the token", async () => {
    bot.signalGroup("SIGTERM");
    const last = await bot.waitForLog((line) => line.msg === "exit", 10_000);
    expect(last.code).toBe(0);
    await bot.closed;
    expect(botStderrLines(bot.stderr())).toEqual([]);
    expect(bot.stdout() + bot.stderr()).not.toContain(api.token);
    expect(bot.stdout()).not.toContain(SECRET);
  });
});

describe("webhook mode without WEBHOOK_SECRET", () => {
  let open: BotSession;
  let url: string;
  let secret: string;

  /** A POST to the webhook path with a body of `bytes` bytes, through node:http (no fetch limits). */
  function postRaw(
    body: Buffer,
    headers: Record<string, string>,
    chunked = false,
  ): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        `${url}/tg`,
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...headers,
            ...(chunked ? {} : { "content-length": body.length }),
          },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8").on("data", (chunk: string) => {
            text += chunk;
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      // The server may answer and hang up before the whole body is sent: that is the point.
      request.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
      });
      if (chunked) {
        for (let at = 0; at < body.length; at += 16 * 1024) request.write(body.subarray(at, at + 16 * 1024));
        request.end();
      } else request.end(body);
    });
  }

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    open = await startBotSession(
      { WEBHOOK_URL: `${url}/tg`, PORT: String(port), HOST: "127.0.0.1" },
      "started",
    );
    const call = await open.api.waitFor((c) => c.method === "setWebhook");
    secret = String(call.params.secret_token ?? "");
  }, 150_000);

  afterAll(async () => {
    await open?.stop();
  });

  it("registers a secret derived from the token with setWebhook: Telegram's charset, not the token", async () => {
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect(secret).not.toContain(open.api.token.split(":")[1]);
    const started = await open.bot.waitForLog((line) => line.msg === "bot started");
    expect(started.webhook_secret).toBe("derived from BOT_TOKEN");
  });

  it("refuses forged updates (no header, wrong header) with 401 and answers the real one", async () => {
    const forged = open.api.sendText({ chatId: 9101, text: "Төртінші тапсырмада не айтылған?" });
    const body = Buffer.from(JSON.stringify(forged));
    expect((await postRaw(body, {})).status).toBe(401);
    expect((await postRaw(body, { "X-Telegram-Bot-Api-Secret-Token": `${secret}x` })).status).toBe(401);
    const real = open.api.sendText({ chatId: 9102, text: "Төртінші тапсырмада не айтылған?" });
    const ok = await postRaw(Buffer.from(JSON.stringify(real)), {
      "X-Telegram-Bot-Api-Secret-Token": secret,
    });
    expect(ok.status).toBe(200);
    await open.api.waitFor((c) => c.ok && c.method === "sendMessage" && Number(c.params.chat_id) === 9102);
    expect(open.api.sent("sendMessage").filter((c) => Number(c.params.chat_id) === 9101)).toEqual([]);
  });

  it("refuses a body over the limit with 413, whether announced by content-length or sent chunked", async () => {
    const huge = Buffer.alloc(DEFAULT_MAX_BODY_BYTES + 1, " ");
    const headers = { "X-Telegram-Bot-Api-Secret-Token": secret };
    expect(await postRaw(huge, headers)).toMatchObject({ status: 413 });
    expect(await postRaw(Buffer.alloc(4 * DEFAULT_MAX_BODY_BYTES, " "), headers, true)).toMatchObject({
      status: 413,
    });
    // Still serving afterwards.
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it("never prints the derived secret", async () => {
    open.bot.signalGroup("SIGTERM");
    await open.bot.waitForLog((line) => line.msg === "exit", 10_000);
    await open.bot.closed;
    expect(open.bot.stdout() + open.bot.stderr()).not.toContain(secret);
    expect(botStderrLines(open.bot.stderr())).toEqual([]);
  });
});
