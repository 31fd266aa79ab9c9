/**
 * Webhook replicas sharing one corpus and one index folder (as on a shared volume): a document
 * added to the corpus is built into a new index version by one of them, and the other loads that
 * version instead of building its own; both then answer from it and report it in /readyz.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HealthReport } from "../src/bot/index.js";
import { type BotProcess, spawnBot } from "./support/bot-process.js";
import { type BotSession, startBotSession } from "./support/bot-session.js";
import { freePort } from "./support/ports.js";

const SECRET = "replica-secret";
let first: BotSession;
let second: BotProcess;
const bases: string[] = [];

async function webhookEnv() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  bases.push(base);
  return {
    WEBHOOK_URL: `${base}/tg`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    HOST: "127.0.0.1",
    CORPUS_POLL_MS: "150",
  };
}

const documentsOf = async (base: string) =>
  ((await (await fetch(`${base}/readyz`)).json()) as HealthReport & { index: { documents: number } }).index
    .documents;

beforeAll(async () => {
  first = await startBotSession(await webhookEnv(), "started");
  second = spawnBot({
    BOT_TOKEN: first.api.token,
    TELEGRAM_API_ROOT: first.api.apiRoot,
    CORPUS_DIR: first.workspace.corpusDir,
    INDEX_DIR: first.workspace.indexDir,
    ...(await webhookEnv()),
  });
  await second.waitForLog((line) => line.msg === "bot started", 120_000);
}, 150_000);

afterAll(async () => {
  await second?.kill();
  await first?.stop();
});

describe("webhook replicas sharing an index folder", () => {
  it("pick up a new index version: one builds it, the other loads it, both answer from it", async () => {
    expect(await documentsOf(bases[0] as string)).toBe(1);
    expect(await documentsOf(bases[1] as string)).toBe(1);
    writeFileSync(
      join(first.workspace.corpusDir, "giraffes.txt"),
      "Жирафтар туралы жазба\nСаванна жирафтары акация жапырағын жейді. Жирафтардың мойны ұзын.\n",
    );
    const swapped = (line: Record<string, unknown>) =>
      line.msg === "index rebuilt and swapped in" || line.msg === "index reloaded";
    const [a, b] = await Promise.all([first.bot.waitForLog(swapped), second.waitForLog(swapped)]);
    expect([a?.action, b?.action].sort()).toEqual(["built", "loaded"]);
    expect(a?.version).toBe(b?.version);
    for (const [i, base] of bases.entries()) {
      expect(await documentsOf(base)).toBe(2);
      const chatId = 6300 + i;
      const update = first.api.sendText({ chatId, text: "Жирафтар не жейді?" });
      const posted = await fetch(`${base}/tg`, {
        method: "POST",
        headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
        body: JSON.stringify(update),
      });
      expect(posted.status).toBe(200);
      const reply = await first.api.waitFor(
        (c) => c.ok && c.method === "sendMessage" && Number(c.params.chat_id) === chatId,
      );
      expect(String((reply.result as { text: string }).text)).toContain("акация жапырағын жейді");
    }
  });
});
