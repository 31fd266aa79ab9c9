/**
 * The operator's features end to end, with the bot as `npm start` runs it: a corpus changed while
 * it runs, documents added and removed by an admin from Telegram, 👍/👎 on every answer stored in
 * SQLite (and counted after a restart), declined questions stored, and `npm run report`.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagesFor } from "../src/bot/i18n.js";
import { loadExampleQuestions } from "../src/corpus/index.js";
import { feedbackStoreFor } from "../src/feedback/index.js";
import { type BotProcess, botStderrLines, spawnBot } from "./support/bot-process.js";
import { type BotSession, startBotSession } from "./support/bot-session.js";
import type { RecordedCall } from "./support/fake-bot-api.js";
import { htmlToVisibleText } from "./support/fake-bot-api-html.js";

const run = promisify(execFile);
const ADMIN = 777002;
const GIRAFFES = "Жирафтар туралы жазба\nСаванна жирафтары акация жапырағын жейді. Жирафтардың мойны ұзын.\n";
const GIRAFFE_QUESTION = "Жирафтар не жейді?";
const LATIN1 = new Uint8Array([0x4e, 0x6f, 0x74, 0x65, 0x73, 0x20, 0xe9, 0x74, 0xe9, 0x0a]);

let session: BotSession;
let bot: BotProcess;
let nextChat = 9100;
const chat = () => ++nextChat;

const shown = (call: RecordedCall) => String((call.result as { text?: string } | undefined)?.text ?? "");
const buttonsOf = (call: RecordedCall) =>
  (
    (
      call.params.reply_markup as
        | { inline_keyboard?: { text: string; callback_data: string }[][] }
        | undefined
    )?.inline_keyboard ?? []
  ).flat();
/** The admin presses the button labelled `label` under the bot's message `call` sent. */
const adminPresses = (call: RecordedCall, label: string) => {
  const button = buttonsOf(call).find((b) => b.text === label);
  expect(button, label).toBeDefined();
  session.api.pressButton({
    chatId: ADMIN,
    messageId: (call.result as { message_id: number }).message_id,
    languageCode: "en",
    data: button?.callback_data ?? "",
  });
};
/** The 👍/👎 buttons of a reply (a "more" button may be in the row above). */
const votesOf = (call: RecordedCall) => buttonsOf(call).filter((b) => b.callback_data.startsWith("fb:"));
/** A sendMessage to the chat among the calls from index `after` on (see {@link mark}). */
const replyIn = (chatId: number, predicate: (call: RecordedCall) => boolean = () => true, after = 0) =>
  session.api.waitFor(
    (c) =>
      c.ok &&
      c.method === "sendMessage" &&
      Number(c.params.chat_id) === chatId &&
      session.api.calls.indexOf(c) >= after &&
      predicate(c),
    20_000,
  );
/** Where the fake's call list stands now: calls after it are answers to what is done next. */
const mark = () => session.api.calls.length;
const ask = async (chatId: number, text: string) => {
  const at = mark();
  session.api.sendText({ chatId, text, languageCode: "en" });
  return replyIn(chatId, () => true, at);
};
const env = () => ({
  CORPUS_DIR: session.workspace.corpusDir,
  INDEX_DIR: session.workspace.indexDir,
  DATA_DIR: session.workspace.dataDir,
  ADMIN_USER_IDS: String(ADMIN),
  CORPUS_POLL_MS: "150",
  STORE_QUESTIONS: "true",
  DOCUMENT_MAX_BYTES: "4096",
  RATE_LIMIT_MAX: "100",
});

async function report(args: string[] = []) {
  const { stdout } = await run("npm", ["run", "--silent", "report", "--", ...args], {
    env: { ...process.env, DATA_DIR: session.workspace.dataDir, DATABASE_URL: "" },
  });
  return stdout;
}

beforeAll(async () => {
  session = await startBotSession({
    RATE_LIMIT_MAX: "100",
    ADMIN_USER_IDS: String(ADMIN),
    CORPUS_POLL_MS: "150",
    STORE_QUESTIONS: "true",
    DOCUMENT_MAX_BYTES: "4096",
  });
  bot = session.bot;
}, 150_000);

afterAll(async () => {
  await session?.stop();
});

describe("a corpus changed while the bot runs", () => {
  it("a file dropped into the corpus folder is answered from without a restart, and forgotten when removed", async () => {
    const chatId = chat();
    expect(shown(await ask(chatId, GIRAFFE_QUESTION))).not.toContain("акация");
    writeFileSync(join(session.workspace.corpusDir, "giraffes.txt"), GIRAFFES);
    await bot.waitForLog((l) => l.msg === "index rebuilt and swapped in" && l.documents === 2);
    expect(shown(await ask(chatId, GIRAFFE_QUESTION))).toContain("акация жапырағын жейді");
    rmSync(join(session.workspace.corpusDir, "giraffes.txt"));
    await bot.waitForLog((l) => l.msg === "index rebuilt and swapped in" && l.documents === 1);
    expect(shown(await ask(chatId, GIRAFFE_QUESTION))).not.toContain("акация");
  });
});

describe("documents from Telegram", () => {
  const adminSends = async (fileName: string, bytes: Uint8Array, fileSize?: number) => {
    const at = mark();
    session.api.sendDocument({
      chatId: ADMIN,
      fileName,
      bytes,
      languageCode: "en",
      ...(fileSize === undefined ? {} : { fileSize }),
    });
    return shown(await replyIn(ADMIN, () => true, at));
  };
  const corpusFiles = () => readdirSync(session.workspace.corpusDir).sort();

  it("an admin adds a .txt file: checked, indexed, answered from at once", async () => {
    const text = await adminSends("giraffes.txt", new TextEncoder().encode(GIRAFFES));
    expect(text).toMatch(
      /^Added giraffes\.txt \(«Жирафтар туралы жазба»\)\. The bot now answers from 2 document\(s\), \d+ passages/,
    );
    expect(shown(await ask(chat(), GIRAFFE_QUESTION))).toContain("акация жапырағын жейді");
  });

  it("a bad file gets a clear reply and changes nothing", async () => {
    const before = corpusFiles();
    expect(await adminSends("notes.txt", LATIN1)).toBe(
      "notes.txt was not added: it is not UTF-8 text. Save it as UTF-8 and send it again.",
    );
    expect(await adminSends("report.pdf", new TextEncoder().encode("%PDF"))).toBe(
      "report.pdf was not added: send a .txt or .md file.",
    );
    const getFiles = session.api.sent("getFile").length;
    expect(await adminSends("big.txt", new TextEncoder().encode("x"), 10_000)).toBe(
      "The file was not added: it has 10 KB, the limit is 4 KB.",
    );
    expect(session.api.sent("getFile")).toHaveLength(getFiles);
    expect(await adminSends("empty.md", new TextEncoder().encode("\n\n  \n"))).toBe(
      "empty.md was not added: it has no text.",
    );
    expect(corpusFiles()).toEqual(before);
  });

  it("/docs lists the documents; 🗑, then Remove, takes one out of the corpus into the data folder", async () => {
    const at = mark();
    session.api.sendText({ chatId: ADMIN, text: "/docs", languageCode: "en" });
    const list = await replyIn(ADMIN, () => true, at);
    expect(shown(list)).toMatch(
      /^Documents in the corpus \(2\):\n\n1\. assembly-26th-session\.txt — «.+», \d+ passages, \d+ KB\n2\. giraffes\.txt — «Жирафтар туралы жазба», 1 passage, 1 KB\n\n/,
    );
    expect(buttonsOf(list).find((b) => b.text === "🗑 2")).toBeDefined();
    const asked = mark();
    adminPresses(list, "🗑 2");
    const confirm = await replyIn(ADMIN, () => true, asked);
    expect(shown(confirm)).toMatch(/^Remove giraffes\.txt from the corpus\?/);
    adminPresses(confirm, "Remove");
    const edited = await session.api.waitFor(
      (c) => c.ok && c.method === "editMessageText" && shown(c).startsWith("Removed"),
    );
    expect(shown(edited)).toMatch(
      /^Removed giraffes\.txt\. The bot now answers from 1 document\(s\), \d+ passages\.$/,
    );
    expect(corpusFiles()).not.toContain("giraffes.txt");
    expect(readdirSync(join(session.workspace.dataDir, "removed-documents"))).toEqual([
      expect.stringMatching(/^\d{8}T\d{9}Z-giraffes\.txt$/),
    ]);
    expect(shown(await ask(chat(), GIRAFFE_QUESTION))).not.toContain("акация");
  });

  it("/remove refuses the last document", async () => {
    const at = mark();
    session.api.sendText({ chatId: ADMIN, text: "/remove assembly-26th-session.txt", languageCode: "en" });
    const confirm = await replyIn(ADMIN, () => true, at);
    adminPresses(confirm, "Remove");
    const edited = await session.api.waitFor(
      (c) => c.ok && c.method === "editMessageText" && shown(c).includes("only document"),
    );
    expect(shown(edited)).toBe(
      "assembly-26th-session.txt is the only document: add another one before removing it.",
    );
    expect(existsSync(join(session.workspace.corpusDir, "assembly-26th-session.txt"))).toBe(true);
  });

  it("anyone else gets the ordinary reply to a document, and 'unknown command' for /docs", async () => {
    const reader = chat();
    session.api.sendDocument({
      chatId: reader,
      fileName: "x.txt",
      bytes: new TextEncoder().encode(GIRAFFES),
      languageCode: "en",
    });
    const hint = await replyIn(reader);
    const messages = messagesFor("en", await loadExampleQuestions(session.workspace.corpusDir));
    expect(shown(hint)).toBe(htmlToVisibleText(messages.nonText));
    const at = mark();
    session.api.sendText({ chatId: reader, text: "/docs", languageCode: "en" });
    expect(shown(await replyIn(reader, () => true, at))).toBe(htmlToVisibleText(messages.unknownCommand));
    expect(readdirSync(session.workspace.corpusDir)).not.toContain("x.txt");
  });

  it("the admin commands are in the admins' command menu only", async () => {
    const api = new Api(session.api.token, { apiRoot: session.api.apiRoot });
    const names = (list: { command: string }[]) => list.map((c) => c.command);
    expect(names(await api.getMyCommands({ scope: { type: "chat", chat_id: ADMIN } }))).toEqual([
      "start",
      "help",
      "directives",
      "source",
      "docs",
      "remove",
    ]);
    expect(
      names(await api.getMyCommands({ scope: { type: "chat", chat_id: ADMIN }, language_code: "ru" })),
    ).toContain("docs");
    expect(names(await api.getMyCommands())).not.toContain("docs");
    expect(names(await api.getMyCommands({ language_code: "kk" }))).not.toContain("docs");
  });
});

describe("feedback", () => {
  let voted: RecordedCall;

  it("every answer carries 👍/👎; a press is thanked and marked", async () => {
    const chatId = chat();
    const answer = await ask(chatId, "Show me the fourth directive");
    const [up, down] = votesOf(answer);
    expect(up?.text).toBe("👍");
    expect(down?.text).toBe("👎");
    expect(down?.callback_data).toMatch(/^fb:-:[A-Za-z0-9_-]{11}:en$/);
    const id = session.api.pressButton({
      chatId,
      messageId: (answer.result as { message_id: number }).message_id,
      data: down?.callback_data ?? "",
    });
    const thanked = await session.api.waitFor(
      (c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === id,
    );
    expect(thanked.params.text).toBe("Thank you for the feedback!");
    const marked = await session.api.waitFor(
      (c) => c.ok && c.method === "editMessageReplyMarkup" && Number(c.params.chat_id) === chatId,
    );
    expect(votesOf(marked).map((b) => b.text)).toEqual(["👍", "👎 ✓"]);
    // Marking the vote leaves the other buttons ("more") as they were.
    const others = (call: RecordedCall) => buttonsOf(call).filter((b) => !b.callback_data.startsWith("fb:"));
    expect(others(marked)).toEqual(others(answer));
    voted = answer;
    const declined = await ask(chatId, "What is the weather in Paris tomorrow?");
    expect(votesOf(declined).map((b) => b.text)).toEqual(["👍", "👎"]);
  });

  it("npm run report shows the questions, the declined rate, the 👎 rate and which questions", async () => {
    const text = await report(["--days", "1"]);
    expect(text).toMatch(/^Feedback of the last 1 day \(since .* UTC\), from SQLite .*feedback\.sqlite\n/);
    expect(text).toMatch(/votes 👎\s+1\s/);
    expect(text).toMatch(/👎 rate \(of votes\)\s+100%/);
    expect(text).toContain("en     1×  Show me the fourth directive");
    expect(text).toContain("What is the weather in Paris tomorrow?");
    const json = JSON.parse(await report(["--json"])) as { figures: { all: { asked: number } } };
    expect(json.figures.all.asked).toBe(Number(/questions asked\s+(\d+)/.exec(text)?.[1]));
    expect(json.figures.all.asked).toBeGreaterThanOrEqual(4);
  });

  it("a vote on an answer from before a restart still counts; with STORE_QUESTIONS off no text is stored", async () => {
    session.bot.signalGroup("SIGTERM");
    expect((await session.bot.exited).code).toBe(0);
    const again = spawnBot({
      BOT_TOKEN: session.api.token,
      TELEGRAM_API_ROOT: session.api.apiRoot,
      ...env(),
      STORE_QUESTIONS: "false",
    });
    let stopped = false;
    try {
      await again.waitForLog((l) => l.msg === "bot started", 60_000);
      const chatId = Number(voted.params.chat_id);
      const up = votesOf(voted)[0];
      const at = mark();
      session.api.pressButton({
        chatId,
        messageId: (voted.result as { message_id: number }).message_id,
        data: up?.callback_data ?? "",
      });
      await session.api.waitFor(
        (c) => c.method === "answerCallbackQuery" && session.api.calls.indexOf(c) >= at,
      );
      await ask(chatId, "Who wrote the article?");
      // Votes and answers are stored in the background (a reply never waits for the database):
      // on a loaded machine the reply can come first. A clean stop writes what is pending.
      again.signalGroup("SIGTERM");
      expect((await again.exited).code).toBe(0);
      stopped = true;
      const store = feedbackStoreFor({ dataDir: session.workspace.dataDir, create: false });
      const summary = await store.summary(Date.now() - 3_600_000, 10);
      await store.close();
      expect(summary.votes.filter((v) => v.key === "down")).toEqual([]);
      expect(summary.votes).toEqual([{ language: "en", key: "up", count: 1 }]);
      const asked = summary.outcomes.reduce((n, row) => n + row.count, 0);
      expect(summary.questionsStored).toBe(asked - 1);
      expect(botStderrLines(again.stderr())).toEqual([]);
    } finally {
      if (!stopped) {
        again.signalGroup("SIGTERM");
        await again.exited;
      }
    }
  });
});
