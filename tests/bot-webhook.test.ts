/**
 * End to end in webhook mode: `npm start` with WEBHOOK_URL serves grammY's webhook callback on
 * the URL's path (checking Telegram's secret-token header) and `GET /healthz`; replies go to the
 * Bot API as ordinary calls.
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, botStderrLines } from "./support/bot-process.js";
import { type BotSession, startBotSession } from "./support/bot-session.js";
import type { FakeBotApi } from "./support/fake-bot-api.js";

let session: BotSession;
let api: FakeBotApi;
let bot: BotProcess;
let base: string;
const SECRET = "s3cret";

/** A port free on 127.0.0.1 right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

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
  it("answers GET /healthz with the index size and legs", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; passages: number; legs: string[] };
    expect(body.ok).toBe(true);
    expect(body.passages).toBeGreaterThan(10);
    expect(body.legs).toContain("keyword");
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
