/**
 * State that scales out: two replicas of the bot (each its own process-local bot, as behind a
 * load balancer) and one user. With the embedded default each counts the rate limit alone; with
 * Redis (the real server CI starts) the limit is shared; with Redis down each falls back to its
 * own count, says so once, and answers on. Feedback from two bot processes lands in one
 * PostgreSQL database; a database that is down costs no answer.
 */
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../src/bot/logger.js";
import { Redactor } from "../src/bot/redact.js";
import { SharedCounter } from "../src/bot/shared-counter.js";
import { feedbackStoreFor } from "../src/feedback/index.js";
import { type Harness, shown, startHarness } from "./support/bot-harness.js";
import { type BotSession, startBotSession } from "./support/bot-session.js";
import { StubEngine } from "./support/bot-stub-engine.js";
import { freePort } from "./support/ports.js";
import { describeWithService, freshPostgresUrl } from "./support/services.js";

const USER = 4711;
const QUESTION = "Күш-жігерімізді қайда бағыттау керек?";
const running: Harness[] = [];
const counters: SharedCounter[] = [];

afterEach(async () => {
  for (const h of running.splice(0)) await h.stop();
  for (const c of counters.splice(0)) await c.close();
});

function counterLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ redactor: new Redactor([]), write: (l) => lines.push(JSON.parse(l)) });
  return { lines, logger };
}

/** A replica: a bot with its own fake Telegram, limited to 2 questions per minute, counting in `counter`. */
async function replica(counter?: SharedCounter): Promise<Harness> {
  const h = await startHarness(new StubEngine(), {
    rateLimit: {
      max: 2,
      windowMs: 60_000,
      ...(counter ? { counter, keyPrefix: `rl-test-${process.pid}-${Date.now()}:` } : {}),
    },
  });
  running.push(h);
  return h;
}

/** The user asks on replica `h`; resolves with the reply's text. */
async function askOn(h: Harness): Promise<string> {
  const before = h.messagesTo(USER).length;
  h.api.sendText({ chatId: USER, text: QUESTION, languageCode: "en" });
  await h.reply(USER, () => h.messagesTo(USER).length > before);
  return shown(h.messagesTo(USER)[before] ?? h.messagesTo(USER).at(-1) ?? ({} as never));
}

const RATE_LIMITED = /^Easy there/;

describe("the rate limit with the embedded default", () => {
  it("is counted by each replica alone: the user's third question on another replica is answered", async () => {
    const a = await replica();
    const b = await replica();
    expect(await askOn(a)).not.toMatch(RATE_LIMITED);
    expect(await askOn(a)).not.toMatch(RATE_LIMITED);
    expect(await askOn(a)).toMatch(RATE_LIMITED);
    expect(await askOn(b)).not.toMatch(RATE_LIMITED);
  });
});

describeWithService("TEST_REDIS_URL", "the rate limit with REDIS_URL", (url) => {
  const shared = async () => {
    const { logger, lines } = counterLogger();
    const counter = new SharedCounter({ url, windowMs: 60_000, logger });
    counters.push(counter);
    expect(await counter.connect()).toBe(true);
    return { counter, lines };
  };

  it("is shared by the replicas: two questions on one, the third on the other is limited", async () => {
    const one = await shared();
    const two = await shared();
    const prefix = `rl-test-${process.pid}-${Date.now()}:`;
    const a = await startHarness(new StubEngine(), {
      rateLimit: { max: 2, windowMs: 60_000, counter: one.counter, keyPrefix: prefix },
    });
    const b = await startHarness(new StubEngine(), {
      rateLimit: { max: 2, windowMs: 60_000, counter: two.counter, keyPrefix: prefix },
    });
    running.push(a, b);
    expect(await askOn(a)).not.toMatch(RATE_LIMITED);
    expect(await askOn(b)).not.toMatch(RATE_LIMITED);
    expect(await askOn(a)).toMatch(RATE_LIMITED);
    expect(one.lines.filter((l) => l.level === 40)).toEqual([]);
  });

  it("counts expire with the window, set in the same step as the first count", async () => {
    const { counter } = await shared();
    const key = `rl-expiry-${process.pid}-${Date.now()}`;
    expect(await counter.incr(key)).toBe(1);
    expect(await counter.incr(key)).toBe(2);
    const redis = new Redis(url);
    try {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      redis.disconnect();
    }
  });
});

describe("the rate limit with REDIS_URL when Redis is down", () => {
  it("falls back to each replica's own count, says so once, and answers", async () => {
    const { logger, lines } = counterLogger();
    const counter = new SharedCounter({
      url: `redis://127.0.0.1:${await freePort()}/0`,
      windowMs: 60_000,
      logger,
    });
    counters.push(counter);
    expect(await counter.connect(1000)).toBe(false);
    const a = await replica(counter);
    expect(await askOn(a)).not.toMatch(RATE_LIMITED);
    expect(await askOn(a)).not.toMatch(RATE_LIMITED);
    expect(await askOn(a)).toMatch(RATE_LIMITED);
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toBe(
      "Redis unavailable: the rate limit is counted in this process until it is back",
    );
  });
});

describeWithService("TEST_DATABASE_URL", "feedback with DATABASE_URL", (base) => {
  const sessions: BotSession[] = [];
  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.stop();
  });

  it("two bot processes write their answers and votes into one database", async () => {
    const url = await freshPostgresUrl(base);
    for (let i = 0; i < 2; i++) sessions.push(await startBotSession({ DATABASE_URL: url }));
    for (const [i, s] of sessions.entries()) {
      s.api.sendText({ chatId: 6100 + i, text: "Төртінші тапсырмада не айтылған?", languageCode: "kk" });
      const answer = await s.api.waitFor(
        (c) => c.ok && c.method === "sendMessage" && Number(c.params.chat_id) === 6100 + i,
      );
      const up = (
        answer.params.reply_markup as { inline_keyboard: { callback_data: string }[][] }
      ).inline_keyboard
        .flat()
        .find((button) => button.callback_data.startsWith("fb:+:"));
      s.api.pressButton({
        chatId: 6100 + i,
        messageId: (answer.result as { message_id: number }).message_id,
        data: up?.callback_data ?? "",
      });
      await s.api.waitFor((c) => c.method === "answerCallbackQuery");
    }
    const store = feedbackStoreFor({ databaseUrl: url });
    try {
      const summary = await waitForSummary(store, (s) => s.votes.reduce((n, v) => n + v.count, 0) === 2);
      expect(summary.outcomes).toEqual([{ language: "kk", key: "answered", count: 2 }]);
      expect(summary.votes).toEqual([{ language: "kk", key: "up", count: 2 }]);
    } finally {
      await store.close();
    }
  });
});

describe("feedback when the database is down", () => {
  it("the bot logs it once and answers every question; the password never appears", async () => {
    const port = await freePort();
    const session = await startBotSession({
      DATABASE_URL: `postgres://bot:pw-s3cret-9@127.0.0.1:${port}/feedback`,
      RATE_LIMIT_MAX: "50",
    });
    try {
      for (let i = 0; i < 3; i++) {
        const chatId = 6200 + i;
        session.api.sendText({ chatId, text: "Төртінші тапсырмада не айтылған?", languageCode: "kk" });
        const answer = await session.api.waitFor(
          (c) => c.ok && c.method === "sendMessage" && Number(c.params.chat_id) === chatId,
        );
        expect(shown(answer)).toContain("Жаңғыру жолы");
      }
      const warning = await session.bot.waitForLog((l) =>
        String(l.msg).startsWith("feedback store unavailable"),
      );
      expect(warning).toMatchObject({ kind: "postgres", store: `127.0.0.1:${port}/feedback` });
      expect(
        session.bot.logs().filter((l) => String(l.msg).startsWith("feedback store unavailable")),
      ).toHaveLength(1);
      expect(session.bot.stdout() + session.bot.stderr()).not.toContain("pw-s3cret-9");
    } finally {
      await session.stop();
    }
  });
});

async function waitForSummary(
  store: ReturnType<typeof feedbackStoreFor>,
  ready: (s: Awaited<ReturnType<ReturnType<typeof feedbackStoreFor>["summary"]>>) => boolean,
) {
  for (let attempt = 0; ; attempt++) {
    const summary = await store.summary(Date.now() - 3_600_000, 5);
    if (ready(summary) || attempt > 100) return summary;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
