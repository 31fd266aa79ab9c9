import { readFileSync } from "node:fs";
import type { FakeBotApi, RecordedCall } from "../../tests/support/fake-bot-api.js";
import { medianOf } from "./stats.js";

/** What one burst of questions measured: every user's questions sent at once. */
export interface Burst {
  readonly answered: number;
  readonly asked: number;
  readonly wrongChat: number;
  readonly latencies: readonly number[];
  /**
   * Wall time of the bot's own answer sendMessage calls, replayed at once straight to the fake:
   * the floor. The median of {@link FLOOR_REPLAYS} replays: a single one varied by ±30% between
   * runs (the first burst of a process pays for new connections), which swung the ratio more
   * than anything the bot did.
   */
  readonly floorMs: number;
  /** The bot's API calls from the first question to the last answer, by method. */
  readonly callsByMethod: Readonly<Record<string, number>>;
}

/** Five questions people ask most, asked by everyone: the bot may answer each once. */
export const POPULAR_QUESTIONS = [
  "Төртінші тапсырмада не айтылған?",
  "ҚХА Төрағасының жаңа орынбасарлары кімдер?",
  "О чём четвёртое поручение?",
  "Who were appointed deputy chairs?",
  "Алтыншы тапсырма не туралы?",
];

/** Different questions for every message (the evaluation sets' development questions), none asked twice. */
export function distinctQuestions(count: number): string[] {
  const questions = ["eval/users-dev.jsonl", "eval/article-questions.jsonl"].flatMap((path) =>
    readFileSync(path, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { q: string }).q),
  );
  const unique = [...new Set(questions)];
  if (unique.length < count)
    throw new Error(`only ${unique.length} distinct questions for ${count} messages`);
  return unique.slice(0, count);
}

/**
 * `users` users send `questionsPerUser` questions each (`questionAt(user, n)`), all at once, to a
 * running bot; waits (up to two minutes) for every reply and checks each went to the right chat as
 * a reply to the right message. Then replays the bot's replies straight to the API, no bot: the floor.
 */
export async function askAtOnce(
  api: FakeBotApi,
  users: number,
  questionsPerUser: number,
  questionAt: (user: number, n: number) => string,
  firstChatId = 100_000,
): Promise<Burst> {
  const callsBefore = api.calls.length;
  const sentAt = new Map<number, { at: number; chatId: number }>();
  for (let u = 0; u < users; u++) {
    for (let q = 0; q < questionsPerUser; q++) {
      const chatId = firstChatId + u;
      const { message } = api.sendText({ chatId, userId: chatId, text: questionAt(u, q) });
      sentAt.set(message.message_id, { at: Date.now(), chatId });
    }
  }
  const replies = new Map<number, number>();
  let wrongChat = 0;
  const deadline = Date.now() + 120_000;
  while (replies.size < sentAt.size && Date.now() < deadline) {
    for (const call of api.sent("sendMessage")) {
      const replyTo = replyTarget(call);
      if (replyTo === undefined || replies.has(replyTo) || !sentAt.has(replyTo)) continue;
      const origin = sentAt.get(replyTo) as { at: number; chatId: number };
      if (Number(call.params.chat_id) !== origin.chatId) wrongChat++;
      replies.set(replyTo, call.at - origin.at);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const callsByMethod: Record<string, number> = {};
  for (const call of api.calls.slice(callsBefore))
    callsByMethod[call.method] = (callsByMethod[call.method] ?? 0) + 1;
  const answers = api.sent("sendMessage").filter((call) => {
    const replyTo = replyTarget(call);
    return replyTo !== undefined && sentAt.has(replyTo);
  });
  return {
    answered: replies.size,
    asked: sentAt.size,
    wrongChat,
    latencies: [...replies.values()],
    floorMs: await medianOf(FLOOR_REPLAYS, () => sendBurst(api, answers)),
    callsByMethod,
  };
}

/** How many times the floor is measured; its median is reported. */
export const FLOOR_REPLAYS = 3;

function replyTarget(call: RecordedCall): number | undefined {
  return (call.params.reply_parameters as { message_id?: number } | undefined)?.message_id;
}

/**
 * The baseline: the very sendMessage calls the bot made for the answers (same chats, texts,
 * markup, reply targets), sent all at once straight to the local Bot API, no bot involved. On a
 * 2-core machine the fake server and the HTTP stack alone take this long for them, so the bot's
 * latencies cannot be much lower.
 */
async function sendBurst(api: FakeBotApi, calls: readonly RecordedCall[]): Promise<number> {
  const url = `${api.apiRoot}/bot${api.token}/sendMessage`;
  const started = performance.now();
  await Promise.all(
    calls.map((call) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(call.params),
      }).then((response) => response.json()),
    ),
  );
  return performance.now() - started;
}
