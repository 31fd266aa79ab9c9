import { Api, Bot, GrammyError } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeBotApi } from "./support/fake-bot-api.js";

const CHAT = 4242;

let fake: FakeBotApi;
let api: Api;

beforeEach(async () => {
  fake = await FakeBotApi.start();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
});

afterEach(async () => {
  await fake.close();
});

/** POSTs like a non-grammY client would, returning the HTTP status and the parsed JSON. */
async function post(path: string, body?: string | URLSearchParams, contentType = "application/json") {
  const response = await fetch(`${fake.apiRoot}${path}`, {
    method: "POST",
    headers: { "content-type": contentType },
    body: body ?? null,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

function rejection(code: number, description: string) {
  return { error_code: code, description: expect.stringContaining(description) };
}

describe("FakeBotApi basics", () => {
  it("generates a well-formed token and answers getMe", async () => {
    expect(fake.token).toMatch(/^\d{9}:AAE[A-Za-z0-9_-]{32}$/);
    const me = await api.getMe();
    expect(me).toMatchObject({ id: fake.botUser.id, is_bot: true, username: "test_doc_bot" });
    const raw = await fetch(`${fake.apiRoot}/bot${fake.token}/getMe`);
    expect(await raw.json()).toEqual({ ok: true, result: fake.botUser });
  });

  it("answers 401 for a wrong token and 404 for an unknown method or path", async () => {
    expect(await post("/bot123:wrong/getMe")).toEqual({
      status: 401,
      json: { ok: false, error_code: 401, description: "Unauthorized" },
    });
    const notFound = { status: 404, json: { ok: false, error_code: 404, description: "Not Found" } };
    expect(await post(`/bot${fake.token}/sendTelepathy`)).toEqual(notFound);
    expect(await post("/favicon.ico")).toEqual(notFound);
    expect(fake.rejected().map((call) => call.error?.error_code)).toEqual([401, 404, 404]);
  });

  it("reads form and query parameters, parsing JSON-encoded objects", async () => {
    fake.sendText({ chatId: CHAT, text: "hi" });
    const markup = JSON.stringify({ inline_keyboard: [[{ text: "More", callback_data: "more" }]] });
    const form = new URLSearchParams({ chat_id: String(CHAT), text: "answer", reply_markup: markup });
    const sent = await post(`/bot${fake.token}/sendMessage`, form, "application/x-www-form-urlencoded");
    expect(sent.json).toMatchObject({
      ok: true,
      result: { text: "answer", chat: { id: CHAT, type: "private" } },
    });
    expect(fake.sent("sendMessage")[0]?.params.reply_markup).toEqual(JSON.parse(markup));
    const polled = await fetch(`${fake.apiRoot}/bot${fake.token}/getUpdates?offset=0&limit=1`);
    expect(await polled.json()).toMatchObject({
      ok: true,
      result: [{ update_id: 1, message: { text: "hi" } }],
    });
  });
});

describe("getUpdates long polling", () => {
  it("returns as soon as an update is pushed, and keeps it until confirmed by offset", async () => {
    const polling = api.getUpdates({ timeout: 30 });
    await fake.waitForPolling();
    const pushed = fake.sendText({ chatId: CHAT, text: "сәлем", languageCode: "kk" });
    const [update] = await polling;
    expect(update).toEqual(pushed);
    expect(update?.message?.from).toMatchObject({ id: CHAT, is_bot: false, language_code: "kk" });
    expect(await api.getUpdates({ timeout: 0 })).toEqual([pushed]);
    expect(await api.getUpdates({ offset: pushed.update_id + 1, timeout: 0 })).toEqual([]);
    const next = fake.sendText({ chatId: CHAT, text: "again" });
    expect(await api.getUpdates({ timeout: 0 })).toEqual([next]);
  });

  it("answers [] when the timeout passes without updates", async () => {
    expect(await api.getUpdates({ timeout: 1 })).toEqual([]);
  });

  it("honours limit and ends an older concurrent poll with 409 Conflict", async () => {
    for (const text of ["a", "b", "c"]) fake.sendText({ chatId: CHAT, text });
    expect((await api.getUpdates({ limit: 2 })).map((u) => u.message?.text)).toEqual(["a", "b"]);
    const first = api.getUpdates({ offset: 4, timeout: 30 });
    await fake.waitForPolling();
    const second = api.getUpdates({ offset: 4, timeout: 30 });
    await expect(first).rejects.toMatchObject(rejection(409, "terminated by other getUpdates request"));
    fake.sendText({ chatId: CHAT, text: "d" });
    expect((await second).map((u) => u.message?.text)).toEqual(["d"]);
  });

  it("close() answers a pending poll with []", async () => {
    const polling = api.getUpdates({ timeout: 30 });
    await fake.waitForPolling();
    await fake.close();
    expect(await polling).toEqual([]);
  });
});

describe("sendMessage validation", () => {
  beforeEach(() => {
    fake.sendText({ chatId: CHAT, text: "question" });
  });

  it("counts the length after stripping HTML tags and decoding entities", async () => {
    const fits = `<b>${"a".repeat(4000)}</b><i>${"&lt;".repeat(96)}</i>`; // 4096 visible, 4402 raw
    const sent = await api.sendMessage(CHAT, fits, { parse_mode: "HTML" });
    expect(sent.text).toBe(`${"a".repeat(4000)}${"<".repeat(96)}`);
    await expect(
      api.sendMessage(CHAT, `<b>${"a".repeat(4097)}</b>`, { parse_mode: "HTML" }),
    ).rejects.toMatchObject(rejection(400, "Bad Request: message is too long"));
    await expect(api.sendMessage(CHAT, "😀".repeat(2049))).rejects.toMatchObject(rejection(400, "too long"));
  });

  it("rejects empty text and unknown chats", async () => {
    await expect(api.sendMessage(CHAT, "")).rejects.toMatchObject(
      rejection(400, "Bad Request: message text is empty"),
    );
    await expect(api.sendMessage(CHAT, "<b> </b>", { parse_mode: "HTML" })).rejects.toMatchObject(
      rejection(400, "message text is empty"),
    );
    await expect(api.sendMessage(999, "hi")).rejects.toMatchObject(
      rejection(400, "Bad Request: chat not found"),
    );
  });

  it.each([
    ["an unsupported tag", "line<br>break", 'Unsupported start tag "br"'],
    ["unbalanced tags", "<b><i>x</b></i>", 'expected "</i>", found "</b>"'],
    ["an unclosed tag", "<b>x", 'Can\'t find end tag corresponding to start tag "b"'],
    ["a bare <", "1 < 2", 'Unescaped "<"'],
    ["a bare &", "Q&A", 'Unescaped "&"'],
    ["an unknown named entity", "a&nbsp;b", "Unsupported entity"],
    ["a span without the spoiler class", '<span class="x">s</span>', 'must have class "tg-spoiler"'],
  ])("rejects %s", async (_name, html, detail) => {
    await expect(api.sendMessage(CHAT, html, { parse_mode: "HTML" })).rejects.toMatchObject(
      rejection(400, detail),
    );
    const [call] = fake.rejected("sendMessage");
    expect(call?.error?.description).toMatch(/^Bad Request: can't parse entities: /);
  });

  it("accepts every tag Telegram supports", async () => {
    const html = [
      "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>i</ins><s>s</s><strike>s</strike><del>d</del>",
      '<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler><a href="https://kaz.example/?a=1&b=2">link</a>',
      '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji><code>c</code>',
      '<pre><code class="language-ts">const a = 1 &amp;&amp; 2;</code></pre>',
      "<blockquote expandable>Дәйексөз &quot;1&quot; &#8212; &#x1F600;</blockquote><blockquote>q</blockquote>",
    ].join("\n");
    const sent = await api.sendMessage(CHAT, html, { parse_mode: "HTML" });
    expect(sent.text).toContain('Дәйексөз "1" — 😀');
    expect(fake.rejected()).toEqual([]);
  });
});

describe("other methods", () => {
  it("edits bot messages and refuses edits that change nothing", async () => {
    fake.sendText({ chatId: CHAT, text: "question" });
    const sent = await api.sendMessage(CHAT, "draft");
    await expect(api.editMessageText(CHAT, sent.message_id, "draft")).rejects.toMatchObject(
      rejection(400, "message is not modified"),
    );
    const edited = await api.editMessageText(CHAT, sent.message_id, "final");
    expect(edited).toMatchObject({
      message_id: sent.message_id,
      text: "final",
      edit_date: expect.any(Number),
    });
    await expect(api.editMessageText(CHAT, 9999, "x")).rejects.toMatchObject(
      rejection(400, "message to edit not found"),
    );
  });

  it("issues callback queries for bot buttons and accepts one answer each", async () => {
    fake.sendText({ chatId: CHAT, text: "question" });
    const keyboard = { inline_keyboard: [[{ text: "Source", callback_data: "src:1" }]] };
    const sent = await api.sendMessage(CHAT, "answer", { reply_markup: keyboard });
    expect(() =>
      fake.pressButton({ chatId: CHAT, userId: CHAT, messageId: sent.message_id, data: "nope" }),
    ).toThrow(/no button "nope"/);
    const queryId = fake.pressButton({
      chatId: CHAT,
      userId: CHAT,
      messageId: sent.message_id,
      data: "src:1",
    });
    const updates = await api.getUpdates();
    expect(updates.map((u) => Object.keys(u)[1])).toEqual(["message", "callback_query"]);
    expect(updates[1]?.callback_query).toMatchObject({
      id: queryId,
      data: "src:1",
      message: { message_id: sent.message_id },
    });
    expect(await api.answerCallbackQuery(queryId)).toBe(true);
    const stale = "Bad Request: query is too old and response timeout expired or query ID is invalid";
    await expect(api.answerCallbackQuery(queryId)).rejects.toMatchObject(rejection(400, stale));
    await expect(api.answerCallbackQuery("123")).rejects.toMatchObject(rejection(400, stale));
    await expect(
      api.sendMessage(CHAT, "x", {
        reply_markup: { inline_keyboard: [[{ text: "t", callback_data: "d".repeat(65) }]] },
      }),
    ).rejects.toMatchObject(rejection(400, "BUTTON_DATA_INVALID"));
  });

  it("validates inline query answers", async () => {
    const queryId = fake.inlineQuery({ userId: CHAT, query: "Абай" });
    const article = (id: string) => ({
      type: "article" as const,
      id,
      title: id,
      input_message_content: { message_text: id },
    });
    const many = Array.from({ length: 51 }, (_, i) => article(`r${i}`));
    await expect(api.answerInlineQuery(queryId, many)).rejects.toMatchObject(
      rejection(400, "RESULTS_TOO_MUCH"),
    );
    await expect(api.answerInlineQuery(queryId, [article("a"), article("a")])).rejects.toMatchObject(
      rejection(400, "RESULT_ID_DUPLICATE"),
    );
    await expect(api.answerInlineQuery(queryId, [article("x".repeat(65))])).rejects.toMatchObject(
      rejection(400, "RESULT_ID_INVALID"),
    );
    expect(await api.answerInlineQuery(queryId, many.slice(0, 50))).toBe(true);
  });

  it("stores commands and descriptions, and rejects invalid actions", async () => {
    fake.sendText({ chatId: CHAT, text: "question" });
    const commands = [{ command: "start", description: "Бастау" }];
    expect(await api.setMyCommands(commands)).toBe(true);
    expect(await api.getMyCommands()).toEqual(commands);
    await expect(api.setMyCommands([{ command: "Start", description: "x" }])).rejects.toMatchObject(
      rejection(400, "BOT_COMMAND_INVALID"),
    );
    expect(await api.setMyDescription("Сұрақ қойыңыз")).toBe(true);
    expect(await api.getMyDescription()).toEqual({ description: "Сұрақ қойыңыз" });
    expect(await api.sendChatAction(CHAT, "typing")).toBe(true);
    expect(await api.deleteWebhook()).toBe(true);
    expect(await api.getWebhookInfo()).toMatchObject({ url: "", pending_update_count: 1 });
  });
});

describe("fault injection and waiting", () => {
  it("fails the next N calls of a method with the given error", async () => {
    fake.sendText({ chatId: CHAT, text: "question" });
    fake.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    const error = await api.sendMessage(CHAT, "first").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    expect((await api.sendMessage(CHAT, "second")).text).toBe("second");
    expect(fake.calls.filter((c) => c.method === "sendMessage").map((c) => [c.ok, c.injected])).toEqual([
      [false, true],
      [true, undefined],
    ]);
  });

  it("waitFor resolves with past or future calls and explains timeouts", async () => {
    fake.sendText({ chatId: CHAT, text: "question" });
    await api.sendChatAction(CHAT, "typing");
    expect((await fake.waitFor((c) => c.method === "sendChatAction")).params.action).toBe("typing");
    const waiting = fake.waitFor((c) => c.method === "sendMessage" && c.params.text === "later");
    await api.sendMessage(CHAT, "later");
    expect((await waiting).result).toMatchObject({ text: "later", from: { id: fake.botUser.id } });
    await expect(fake.waitFor((c) => c.method === "deleteMessage", 20)).rejects.toThrow(
      /timed out after 20 ms[\s\S]*sendMessage \{"chat_id":4242,"text":"later"\} → ok/,
    );
  });
});

describe("grammY Bot against the fake", () => {
  it("polls, receives a text and replies", async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bot.command("start", (ctx) => ctx.reply("Сәлеметсіз бе!"));
    bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    const running = bot.start();
    fake.sendText({ chatId: CHAT, text: "Абай кім?" });
    fake.sendText({ chatId: CHAT, text: "/start" });
    const echo = await fake.waitFor((c) => c.method === "sendMessage" && c.params.text === "echo: Абай кім?");
    expect(echo.params.chat_id).toBe(CHAT);
    await fake.waitFor((c) => c.method === "sendMessage" && c.params.text === "Сәлеметсіз бе!");
    await bot.stop();
    await running;
    expect(fake.rejected()).toEqual([]);
    expect(fake.sent().map((c) => c.method)).toEqual([
      "getMe",
      "deleteWebhook",
      "sendMessage",
      "sendMessage",
    ]);
  });
});

describe("files users send", () => {
  it("a sent document is had through getFile and a download with the token, like from Telegram", async () => {
    const bytes = new TextEncoder().encode("Жаңа құжат\nМәтін.\n");
    const { message } = fake.sendDocument({ chatId: CHAT, fileName: "new.txt", bytes });
    expect(message.document).toMatchObject({ file_name: "new.txt", file_size: bytes.byteLength });
    const file = await api.getFile(message.document?.file_id ?? "");
    expect(file.file_path).toMatch(/^documents\//);
    const download = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    expect((await fetch(`${fake.apiRoot}/file/bot123:wrong/${file.file_path}`)).status).toBe(401);
    expect((await fetch(`${fake.apiRoot}/file/bot${fake.token}/documents/nothing.txt`)).status).toBe(404);
    await expect(api.getFile("no-such-file")).rejects.toThrow(/invalid file_id/);
  });
});
