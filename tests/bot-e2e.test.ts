/**
 * End to end: the bot as `npm start` runs it, against the fake Bot API, with the real engine and
 * article. One bot process serves every test here (each test writes from its own chat, so the
 * per-user rate limit never couples them); the last test stops it with SIGTERM to its process group.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagesFor } from "../src/bot/i18n.js";
import { loadExampleQuestions } from "../src/corpus/index.js";
import { type BotProcess, botStderrLines } from "./support/bot-process.js";
import { type BotSession, startBotSession } from "./support/bot-session.js";
import type { FakeBotApi, RecordedCall } from "./support/fake-bot-api.js";
import { htmlToVisibleText } from "./support/fake-bot-api-html.js";

let session: BotSession;
let api: FakeBotApi;
let bot: BotProcess;
let nextChat = 5000;
const chat = () => ++nextChat;

const shown = (call: RecordedCall) => String((call.result as { text?: string } | undefined)?.text ?? "");
const sentTo = (chatId: number) =>
  api.sent("sendMessage").filter((call) => Number(call.params.chat_id) === chatId);
const replyIn = (
  chatId: number,
  predicate: (call: RecordedCall) => boolean = () => true,
  timeoutMs = 15_000,
) =>
  api.waitFor(
    (call) =>
      call.ok && call.method === "sendMessage" && Number(call.params.chat_id) === chatId && predicate(call),
    timeoutMs,
  );

beforeAll(async () => {
  session = await startBotSession();
  ({ api, bot } = session);
}, 150_000);

afterAll(async () => {
  await session?.stop();
});

describe("answers with cited passages", () => {
  it("Kazakh: «Төртінші тапсырмада не айтылған?» quotes the fourth directive, as a reply", async () => {
    const chatId = chat();
    const { message } = api.sendText({
      chatId,
      text: "Төртінші тапсырмада не айтылған?",
      languageCode: "kk",
    });
    const call = await replyIn(chatId);
    expect(call.params).toMatchObject({
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_parameters: { message_id: message.message_id },
    });
    expect(shown(call)).toMatch(/^Төртінші\nҚХА-ның «Жаңғыру жолы»/);
    expect(shown(call)).toContain(
      "\nТөртінші тапсырма · ¶36–38 · Қазақстан халқы Ассамблеясының XXVI сессиясы",
    );
    expect(call.result).toMatchObject({
      reply_to_message: { message_id: message.message_id },
      chat: { id: chatId },
    });
  });

  it("Russian: «О чём четвёртое поручение?» puts the «Жаңғыру жолы» directive first, cited in Russian", async () => {
    const chatId = chat();
    api.sendText({ chatId, text: "О чём четвёртое поручение?", languageCode: "ru" });
    const call = await replyIn(chatId);
    expect(shown(call).split("\nПоручение №4 · ")[0]).toContain("Жаңғыру жолы");
    expect(shown(call)).toContain("\nПоручение №4 · ¶36–38 · XXVI сессия Ассамблеи народа Казахстана");
  });

  it("English: «Show me the fourth directive» puts the «Жаңғыру жолы» directive first, cited in English", async () => {
    const chatId = chat();
    api.sendText({ chatId, text: "Show me the fourth directive", languageCode: "kk" });
    const call = await replyIn(chatId);
    expect(shown(call).split("\nDirective 4 · ")[0]).toContain("Жаңғыру жолы");
    expect(shown(call)).toContain(
      "\nDirective 4 · ¶36–38 · XXVI session of the Assembly of People of Kazakhstan",
    );
  });

  it("names the new deputy chairs for «ҚХА Төрағасының жаңа орынбасарлары кімдер?», matches in bold", async () => {
    const chatId = chat();
    api.sendText({ chatId, text: "ҚХА Төрағасының жаңа орынбасарлары кімдер?" });
    const call = await replyIn(chatId);
    expect(shown(call)).toMatch(
      /^• Виталий Ионо Тварионас — «Lituanica» қоғамдық бірлестігінің төрағасы\n• Исламбек/,
    );
    expect(String(call.params.text)).toMatch(/<b>орынбасарлары<\/b>/);
  });

  it("answers 'who spoke besides the President?' with the other speakers, short enough for a phone", async () => {
    const chatId = chat();
    api.sendText({ chatId, text: "Who spoke besides the President?", languageCode: "en" });
    const call = await replyIn(chatId);
    const text = shown(call);
    expect(text).toMatch(/^• Н\.Романова — /);
    expect(text.split("\n").filter((line) => line.startsWith("• "))).toHaveLength(5);
    expect(text).toContain("…and 7 more, in the quote below");
    expect(text.split("<blockquote")[0]).not.toContain("Назарбаев");
    expect(sentTo(chatId)).toHaveLength(1);
  });

  it("leads 'where should the House of Friendship open' with the palace, whole, in bold", async () => {
    const chatId = chat();
    api.sendText({ chatId, text: "where should the House of Friendship open", languageCode: "en" });
    const call = await replyIn(chatId);
    expect(String(call.params.text)).toMatch(
      /^Ол үшін <b>Бейбітшілік және келісім сарайы<\/b> қолайлы болады/,
    );
    expect(shown(call)).toContain(
      "\nDirective 6 · ¶43–48 · XXVI session of the Assembly of People of Kazakhstan",
    );
  });

  it("answers an edited question again, in place of the earlier answer", async () => {
    const chatId = chat();
    const { message } = api.sendText({ chatId, text: "Бірінші тапсырмада не айтылған?", languageCode: "kk" });
    const first = await replyIn(chatId);
    api.editText({ chatId, messageId: message.message_id, text: "Төртінші тапсырмада не айтылған?" });
    const edit = await api.waitFor(
      (c) => c.ok && c.method === "editMessageText" && Number(c.params.chat_id) === chatId,
      15_000,
    );
    expect(edit.params.message_id).toBe((first.result as { message_id: number }).message_id);
    expect(htmlToVisibleText(String(edit.params.text))).toMatch(/^Төртінші\nҚХА-ның «Жаңғыру жолы»/);
    expect(sentTo(chatId)).toHaveLength(1);
  });

  it("escapes markup typed into a question", async () => {
    const chatId = chat();
    api.sendText({ chatId, text: "<b>Төртінші</b> тапсырма <script>" });
    const call = await replyIn(chatId);
    expect(shown(call)).toContain("Жаңғыру жолы");
    expect(api.rejected("sendMessage")).toEqual([]);
  });

  it("says plainly when the article does not cover a question", async () => {
    const chatId = chat();
    api.sendText({ chatId, text: "Какая завтра погода в Париже?" });
    const call = await replyIn(chatId);
    expect(shown(call)).toMatch(/^В статье об этом не говорится/);
    expect(String(call.params.text)).not.toContain("<blockquote");
  });
});

describe("the example questions the bot suggests", () => {
  it("are all answered with quotes, in every language", async () => {
    const examples = await loadExampleQuestions("corpus");
    for (const language of ["kk", "ru", "en"] as const) {
      expect(examples[language].length, language).toBeGreaterThan(0);
      expect(messagesFor(language, examples).help("bot")).toContain(examples[language][0]);
      for (const example of examples[language]) {
        const chatId = chat();
        api.sendText({ chatId, text: example, languageCode: language });
        const call = await replyIn(chatId);
        expect(String(call.params.text), example).toContain("<blockquote");
      }
    }
  });
});

describe("bad inputs", () => {
  it("hints on stickers, photos without caption and voice; answers a caption", async () => {
    const chatId = chat();
    api.sendSticker({ chatId, languageCode: "en" });
    api.sendPhoto({ chatId, languageCode: "en" });
    api.sendVoice({ chatId, languageCode: "en" });
    await replyIn(chatId, () => sentTo(chatId).length >= 3);
    for (const call of sentTo(chatId))
      expect(shown(call)).toMatch(/^I only understand questions written as text/);
    api.sendPhoto({ chatId, caption: "Төртінші тапсырмада не айтылған?", languageCode: "en" });
    expect(shown(await replyIn(chatId, (call) => shown(call).includes("Жаңғыру")))).toContain(
      "\nТөртінші тапсырма · ¶36–38",
    );
  });

  it("answers a 5000-character message from its first part, with a note", async () => {
    const chatId = chat();
    const text = `Төртінші тапсырмада не айтылған? ${"Сұрақ. ".repeat(800)}`.slice(0, 5000);
    api.sendText({ chatId, text });
    const call = await replyIn(chatId);
    expect(shown(call)).toMatch(/^ℹ️ Хабарламаңыз тым ұзын/);
  });

  it.each([" ?! … ", "???", "🙂"])(
    "asks for words when a message has none (%j), quoting nothing",
    async (text) => {
      const chatId = chat();
      api.sendText({ chatId, text, languageCode: "ru" });
      const call = await replyIn(chatId);
      expect(String(call.params.text)).not.toContain("<blockquote");
      expect(shown(call)).toMatch(/^Напишите вопрос словами\. Например:/);
    },
  );
});

describe("commands, buttons and inline mode", () => {
  it("/start and /help answer in the user's language", async () => {
    const chatId = chat();
    api.sendText({ chatId, text: "/start", languageCode: "ru" });
    expect(shown(await replyIn(chatId))).toMatch(/^Здравствуйте! Я отвечаю на вопросы по статье/);
    api.sendText({ chatId, text: "/help", languageCode: "en" });
    expect(shown(await replyIn(chatId, (c) => shown(c).startsWith("Ask about")))).toContain(
      "Show me the fourth directive",
    );
  });

  it("/directives lists the eight directives; button 4 shows the directive in full with its citation", async () => {
    const chatId = chat();
    api.sendText({ chatId, text: "/directives", languageCode: "kk" });
    const list = await replyIn(chatId);
    expect(shown(list)).toMatch(/^Мақаладағы 8 тапсырма/);
    expect(shown(list)).toContain("4. Төртінші — ҚХА-ның «Жаңғыру жолы»");
    const messageId = (list.result as { message_id: number }).message_id;
    const queryId = api.pressButton({ chatId, messageId, data: "dir:4", languageCode: "kk" });
    await api.waitFor(
      (call) => call.ok && call.method === "answerCallbackQuery" && call.params.callback_query_id === queryId,
    );
    const full = await replyIn(chatId, (call) => shown(call).includes("Күш-жігерімізді"));
    expect(shown(full)).toMatch(
      /^Төртінші\nҚХА-ның «Жаңғыру жолы»[\s\S]*стартаптарын қолдауға бағыттау қажет\.\nТөртінші тапсырма · ¶36–38 · /,
    );
  });

  it("/source and /start name the article by its short title; /source says in plain words how it searches", async () => {
    const chatId = chat();
    api.sendText({ chatId, text: "/source", languageCode: "en" });
    const text = shown(await replyIn(chatId));
    expect(text).toMatch(
      /^Source:\n• «XXVI session of the Assembly of People of Kazakhstan» — by Бағдагүл Балаубаева; \d+ passages\n\n/,
    );
    expect(text).toContain("search by meaning (a language model) is off right now");
    expect(text).not.toMatch(/legs|keyword|dense/);
    api.sendText({ chatId, text: "/start", languageCode: "kk" });
    expect(shown(await replyIn(chatId, (c) => shown(c).startsWith("Сәлеметсіз бе")))).toMatch(
      /^Сәлеметсіз бе! Мен «Қазақстан халқы Ассамблеясының XXVI сессиясы» мақаласы бойынша/,
    );
  });

  it("inline mode offers quotes with citations, and the directives for an empty query", async () => {
    const id = api.inlineQuery({ userId: 7001, query: "Тварионас", languageCode: "en" });
    const answered = await api.waitFor(
      (c) => c.ok && c.method === "answerInlineQuery" && c.params.inline_query_id === id,
    );
    const results = answered.params.results as {
      title: string;
      input_message_content: { message_text: string };
    }[];
    expect(results.length).toBeGreaterThan(0);
    expect(htmlToVisibleText(results[0]?.input_message_content.message_text ?? "")).toMatch(
      /Тварионас[\s\S]*\n¶61–63 · /,
    );
    const emptyId = api.inlineQuery({ userId: 7001, query: "", languageCode: "en" });
    const empty = await api.waitFor(
      (c) => c.ok && c.method === "answerInlineQuery" && c.params.inline_query_id === emptyId,
    );
    expect((empty.params.results as { title: string }[]).map((r) => r.title)[3]).toMatch(
      /^Directive 4 · ¶36–38$/,
    );
  });

  it("registered the command menu in kk, ru and en", async () => {
    const calls = await api.waitFor(
      (c) => c.ok && c.method === "setMyCommands" && c.params.language_code === "en",
    );
    expect(calls).toBeDefined();
    const languages = api.sent("setMyCommands").map((c) => c.params.language_code ?? "default");
    expect(languages.sort()).toEqual(["default", "en", "kk", "ru"]);
  });
});

describe("groups and faults", () => {
  it("in a group ignores chatter and answers a mention", async () => {
    const group = -4001;
    api.sendText({ chatId: group, userId: 61, text: "Төртінші тапсырмада не айтылған? деп ойлаймын" });
    const mention = api.sendText({
      chatId: group,
      userId: 62,
      text: "@test_doc_bot ҚХА Төрағасының жаңа орынбасарлары кімдер?",
      entities: [{ type: "mention", offset: 0, length: 13 }],
    });
    const call = await replyIn(group);
    expect(call.params.reply_parameters).toMatchObject({ message_id: mention.message.message_id });
    expect(shown(call)).toContain("Тварионас");
    await bot.waitForLog((line) => line.outcome === "ignored:group-chatter");
    expect(sentTo(group)).toHaveLength(1);
  });

  it("retries a 429 from sendMessage and still delivers the answer", async () => {
    const chatId = chat();
    api.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    api.sendText({ chatId, text: "Төртінші тапсырмада не айтылған?" });
    expect(shown(await replyIn(chatId))).toContain("Жаңғыру жолы");
    expect(api.calls.some((c) => c.injected && c.error?.error_code === 429)).toBe(true);
  });

  it("logs one line per update, without the question at info level", async () => {
    const chatId = chat();
    const { update_id } = api.sendText({ chatId, text: "Төртінші тапсырмада не айтылған?" });
    await replyIn(chatId);
    const line = await bot.waitForLog((l) => l.msg === "update" && l.update === update_id);
    expect(line).toMatchObject({ kind: "message", chat: "private", abstained: false, outcome: "answered" });
    expect(line.passages).toBeGreaterThan(0);
    expect(typeof line.ms).toBe("number");
    expect(bot.stdout()).not.toContain("Төртінші тапсырмада не айтылған");
  });
});

describe("shutdown", () => {
  it("on SIGTERM to the process group finishes the reply in flight and exits 0 within the grace period", async () => {
    const chatId = chat();
    const { update_id } = api.sendText({ chatId, text: "ҚХА Төрағасының жаңа орынбасарлары кімдер?" });
    // The bot has fetched the question: it is in flight when the signal arrives.
    await api.waitFor(
      (c) =>
        c.method === "getUpdates" &&
        Array.isArray(c.result) &&
        c.result.some((u) => (u as { update_id: number }).update_id === update_id),
    );
    bot.signalGroup("SIGTERM");
    await replyIn(chatId);
    const last = await bot.waitForLog((line) => line.msg === "exit", 10_000);
    expect(last.code).toBe(0);
    // The handled updates were confirmed, so a restart would not answer them again.
    expect(Number(api.calls.filter((c) => c.method === "getUpdates").at(-1)?.params.offset)).toBe(
      update_id + 1,
    );
    // Every process of the group is gone, node included (the grace period bounds the wait).
    await bot.closed;
    expect(botStderrLines(bot.stderr())).toEqual([]);
    expect(api.rejected().filter((c) => !c.injected)).toEqual([]);
    const output = bot.stdout() + bot.stderr();
    expect(output).not.toContain(api.token);
    expect(output).not.toContain(api.token.split(":")[1]);
  });
});
