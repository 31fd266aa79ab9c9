import { Api, HttpError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../src/bot/logger.js";
import { describeError, REDACTED, Redactor } from "../src/bot/redact.js";
import { GracefulShutdown } from "../src/bot/shutdown.js";
import { type Harness, shown, startHarness } from "./support/bot-harness.js";
import { StubEngine } from "./support/bot-stub-engine.js";

const TOKEN = "123456789:AAE_abcdefghijklmnopqrstuvwxyz012345";

describe("token redaction", () => {
  it("scrubs the token and its secret part wherever they occur", () => {
    const redactor = new Redactor([TOKEN]);
    const secret = TOKEN.split(":")[1] ?? "";
    expect(redactor.scrub(`GET http://x/bot${TOKEN}/getMe and ${secret}`)).toBe(
      `GET http://x/bot${REDACTED}/getMe and ${REDACTED}`,
    );
    expect(new Redactor([undefined, ""]).scrub("nothing to hide")).toBe("nothing to hide");
  });

  it("describes a real grammY network error without the token its inner error quotes", async () => {
    const api = new Api(TOKEN, { apiRoot: "http://127.0.0.1:9", timeoutSeconds: 5 });
    const error = await api.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    // The wrapped node-fetch error names the URL, token included: the reason for redaction.
    expect(String((error as HttpError).error)).toContain(TOKEN);
    const line = describeError(error, new Redactor([TOKEN]));
    expect(line).toContain("Network request for 'getMe' failed");
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(TOKEN.split(":")[1]);
  });

  it("never lets the logger write the token, whether in a message, a field or an error", () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "debug",
      redactor: new Redactor([TOKEN]),
      write: (l) => lines.push(l),
    });
    const error = new Error(`request to http://127.0.0.1/bot${TOKEN}/getUpdates failed`);
    logger.error(
      { err: error, url: `/bot${TOKEN}/x`, token: TOKEN, nested: { token: "other-secret" } },
      `bot${TOKEN}`,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).not.toContain("other-secret");
    expect(lines[0]).toContain(REDACTED);
  });
});

describe("per-user rate limit", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it("answers the first RATE_LIMIT_MAX questions, then once says kindly when to try again", async () => {
    h = await startHarness(new StubEngine(), { rateLimit: { max: 3, windowMs: 60_000 } });
    const chatId = 3001;
    for (let i = 0; i < 5; i++) h.api.sendText({ chatId, text: "Тварионас кім?", languageCode: "ru" });
    const limited = await h.reply(chatId, (call) => shown(call).startsWith("Чуть помедленнее"));
    expect(shown(limited)).toContain("через 60 с");
    await expect.poll(() => h?.records().filter((r) => r.msg === "update").length).toBe(5);
    const sent = h.messagesTo(chatId).map(shown);
    expect(sent.filter((text) => text.includes("Тварионас"))).toHaveLength(3);
    expect(sent).toHaveLength(4);
    // Another user is not affected.
    h.api.sendText({ chatId: 3002, text: "Тварионас кім?" });
    expect(shown(await h.reply(3002))).toContain("Тварионас");
  });
});

describe("failed polls", () => {
  it("are logged in one scrubbed line and retried; updates still arrive", async () => {
    const h = await startHarness(new StubEngine());
    try {
      h.api.failNext("getUpdates", { error_code: 502, description: "Bad Gateway" }, 2);
      // The poll held open now ends when the update arrives; the next two polls fail.
      h.api.sendText({ chatId: 4001, text: "Тварионас кім?" });
      await h.reply(4001);
      h.api.sendText({ chatId: 4001, text: "Күш-жігерімізді қайда?" });
      await h.reply(4001, (call) => shown(call).includes("Күш-жігерімізді"), 15_000);
      const failures = h.records().filter((r) => r.msg === "poll failed");
      expect(failures.length).toBeGreaterThanOrEqual(1);
      expect(failures[0]).toMatchObject({ code: 502, error: "Bad Gateway" });
      expect(h.logs.join("")).not.toContain(h.api.token);
    } finally {
      await h.stop();
    }
  });
});

describe("graceful shutdown", () => {
  const silent = () => createLogger({ level: "silent", redactor: new Redactor([]) });

  it("waits for the stopper, exits 0 once, and ignores repeated signals", async () => {
    const exits: number[] = [];
    const shutdown = new GracefulShutdown({
      graceMs: 2000,
      logger: silent(),
      redactor: new Redactor([]),
      exit: (c) => exits.push(c),
    });
    let stopped = 0;
    shutdown.setStopper(async () => {
      stopped++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await Promise.all([shutdown.stop("SIGTERM"), shutdown.stop("SIGTERM"), shutdown.stop("SIGINT")]);
    expect(stopped).toBe(1);
    expect(exits).toEqual([0]);
    expect(shutdown.requested).toBe(true);
  });

  it("exits 0 at the end of the grace period when a reply hangs", async () => {
    const exits: number[] = [];
    const shutdown = new GracefulShutdown({
      graceMs: 100,
      logger: silent(),
      redactor: new Redactor([]),
      exit: (c) => exits.push(c),
    });
    shutdown.setStopper(() => new Promise(() => {}));
    void shutdown.stop("SIGTERM");
    await expect.poll(() => exits).toEqual([0]);
  });
});
