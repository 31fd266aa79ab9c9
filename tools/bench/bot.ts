import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeBotApi, type RecordedCall } from "../../tests/support/fake-bot-api.js";
import { table } from "../eval/metrics.js";
import { ms, percentile } from "./stats.js";

/** What the bot benchmark measured. */
export interface BotBench {
  readonly users: number;
  readonly questionsPerUser: number;
  readonly answered: number;
  readonly wrongChat: number;
  readonly latencies: readonly number[];
  /** Spawn of `node dist/cli/start.js` (what `npm start` execs) to its first long poll, index built. */
  readonly coldStartMs: number;
  /** The same through `npm start`, and the resident memory of its processes (npm and node) then. */
  readonly viaNpm: { readonly ms: number; readonly rssMb: number };
  readonly peakRssMb: number;
  /** Wall time of the bot's own answer sendMessage calls, replayed at once straight to the fake: the floor. */
  readonly floorMs: number;
  /** The bot's API calls from the first question to the last answer, by method. */
  readonly callsByMethod: Readonly<Record<string, number>>;
}

const QUESTIONS = [
  "Төртінші тапсырмада не айтылған?",
  "ҚХА Төрағасының жаңа орынбасарлары кімдер?",
  "О чём четвёртое поручение?",
  "Who were appointed deputy chairs?",
  "Алтыншы тапсырма не туралы?",
];

/** Peak resident set (VmHWM) of a process, from /proc, in MB. */
function peakRssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * Starts the real bot against a local Bot API with a built index (`settings` on top: the model
 * on or off), measures cold start to first poll, then has `users` users send `questionsPerUser`
 * questions each, all at once, and checks every reply went to the right chat as a reply to the
 * right message.
 */
export async function benchBot(
  settings: Record<string, string>,
  users = 50,
  questionsPerUser = 5,
): Promise<BotBench> {
  const api = await FakeBotApi.start();
  const root = mkdtempSync(join(tmpdir(), "bench-bot-"));
  cpSync("corpus", join(root, "corpus"), { recursive: true });
  const env = {
    ...process.env,
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    CORPUS_DIR: join(root, "corpus"),
    INDEX_DIR: join(root, "index"),
    EMBEDDINGS: "off",
    ...settings,
    POLL_TIMEOUT_S: "1",
    RATE_LIMIT_MAX: "1000",
    LOG_LEVEL: process.env.BENCH_BOT_LOG_LEVEL ?? "warn",
  };
  const stdio = ["ignore", process.env.BENCH_BOT_LOG ? "inherit" : "ignore", "ignore"] as const;
  const profile = process.env.BENCH_BOT_PROF ? ["--cpu-prof", "--cpu-prof-dir=.tmp/prof"] : [];
  // What `npm start` execs (node on the compiled build), as a process manager would run it.
  const startBot = () =>
    spawn(process.execPath, [...profile, ...startScriptArgs()], { env, stdio: [...stdio] });
  // First start builds the index; the measured starts find it built, as an operator's restart does.
  let bot = startBot();
  await api.waitForPolling(300_000);
  await stopBot(bot);
  const coldStartMs = await timeToFirstPoll(api, startBot);
  const viaNpm = await timeToFirstPoll(api, () => spawn("npm", ["start"], { env, stdio: [...stdio] }));
  bot = startBot();
  await api.waitForPolling(60_000);

  const callsBefore = api.calls.length;
  const sentAt = new Map<number, { at: number; chatId: number }>();
  for (let u = 0; u < users; u++) {
    for (let q = 0; q < questionsPerUser; q++) {
      const chatId = 100_000 + u;
      const { message } = api.sendText({
        chatId,
        userId: chatId,
        text: QUESTIONS[q % QUESTIONS.length] as string,
      });
      sentAt.set(message.message_id, { at: Date.now(), chatId });
    }
  }
  const replies = new Map<number, number>();
  let wrongChat = 0;
  const deadline = Date.now() + 120_000;
  while (replies.size < sentAt.size && Date.now() < deadline) {
    for (const call of api.sent("sendMessage")) {
      const replyTo = (call.params.reply_parameters as { message_id?: number } | undefined)?.message_id;
      if (replyTo === undefined || replies.has(replyTo) || !sentAt.has(replyTo)) continue;
      const origin = sentAt.get(replyTo) as { at: number; chatId: number };
      if (Number(call.params.chat_id) !== origin.chatId) wrongChat++;
      replies.set(replyTo, call.at - origin.at);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const peakRssMb = peakRssOf(bot.pid as number);
  const callsByMethod: Record<string, number> = {};
  for (const call of api.calls.slice(callsBefore))
    callsByMethod[call.method] = (callsByMethod[call.method] ?? 0) + 1;
  await stopBot(bot);
  const floorMs = await sendBurst(
    api,
    api.sent("sendMessage").filter((call) => {
      const replyTo = (call.params.reply_parameters as { message_id?: number } | undefined)?.message_id;
      return replyTo !== undefined && sentAt.has(replyTo);
    }),
  );
  await api.close();
  return {
    users,
    questionsPerUser,
    answered: replies.size,
    wrongChat,
    latencies: [...replies.values()],
    coldStartMs: coldStartMs.ms,
    viaNpm,
    peakRssMb,
    floorMs,
    callsByMethod,
  };
}

/** The arguments of node in the `start` script of package.json (`exec node dist/cli/start.js`). */
function startScriptArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
  const words = scripts.start.replace(/^exec\s+/, "").split(/\s+/);
  if (words[0] !== "node") throw new Error(`unexpected start script: ${scripts.start}`);
  return words.slice(1);
}

/**
 * Starts a bot, waits for its first long poll to arrive at the local Bot API, notes the time and
 * the resident memory of the started process and its children, and stops it.
 */
async function timeToFirstPoll(
  api: FakeBotApi,
  start: () => ChildProcess,
): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const bot = start();
  await api.waitForPolling(60_000);
  const ms = performance.now() - started;
  const pid = bot.pid as number;
  const rssMb = [pid, ...childrenOf(pid)].reduce((sum, p) => sum + rssOf(p), 0);
  await stopBot(bot);
  return { ms, rssMb };
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Current resident set (VmRSS) of a process, in MB; 0 when it is gone. */
function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
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

async function stopBot(bot: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => bot.once("exit", resolve));
  bot.kill("SIGTERM");
  await exited;
}

/** Bot benchmarks side by side (model off, model on), with the targets beside the figures. */
export function botTable(runs: readonly { label: string; bench: BotBench }[]): string {
  const first = runs[0]?.bench;
  if (!first) return "";
  const total = first.users * first.questionsPerUser;
  const row = (measure: string, cell: (b: BotBench) => string, target: string) => [
    measure,
    ...runs.map((r) => cell(r.bench)),
    target,
  ];
  return table(
    ["measure", ...runs.map((r) => r.label), "target"],
    [
      row(
        `answered (${first.users} users × ${first.questionsPerUser} questions at once)`,
        (b) => `${b.answered}/${total}, ${b.wrongChat} wrong chat`,
        `${total}/${total}, 0`,
      ),
      row(
        "reply latency p50 / p95",
        (b) => `${ms(percentile(b.latencies, 50))} / ${ms(percentile(b.latencies, 95))}`,
        "",
      ),
      row(
        `baseline: the bot's ${total} sendMessage replayed at once, no bot`,
        (b) => `${ms(b.floorMs)} for all`,
        "",
      ),
      row(
        "API calls of the bot meanwhile",
        (b) =>
          Object.entries(b.callsByMethod)
            .map(([method, n]) => `${method} ${n}`)
            .join(", "),
        "",
      ),
      row(
        "reply p95 ÷ baseline",
        (b) => `${(percentile(b.latencies, 95) / b.floorMs).toFixed(2)}×`,
        "≤ 1.2×",
      ),
      row("peak RSS of the bot process", (b) => `${b.peakRssMb.toFixed(0)} MB`, "≤ 400 MB with the model"),
      row(
        "start to first poll, `node dist/cli/start.js` (index built)",
        (b) => ms(b.coldStartMs),
        "≤ 0.5 s model off, ≤ 3 s with the model",
      ),
      row(
        "start to first poll via `npm start`; RSS of npm + node then",
        (b) => `${ms(b.viaNpm.ms)}; ${b.viaNpm.rssMb.toFixed(0)} MB`,
        "",
      ),
    ],
  );
}
