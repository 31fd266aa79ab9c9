/**
 * End to end, with settings other than the defaults: a bot with RETRIEVAL_K=10 and
 * RATE_LIMIT_MAX=3 (long answers split, the rate limit), start-up failures on a missing or
 * malformed token, what `npm start` runs (node on the compiled build, nothing in between, a clean
 * JSON stdout), and stops signalled to node alone and to npm alone.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentIndexFiles } from "../src/indexes/index.js";
import {
  type BotProcess,
  botStderrLines,
  PROJECT_ROOT,
  spawnBot,
  type Workspace,
} from "./support/bot-process.js";
import { type BotSession, startBotSession } from "./support/bot-session.js";
import { FakeBotApi, type RecordedCall } from "./support/fake-bot-api.js";
import { htmlToVisibleText } from "./support/fake-bot-api-html.js";
import { freePort } from "./support/ports.js";

let session: BotSession;
let api: FakeBotApi;
let workspace: Workspace;
let bot: BotProcess;

const shown = (call: RecordedCall) => String((call.result as { text?: string } | undefined)?.text ?? "");
const sentTo = (chatId: number) =>
  api.sent("sendMessage").filter((call) => Number(call.params.chat_id) === chatId);

beforeAll(async () => {
  session = await startBotSession({ RETRIEVAL_K: "10", RATE_LIMIT_MAX: "3", RATE_LIMIT_WINDOW_MS: "60000" });
  ({ api, workspace, bot } = session);
}, 150_000);

afterAll(async () => {
  await session?.stop();
});

describe("a bot with RETRIEVAL_K=10 and RATE_LIMIT_MAX=3", () => {
  it("quotes the answer's passage, and splits the other nine behind 'more' over several replies, at passage boundaries", async () => {
    const chatId = 8001;
    const { message, update_id } = api.sendText({
      chatId,
      text: "ҚХА төрағасының жаңа орынбасарлары болып кімдер тағайындалды?",
    });
    const done = await bot.waitForLog((line) => line.msg === "update" && line.update === update_id);
    expect(done.passages).toBe(10);
    const [answer] = sentTo(chatId);
    if (answer === undefined) throw new Error("no answer");
    expect(answer.params.reply_parameters).toMatchObject({ message_id: message.message_id });
    const shownAtOnce = (shown(answer).match(/¶\d/g) ?? []).length;
    expect(shownAtOnce).toBe(1);
    expect(shown(answer)).toMatch(/^• Виталий Ионо Тварионас — /);
    const button = (
      answer.params.reply_markup as { inline_keyboard: { callback_data: string }[][] }
    ).inline_keyboard
      .flat()
      .find((b) => b.callback_data.startsWith("more:"));
    const answerId = (answer.result as { message_id: number }).message_id;
    api.pressButton({ chatId, messageId: answerId, data: button?.callback_data ?? "" });
    await api.waitFor(
      (c) => c.ok && c.method === "editMessageReplyMarkup" && Number(c.params.chat_id) === chatId,
    );
    const more = sentTo(chatId).slice(1);
    expect(more.length).toBeGreaterThan(1);
    expect(more.reduce((sum, call) => sum + shown(call).length, 0)).toBeGreaterThan(4096);
    for (const call of more) {
      const visible = htmlToVisibleText(String(call.params.text));
      expect(visible.length).toBeLessThanOrEqual(4096);
      // Each message starts with a quote and ends with a citation: no passage is cut in two.
      expect(String(call.params.text).startsWith("<blockquote")).toBe(true);
      expect(shown(call)).toMatch(/\n[^\n]*¶\d+[^\n]* · Қазақстан халқы Ассамблеясының XXVI сессиясы$/);
      expect(call.params.reply_parameters).toMatchObject({ message_id: answerId });
    }
    expect(shownAtOnce + (more.map(shown).join("\n\n").match(/¶\d/g)?.length ?? 0)).toBe(10);
  });

  it("answers three quick questions from one user, then says kindly to wait", async () => {
    const chatId = 8002;
    for (let i = 0; i < 4; i++)
      api.sendText({ chatId, text: "Төртінші тапсырмада не айтылған?", languageCode: "kk" });
    const limited = await api.waitFor(
      (c) =>
        c.ok &&
        c.method === "sendMessage" &&
        Number(c.params.chat_id) === chatId &&
        shown(c).startsWith("Сәл баяуырақ"),
      15_000,
    );
    expect(shown(limited)).toContain("60 секундтан кейін");
    await bot.waitForLog((line) => line.outcome === "rate-limited");
    await expect.poll(() => sentTo(chatId).length).toBe(4);
    expect(sentTo(chatId).filter((c) => shown(c).includes("Жаңғыру жолы"))).toHaveLength(3);
  });

  it("never prints the token", () => {
    expect(bot.stdout() + bot.stderr()).not.toContain(api.token);
    expect(api.rejected().filter((c) => !c.injected)).toEqual([]);
  });
});

describe("start-up failures", () => {
  const TOKEN_LIKE = "123456:this-is-not-a-valid-token";

  it.each([
    [
      "missing",
      "",
      /^start: BOT_TOKEN is not set: put the token from @BotFather in \.env or the environment$/,
    ],
    ["malformed", TOKEN_LIKE, /^start: BOT_TOKEN is malformed: expected digits, a colon and 35 characters/],
  ])("a %s BOT_TOKEN stops start-up with one clear line and exit code 1", async (_, token, expected) => {
    const failing = spawnBot({ BOT_TOKEN: token, TELEGRAM_API_ROOT: api.apiRoot });
    const exit = await failing.exited;
    await failing.closed;
    expect(exit.code).toBe(1);
    const lines = botStderrLines(failing.stderr());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    const output = failing.stdout() + failing.stderr();
    expect(output).not.toMatch(/\n\s+at /);
    if (token !== "") expect(output).not.toContain(token);
  });

  it("an INDEX_DIR built from another corpus stops start-up with one line saying whose it is, untouched", async () => {
    const other = mkdtempSync(join(tmpdir(), "other-corpus-"));
    writeFileSync(join(other, "other.txt"), "Басқа мақала\nМүлде басқа мәтін, басқа тақырып.\n");
    const manifest = readFileSync(join(currentIndexFiles(workspace.indexDir), "manifest.json"), "utf8");
    const failing = spawnBot({
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      CORPUS_DIR: other,
      INDEX_DIR: workspace.indexDir,
    });
    expect((await failing.exited).code).toBe(1);
    await failing.closed;
    const lines = botStderrLines(failing.stderr());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^start: .*index holds the index of corpus .*corpus, not of .*other-corpus-/);
    expect(readFileSync(join(currentIndexFiles(workspace.indexDir), "manifest.json"), "utf8")).toBe(manifest);
  });

  it("a token Telegram refuses (401) stops start-up with one line, without echoing it", async () => {
    const refused = `${api.token.split(":")[0]}:AAE${"x".repeat(32)}`;
    const failing = spawnBot({
      BOT_TOKEN: refused,
      TELEGRAM_API_ROOT: api.apiRoot,
      CORPUS_DIR: workspace.corpusDir,
      INDEX_DIR: workspace.indexDir,
    });
    expect((await failing.exited).code).toBe(1);
    await failing.closed;
    expect(botStderrLines(failing.stderr())).toEqual([
      "start: Telegram refused BOT_TOKEN (401 Unauthorized): check the token from @BotFather",
    ]);
    expect(failing.stdout() + failing.stderr()).not.toContain(refused.split(":")[1]);
  });
});

describe("Telegram unreachable at start", () => {
  it("retries getMe with one scrubbed warning per attempt (the error quotes the URL) and still stops cleanly", async () => {
    const closedPort = await freePort();
    const offline = spawnBot({
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${closedPort}`,
      CORPUS_DIR: workspace.corpusDir,
      INDEX_DIR: workspace.indexDir,
    });
    try {
      const warning = await offline.waitForLog(
        (line) => line.msg === "cannot reach the Bot API; retrying",
        60_000,
      );
      expect(warning.error).toMatch(/ECONNREFUSED/);
      expect(warning.error).toContain("/bot[REDACTED]/getMe");
      offline.signalGroup("SIGTERM");
      expect((await offline.waitForLog((line) => line.msg === "exit", 10_000)).code).toBe(0);
      await offline.closed;
      expect(botStderrLines(offline.stderr())).toEqual([]);
      expect(offline.stdout() + offline.stderr()).not.toContain(api.token.split(":")[1]);
    } finally {
      await offline.kill();
    }
  });
});

describe("what npm start runs", () => {
  it("execs node on the compiled build as npm's only child, and stdout holds nothing but JSON log lines", async () => {
    const children = readFileSync(`/proc/${bot.child.pid}/task/${bot.child.pid}/children`, "utf8")
      .trim()
      .split(/\s+/);
    expect(children).toHaveLength(1);
    const command = readFileSync(`/proc/${children[0]}/cmdline`, "utf8").split("\0").filter(Boolean);
    expect(command.slice(1)).toEqual(["dist/cli/start.js"]);
    expect(basename(command[0] ?? "")).toMatch(/^node/);
    // One bundled module (tools/build/bundle-start.mjs), not hundreds: no import of a file of its own.
    expect(readFileSync(`${PROJECT_ROOT}/dist/cli/start.js`, "utf8")).not.toMatch(/from\s*["']\.\.?\//);
    const lines = bot
      .stdout()
      .split("\n")
      .filter((line) => line !== "");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  });
});

describe("stopping node alone", () => {
  it("SIGTERM to `node dist/cli/start.js` (a process manager's ExecStart) stops it cleanly with exit code 0", async () => {
    const fake = await FakeBotApi.start();
    const child = spawn(process.execPath, ["dist/cli/start.js"], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        CORPUS_DIR: workspace.corpusDir,
        INDEX_DIR: workspace.indexDir,
        EMBEDDINGS: "off",
        POLL_TIMEOUT_S: "1",
        WEBHOOK_URL: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      await fake.waitForPolling(60_000);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(stderr).toBe("");
    } finally {
      child.kill("SIGKILL");
      await fake.close();
    }
  });
});

describe("stopping through npm alone", () => {
  it("SIGTERM to npm's pid only reaches node (npm passes it on to its direct child): clean stop, no orphan", async () => {
    const fake = await FakeBotApi.start();
    const started = spawnBot({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      CORPUS_DIR: workspace.corpusDir,
      INDEX_DIR: workspace.indexDir,
    });
    try {
      await fake.waitForPolling(60_000);
      started.child.kill("SIGTERM");
      const last = await started.waitForLog((line) => line.msg === "exit", 15_000);
      expect(last.code).toBe(0);
      // Every process that held the bot's output has exited: node did not outlive npm.
      await started.closed;
      expect(botStderrLines(started.stderr())).toEqual([]);
    } finally {
      await started.kill();
      await fake.close();
    }
  });
});
