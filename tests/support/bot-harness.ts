/**
 * Runs the real bot (createBot + the runner) in the test process against the fake Bot API, with a
 * stub or real engine, capturing its log lines. The spawned-process tests cover `npm start`; this
 * harness makes the many behaviour checks fast.
 */
import { type CreateBotOptions, type CreatedBot, createBot } from "../../src/bot/create-bot.js";
import { createLogger } from "../../src/bot/logger.js";
import { type Polling, startPolling } from "../../src/bot/polling.js";
import { Redactor } from "../../src/bot/redact.js";
import type { BotEngine } from "../../src/bot/services.js";
import { FakeBotApi, type RecordedCall } from "./fake-bot-api.js";

export interface Harness {
  api: FakeBotApi;
  created: CreatedBot;
  /** The runner and the window of updates it may confirm. */
  polling: Polling;
  /** Every log line the bot wrote, raw (after redaction). */
  logs: string[];
  /** Parsed JSON log lines. */
  records(): Record<string, unknown>[];
  /** The first sendMessage to `chatId` (accepted) matching `predicate`. */
  reply(
    chatId: number,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** All accepted sendMessage calls to a chat so far. */
  messagesTo(chatId: number): RecordedCall[];
  stop(): Promise<void>;
}

/** Starts the fake, builds the bot around `engine`, and starts polling with a 1-second poll. */
export async function startHarness(
  engine: BotEngine,
  options: Partial<Omit<CreateBotOptions, "token" | "logger">> & { logLevel?: "info" | "debug" } = {},
): Promise<Harness> {
  const api = await FakeBotApi.start();
  const logs: string[] = [];
  const redactor = new Redactor([api.token]);
  const logger = createLogger({
    level: options.logLevel ?? "info",
    redactor,
    write: (line) => logs.push(line),
  });
  const created = createBot(engine, { token: api.token, apiRoot: api.apiRoot, logger, redactor, ...options });
  await created.bot.init();
  const polling = startPolling(created.bot, { timeoutSeconds: 1 });
  await api.waitForPolling();
  const isMessageTo = (chatId: number) => (call: RecordedCall) =>
    call.ok && call.method === "sendMessage" && Number(call.params.chat_id) === chatId;
  return {
    api,
    created,
    polling,
    logs,
    records: () => logs.map((line) => JSON.parse(line) as Record<string, unknown>),
    reply: (chatId, predicate = () => true, timeoutMs = 10_000) =>
      api.waitFor((call) => isMessageTo(chatId)(call) && predicate(call), timeoutMs),
    messagesTo: (chatId) => api.calls.filter(isMessageTo(chatId)),
    stop: async () => {
      await polling.runner.stop();
      await created.inFlight.idle(5000);
      await api.close();
    },
  };
}

/** The `text` parameter of a call, as sent (HTML). */
export function textOf(call: RecordedCall): string {
  return String(call.params.text ?? "");
}

/** What the user sees of a sent message (the fake's parsed text). */
export function shown(call: RecordedCall): string {
  return String((call.result as { text?: string } | undefined)?.text ?? "");
}
