/**
 * No reply is lost at shutdown: an update whose reply has not gone out (here: waiting out a 429)
 * is never confirmed to Telegram — not by the polls made while it is handled, not by the last
 * confirmation at exit — so the next process gets it again and the user gets the answer once.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/bot-harness.js";
import { type BotProcess, makeWorkspace, spawnBot, type Workspace } from "./support/bot-process.js";
import { StubEngine } from "./support/bot-stub-engine.js";
import { FakeBotApi, type RecordedCall } from "./support/fake-bot-api.js";

const QUESTION = "Төртінші тапсырмада не айтылған?";
const TOO_MANY = {
  error_code: 429,
  description: "Too Many Requests: retry after 10",
  parameters: { retry_after: 10 },
};

const polls = (api: FakeBotApi) => api.calls.filter((c) => c.method === "getUpdates");
const offsetOf = (call: RecordedCall) => Number(call.params.offset ?? 0);
const answersTo = (api: FakeBotApi, chatId: number) =>
  api.sent("sendMessage").filter((c) => Number(c.params.chat_id) === chatId);

describe("while an update is being handled", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it("no poll confirms it, later updates are answered once though Telegram sends them again, and it is confirmed once done", async () => {
    h = await startHarness(new StubEngine());
    const harness = h;
    harness.api.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 2",
      parameters: { retry_after: 2 },
    });
    const slow = harness.api.sendText({ chatId: 8101, text: "Тварионас кім?" });
    await harness.api.waitFor((c) => c.injected === true && c.method === "sendMessage");
    const pollsBefore = polls(harness.api).length;
    const quick = harness.api.sendText({ chatId: 8102, text: "Тварионас кім?" });
    await harness.reply(8102);
    // The slow one waits out its 429 meanwhile; every poll so far kept it unconfirmed.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const whileHeld = polls(harness.api).slice(pollsBefore);
    expect(whileHeld.length).toBeGreaterThan(1);
    for (const call of whileHeld) expect(offsetOf(call)).toBeLessThanOrEqual(slow.update_id);
    expect(answersTo(harness.api, 8102)).toHaveLength(1);

    await harness.reply(8101, () => true, 10_000);
    await harness.api.waitFor((c) => c.method === "getUpdates" && offsetOf(c) > quick.update_id, 5_000);
    expect(answersTo(harness.api, 8101)).toHaveLength(1);
    expect(answersTo(harness.api, 8102)).toHaveLength(1);
    expect(harness.records().filter((r) => r.msg === "update")).toHaveLength(2);
  });
});

describe("stopping and starting around a reply still waiting out a 429", () => {
  let api: FakeBotApi | undefined;
  let workspace: Workspace | undefined;
  const bots: BotProcess[] = [];
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.kill();
    await api?.close();
    await workspace?.remove();
  });

  const start = async (fake: FakeBotApi, dirs: Workspace) => {
    const bot = spawnBot({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      CORPUS_DIR: dirs.corpusDir,
      INDEX_DIR: dirs.indexDir,
      SHUTDOWN_GRACE_MS: "1500",
    });
    bots.push(bot);
    await fake.waitForPolling(60_000);
    return bot;
  };

  /** A user asks; the bot's reply gets a 429 with a 10 s retry_after; resolves once it is waiting. */
  const askIntoA429 = async (fake: FakeBotApi, chatId: number) => {
    fake.failNext("sendMessage", TOO_MANY);
    const asked = fake.sendText({ chatId, text: QUESTION });
    await fake.waitFor((c) => c.injected === true && Number(c.params.chat_id) === chatId);
    return asked;
  };

  /** The next process answers the question, once, as a reply to it, and then confirms it. */
  const answeredOnceByNext = async (
    fake: FakeBotApi,
    dirs: Workspace,
    asked: { update_id: number; message: { message_id: number } },
    chatId: number,
  ) => {
    const messageId = asked.message.message_id;
    await start(fake, dirs);
    const answer = await fake.waitFor(
      (c) => c.ok && c.method === "sendMessage" && Number(c.params.chat_id) === chatId,
    );
    expect(String((answer.result as { text: string }).text)).toContain("Жаңғыру жолы");
    expect(answer.params.reply_parameters).toMatchObject({ message_id: messageId });
    await fake.waitFor((c) => c.method === "getUpdates" && offsetOf(c) > asked.update_id, 10_000);
    expect(answersTo(fake, chatId)).toHaveLength(1);
  };

  it("SIGTERM: the deadline passes, the update is left unconfirmed, the next process answers it once", async () => {
    api = await FakeBotApi.start();
    workspace = await makeWorkspace();
    const first = await start(api, workspace);
    const asked = await askIntoA429(api, 8201);
    const { update_id } = asked;
    first.signalGroup("SIGTERM");
    const warning = await first.waitForLog((line) => String(line.msg).startsWith("replies still in flight"));
    expect(warning.unconfirmed).toEqual([update_id]);
    expect((await first.waitForLog((line) => line.msg === "exit")).code).toBe(0);
    await first.closed;
    // No poll of the first process, its last confirmation included, went past the question.
    for (const call of polls(api)) expect(offsetOf(call)).toBeLessThanOrEqual(update_id);
    expect(answersTo(api, 8201)).toEqual([]);
    await answeredOnceByNext(api, workspace, asked, 8201);
  });

  it("SIGKILL: nothing is confirmed at exit either, and the next process answers it once", async () => {
    api = await FakeBotApi.start();
    workspace = await makeWorkspace();
    const first = await start(api, workspace);
    const asked = await askIntoA429(api, 8301);
    await first.kill();
    for (const call of polls(api)) expect(offsetOf(call)).toBeLessThanOrEqual(asked.update_id);
    await answeredOnceByNext(api, workspace, asked, 8301);
  });
});
