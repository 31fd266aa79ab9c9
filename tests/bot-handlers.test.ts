import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, shown, startHarness, textOf } from "./support/bot-harness.js";
import {
  FAILING_QUESTION,
  LONG_ANSWER_QUESTION,
  SECOND_DIRECTIVE_QUESTION,
  SLOW_QUESTION,
  SPREAD_QUESTION,
  StubEngine,
} from "./support/bot-stub-engine.js";
import { htmlToVisibleText } from "./support/fake-bot-api-html.js";

let h: Harness;
let engine: StubEngine;
let nextChat = 1000;
/** A fresh private chat per test, so the per-user rate limit never couples tests. */
const chat = () => ++nextChat;

beforeAll(async () => {
  engine = new StubEngine();
  h = await startHarness(engine, { rateLimit: { max: 100, windowMs: 1000 } });
});

afterAll(async () => {
  await h.stop();
  // Telegram would have refused none of what the bot sent (injected failures aside).
  expect(h.api.rejected().filter((call) => !call.injected)).toEqual([]);
  expect(h.logs.join("")).not.toContain(h.api.token);
});

describe("questions in a private chat", () => {
  it("replies to the question with the quote, bold matches and a citation, in HTML without previews", async () => {
    const chatId = chat();
    const { message } = h.api.sendText({
      chatId,
      text: "Күш-жігерімізді қайда бағыттау керек?",
      languageCode: "kk",
    });
    const call = await h.reply(chatId);
    expect(call.params).toMatchObject({
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_parameters: { message_id: message.message_id },
    });
    expect(textOf(call)).toContain("<b>Күш-жігерімізді</b>");
    // A short citation: section · paragraphs · the document's short title, linked to the original.
    expect(shown(call)).toMatch(/\nТөртінші тапсырма · ¶18–19 · ҚХА XXVI сессиясы$/);
    expect(textOf(call)).toContain('<a href="https://example.kz/news/assembly-26">ҚХА XXVI сессиясы</a>');
  });

  it("quotes the one relevant passage and offers the others behind a 'more' button that works statelessly", async () => {
    const chatId = chat();
    h.api.sendText({ chatId, text: SPREAD_QUESTION, languageCode: "en" });
    const answer = await h.reply(chatId);
    expect(shown(answer).match(/¶/g)).toHaveLength(1);
    const keyboard = (
      answer.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard;
    expect(keyboard.flat()).toEqual([{ text: "Тағы 2 үзінді", callback_data: "more:kk:5ab1e0:9.0" }]);
    const messageId = (answer.result as { message_id: number }).message_id;
    const queryId = h.api.pressButton({ chatId, messageId, data: "more:kk:5ab1e0:9.0", languageCode: "en" });
    const more = await h.reply(chatId, (call) => call !== answer);
    expect(shown(more)).toMatch(
      /^ҚХА Төрағасының жаңа орынбасарлары[\s\S]*¶28–29 · ҚХА XXVI сессиясы\n\nБірінші/,
    );
    expect(more.params.reply_parameters).toMatchObject({ message_id: messageId });
    await h.api.waitFor(
      (call) => call.method === "answerCallbackQuery" && call.params.callback_query_id === queryId,
    );
    // The button is taken away once used.
    const edit = await h.api.waitFor((call) => call.ok && call.method === "editMessageReplyMarkup");
    expect(edit.params.message_id).toBe(messageId);
  });

  it("says so in an alert when a 'more' button outlived its corpus", async () => {
    const chatId = chat();
    h.api.sendText({ chatId, text: SPREAD_QUESTION, languageCode: "ru" });
    const answer = await h.reply(chatId);
    const manifest = engine.indexes.manifest as { corpusHash: string };
    const before = manifest.corpusHash;
    manifest.corpusHash = "0ddba11";
    try {
      const messageId = (answer.result as { message_id: number }).message_id;
      const queryId = h.api.pressButton({ chatId, messageId, data: "more:kk:5ab1e0:9.0" });
      const alert = await h.api.waitFor(
        (call) => call.method === "answerCallbackQuery" && call.params.callback_query_id === queryId,
      );
      expect(alert.params).toMatchObject({
        show_alert: true,
        text: expect.stringMatching(/^Мақала жаңартылды/),
      });
      expect(h.messagesTo(chatId)).toHaveLength(1);
    } finally {
      manifest.corpusHash = before;
    }
  });

  it("keeps markup in a question inert", async () => {
    const chatId = chat();
    h.api.sendText({ chatId, text: "<b>Төртінші</b> тапсырма <script>" });
    await h.reply(chatId);
    expect(engine.questions).toContain("<b>Төртінші</b> тапсырма <script>");
    expect(h.api.rejected("sendMessage")).toEqual([]);
  });

  it("says in the question's language that the article does not cover it", async () => {
    const chatId = chat();
    h.api.sendText({ chatId, text: "Какая погода в Париже?", languageCode: "en" });
    expect(shown(await h.reply(chatId))).toMatch(/^В статье об этом не говорится.*\/directives/s);
  });

  it("asks for words when the message has none", async () => {
    const chatId = chat();
    h.api.sendText({ chatId, text: " ?! ", languageCode: "ru" });
    expect(shown(await h.reply(chatId))).toMatch(/^Напишите вопрос словами/);
  });

  it("splits an answer over 4096 visible characters at passage boundaries, all replies in order", async () => {
    const chatId = chat();
    const { message } = h.api.sendText({ chatId, text: LONG_ANSWER_QUESTION });
    await h.reply(chatId, (call) => shown(call).includes("мәтіні. 9\n"));
    const sent = h.messagesTo(chatId);
    expect(sent.length).toBeGreaterThan(1);
    for (const call of sent) {
      expect(htmlToVisibleText(textOf(call)).length).toBeLessThanOrEqual(4096);
      expect(call.params.reply_parameters).toMatchObject({ message_id: message.message_id });
      expect(textOf(call).startsWith("<blockquote")).toBe(true);
    }
    expect(
      sent
        .map(shown)
        .join("\n")
        .match(/Ұзын сөйлем мәтіні\. \d/g),
    ).toHaveLength(10);
  });

  it("answers a very long message from its first part, with a note", async () => {
    const chatId = chat();
    h.api.sendText({ chatId, text: `Күш-жігерімізді ${"қайталау ".repeat(600)}`, languageCode: "kk" });
    const call = await h.reply(chatId);
    expect(shown(call)).toMatch(/^ℹ️ Хабарламаңыз тым ұзын/);
    expect(shown(call)).toContain("Күш-жігерімізді");
  });
});

describe("edited questions", () => {
  it("answers the edited question again, editing the earlier answer in place", async () => {
    const chatId = chat();
    const { message } = h.api.sendText({ chatId, text: SPREAD_QUESTION, languageCode: "en" });
    const first = await h.reply(chatId);
    const answerId = (first.result as { message_id: number }).message_id;
    h.api.editText({ chatId, messageId: message.message_id, text: SECOND_DIRECTIVE_QUESTION });
    const edit = await h.api.waitFor((call) => call.ok && call.method === "editMessageText");
    expect(edit.params).toMatchObject({ chat_id: chatId, message_id: answerId, parse_mode: "HTML" });
    expect(htmlToVisibleText(String(edit.params.text))).toMatch(/^Екінші\nТапсырма мәтіні 2/);
    // The new answer has nothing behind "more": the old button goes.
    expect(edit.params.reply_markup).toEqual({ inline_keyboard: [] });
    expect(h.messagesTo(chatId)).toHaveLength(1);
  });

  it("replies anew when it cannot edit: an answer that now needs more messages, or one it does not know", async () => {
    const chatId = chat();
    const { message } = h.api.sendText({ chatId, text: "Тварионас кім?" });
    await h.reply(chatId);
    h.api.editText({ chatId, messageId: message.message_id, text: LONG_ANSWER_QUESTION });
    await h.reply(chatId, (call) => shown(call).includes("мәтіні. 9\n"));
    const sent = h.messagesTo(chatId);
    expect(sent.length).toBeGreaterThan(2);
    for (const call of sent)
      expect(call.params.reply_parameters).toMatchObject({ message_id: message.message_id });
    // In a group, chatter the bot ignored, edited to mention it: nothing to edit, so a new reply.
    const group = -2002;
    const chatter = h.api.sendText({ chatId: group, userId: 90, text: "Тварионас кім екен" });
    h.api.editText({
      chatId: group,
      messageId: chatter.message.message_id,
      text: "@test_doc_bot Тварионас кім?",
      entities: [{ type: "mention", offset: 0, length: 13 }],
    });
    const reply = await h.reply(group);
    expect(shown(reply)).toContain("Тварионас");
    expect(reply.params.reply_parameters).toMatchObject({ message_id: chatter.message.message_id });
  });

  it("asks for words when a question is edited into none", async () => {
    const chatId = chat();
    const { message } = h.api.sendText({ chatId, text: "Тварионас кім?", languageCode: "en" });
    await h.reply(chatId);
    h.api.editText({ chatId, messageId: message.message_id, text: "???" });
    const edit = await h.api.waitFor(
      (call) => call.ok && call.method === "editMessageText" && Number(call.params.chat_id) === chatId,
    );
    expect(htmlToVisibleText(String(edit.params.text))).toMatch(/^Please write your question in words/);
  });
});

describe("non-text messages", () => {
  it("answers stickers, photos without caption and voice with a hint in the user's language", async () => {
    const chatId = chat();
    h.api.sendSticker({ chatId, languageCode: "ru" });
    h.api.sendPhoto({ chatId, languageCode: "ru" });
    h.api.sendVoice({ chatId, languageCode: "ru" });
    await h.reply(chatId, () => h.messagesTo(chatId).length === 3);
    for (const call of h.messagesTo(chatId))
      expect(shown(call)).toMatch(/^Я понимаю только вопросы, написанные текстом/);
  });

  it("treats a caption as the question", async () => {
    const chatId = chat();
    h.api.sendPhoto({ chatId, caption: "Тварионас кім?" });
    expect(shown(await h.reply(chatId))).toContain("Тварионас");
  });
});

describe("groups", () => {
  it("ignores chatter, answers mentions (without the mention) and replies to the bot", async () => {
    const group = -2001;
    h.api.sendText({ chatId: group, userId: 77, text: "Күш-жігерімізді туралы өзара сөйлесіп жатырмыз" });
    const mention = h.api.sendText({
      chatId: group,
      userId: 78,
      text: "@test_doc_bot Тварионас кім?",
      entities: [{ type: "mention", offset: 0, length: 13 }],
    });
    const answer = await h.reply(group);
    expect(answer.params.reply_parameters).toMatchObject({ message_id: mention.message.message_id });
    expect(engine.questions).toContain("Тварионас кім?");
    const botMessageId = (answer.result as { message_id: number }).message_id;
    h.api.sendText({ chatId: group, userId: 79, text: "Күш-жігерімізді қайда?", replyTo: botMessageId });
    await h.reply(group, (call) => shown(call).includes("Күш-жігерімізді"));
    h.api.sendText({ chatId: group, userId: 80, text: "/help@other_bot" });
    h.api.sendText({ chatId: group, userId: 80, text: "/weather" });
    h.api.sendText({ chatId: group, userId: 80, text: "/help@test_doc_bot" });
    await h.reply(group, (call) => shown(call).includes("@test_doc_bot"));
    h.api.sendText({ chatId: group, userId: 80, text: "/weather@test_doc_bot" });
    await h.reply(group, (call) => shown(call).startsWith("Мұндай команда жоқ"));
    expect(h.messagesTo(group)).toHaveLength(4);
    const ignored = h.records().filter((r) => r.outcome === "ignored:group-chatter");
    expect(ignored.length).toBeGreaterThanOrEqual(2);
  });
});

describe("commands and buttons", () => {
  it("/start and /help speak the user's language", async () => {
    const chatId = chat();
    h.api.sendText({ chatId, text: "/start", languageCode: "en" });
    expect(shown(await h.reply(chatId))).toMatch(/^Hello! I answer questions about the article/);
    h.api.sendText({ chatId, text: "/help", languageCode: "ru" });
    expect(shown(await h.reply(chatId, (call) => shown(call).startsWith("Задайте")))).toContain(
      "О чём четвёртое поручение?",
    );
  });

  it("/directives lists eight directives with buttons; button 4 shows the directive in full", async () => {
    const chatId = chat();
    h.api.sendText({ chatId, text: "/directives", languageCode: "kk" });
    const list = await h.reply(chatId);
    expect(
      shown(list)
        .split("\n")
        .filter((line) => /^\d\. /.test(line)),
    ).toHaveLength(8);
    const keyboard = (list.params.reply_markup as { inline_keyboard: { callback_data: string }[][] })
      .inline_keyboard;
    expect(keyboard.flat().map((b) => b.callback_data)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `dir:${n}`),
    );
    const messageId = (list.result as { message_id: number }).message_id;
    const queryId = h.api.pressButton({ chatId, messageId, data: "dir:4", languageCode: "en" });
    await h.api.waitFor(
      (call) => call.method === "answerCallbackQuery" && call.params.callback_query_id === queryId,
    );
    const full = await h.reply(chatId, (call) => shown(call).includes("Күш-жігерімізді"));
    expect(shown(full)).toMatch(/^Төртінші\nТапсырма мәтіні 4 <бір> & екі\.\nКүш-жігерімізді/);
    expect(shown(full)).toMatch(/\nDirective 4 · ¶16–19 · XXVI session of the Assembly$/);
    expect(full.params.reply_parameters).toMatchObject({ message_id: messageId });
  });

  it("/source names the document by its short title, linked, with author and passage count, and the search in plain words", async () => {
    const chatId = chat();
    h.api.sendText({ chatId, text: "/source", languageCode: "en" });
    const call = await h.reply(chatId);
    const text = shown(call);
    expect(text).toContain("• «XXVI session of the Assembly» — by Бағдагүл Балаубаева; 10 passages");
    expect(textOf(call)).toContain('<a href="https://example.kz/news/assembly-26">');
    expect(text).toContain("search by meaning (a language model) is off right now");
    expect(text).not.toMatch(/legs|keyword|dense|0\.\d\d/);
  });

  it("/start names the article by its short title, not its first sentence", async () => {
    const chatId = chat();
    h.api.sendText({ chatId, text: "/start", languageCode: "ru" });
    const text = shown(await h.reply(chatId));
    expect(text).toMatch(/^Здравствуйте! Я отвечаю на вопросы по статье «ҚХА XXVI сессиясы»/);
    expect(text).toContain("/directives — 8 поручений из статьи");
  });
});

describe("inline mode", () => {
  it("offers passages as articles sending quote and citation, and the directives for an empty query", async () => {
    const queryId = h.api.inlineQuery({ userId: 5001, query: "Тварионас кім?" });
    const answered = await h.api.waitFor(
      (call) => call.method === "answerInlineQuery" && call.params.inline_query_id === queryId,
    );
    const results = answered.params.results as {
      input_message_content: { message_text: string; parse_mode: string };
    }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.input_message_content.parse_mode).toBe("HTML");
    expect(htmlToVisibleText(results[0]?.input_message_content.message_text ?? "")).toMatch(
      /Тварионас[\s\S]*\n¶28–29 · ҚХА XXVI сессиясы$/,
    );
    const emptyId = h.api.inlineQuery({ userId: 5001, query: "", languageCode: "ru" });
    const empty = await h.api.waitFor(
      (call) => call.method === "answerInlineQuery" && call.params.inline_query_id === emptyId,
    );
    const titles = (empty.params.results as { title: string }[]).map((r) => r.title);
    expect(titles).toHaveLength(8);
    expect(titles[3]).toBe("Поручение №4 · ¶16–17");
  });
});

describe("faults", () => {
  it("retries a 429 from sendMessage after retry_after", async () => {
    const chatId = chat();
    h.api.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    h.api.sendText({ chatId, text: "Тварионас кім?" });
    const call = await h.reply(chatId);
    expect(shown(call)).toContain("Тварионас");
    expect(h.api.calls.some((c) => c.injected && c.error?.error_code === 429)).toBe(true);
  });

  it("apologises in the user's language when a handler fails, and logs the update id", async () => {
    const chatId = chat();
    const { update_id } = h.api.sendText({ chatId, text: FAILING_QUESTION, languageCode: "en" });
    expect(shown(await h.reply(chatId))).toMatch(/^Sorry, something went wrong/);
    const failure = h.records().find((r) => r.msg === "handler failed" && r.update === update_id);
    expect(failure?.error).toContain("engine exploded");
  });

  it("keeps replies in one chat in order while other chats go ahead", async () => {
    const slowChat = chat();
    const otherChat = chat();
    h.api.sendText({ chatId: slowChat, text: SLOW_QUESTION });
    h.api.sendText({ chatId: slowChat, text: "Тварионас кім?" });
    h.api.sendText({ chatId: otherChat, text: "Тварионас кім?" });
    await h.reply(slowChat, () => h.messagesTo(slowChat).length === 2);
    const [first, second] = h.messagesTo(slowChat);
    if (first === undefined || second === undefined) throw new Error("expected two replies");
    expect(shown(first)).toMatch(/^Мақалада бұл туралы айтылмайды/);
    expect(shown(second)).toContain("Тварионас");
    const other = h.messagesTo(otherChat)[0];
    expect(other?.at).toBeLessThan(first.at);
  });
});

describe("update log", () => {
  it("writes one line per update with id, chat type, latency, passages and abstention, but no question at info", async () => {
    const chatId = chat();
    const { update_id } = h.api.sendText({ chatId, text: "Тварионас кім?" });
    await h.reply(chatId);
    await expect
      .poll(() => h.records().filter((r) => r.update === update_id && r.msg === "update"))
      .toHaveLength(1);
    const line = h.records().find((r) => r.update === update_id && r.msg === "update");
    expect(line).toMatchObject({
      kind: "message",
      chat: "private",
      passages: 1,
      abstained: false,
      outcome: "answered",
    });
    expect(typeof line?.ms).toBe("number");
    expect(line).not.toHaveProperty("question");
    expect(h.logs.join("")).not.toContain("Тварионас кім");
  });
});
