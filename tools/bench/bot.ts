import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeBotApi } from "../../tests/support/fake-bot-api.js";
import { table } from "../eval/metrics.js";
import { askAtOnce, type Burst, distinctQuestions, POPULAR_QUESTIONS } from "./bot-burst.js";
import { medianOf, ms, percentile } from "./stats.js";

/** What the bot benchmark measured. */
export interface BotBench {
  readonly users: number;
  readonly questionsPerUser: number;
  /** Everyone asks the same five popular questions: answers may be reused. */
  readonly popular: Burst;
  /** Every message a different question: each answered from scratch. */
  readonly distinct: Burst;
  /**
   * Spawn of `node dist/cli/start.js` (what `npm start` execs) to its first long poll, index
   * built: the median of {@link START_RUNS} starts (one start swung by ±15% between runs).
   */
  readonly coldStartMs: number;
  /** The same through `npm start`, and the resident memory of its processes (npm and node) then. */
  readonly viaNpm: { readonly ms: number; readonly rssMb: number };
  readonly peakRssMb: number;
}

/** How many times the start to first poll is measured; its median is reported. */
export const START_RUNS = 5;

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
  const coldStartMs = await medianOf(START_RUNS, async () => (await timeToFirstPoll(api, startBot)).ms);
  const viaNpm = await timeToFirstPoll(api, () => spawn("npm", ["start"], { env, stdio: [...stdio] }));
  bot = startBot();
  await api.waitForPolling(60_000);

  const popular = await askAtOnce(
    api,
    users,
    questionsPerUser,
    (_, n) => POPULAR_QUESTIONS[n % POPULAR_QUESTIONS.length] as string,
  );
  const different = distinctQuestions(users * questionsPerUser);
  const distinct = await askAtOnce(
    api,
    users,
    questionsPerUser,
    (user, n) => different[user * questionsPerUser + n] as string,
    200_000,
  );
  const peakRssMb = peakRssOf(bot.pid as number);
  await stopBot(bot);
  await api.close();
  return {
    users,
    questionsPerUser,
    popular,
    distinct,
    coldStartMs,
    viaNpm,
    peakRssMb,
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

async function stopBot(bot: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => bot.once("exit", resolve));
  bot.kill("SIGTERM");
  await exited;
}

/** Bot benchmarks side by side (model off, model on), with the targets beside the figures. */
export function botTable(runs: readonly { label: string; bench: BotBench }[]): string {
  const first = runs[0]?.bench;
  if (!first) return "";
  const at = `${first.users} users × ${first.questionsPerUser} questions at once`;
  const row = (measure: string, cell: (b: BotBench) => string, target: string) => [
    measure,
    ...runs.map((r) => cell(r.bench)),
    target,
  ];
  return table(
    ["measure", ...runs.map((r) => r.label), "target"],
    [
      ...burstRows(row, `${at}, the same 5 questions`, (b) => b.popular),
      ...burstRows(row, `${at}, every question different`, (b) => b.distinct),
      row("peak RSS of the bot process", (b) => `${b.peakRssMb.toFixed(0)} MB`, "≤ 400 MB with the model"),
      row(
        `start to first poll, \`node dist/cli/start.js\` (index built; median of ${START_RUNS})`,
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

/** The rows of one burst: all answered, latency, the floor, the ratio. */
function burstRows(
  row: (measure: string, cell: (b: BotBench) => string, target: string) => string[],
  name: string,
  burstOf: (b: BotBench) => Burst,
): string[][] {
  const cell = (format: (burst: Burst) => string) => (b: BotBench) => format(burstOf(b));
  return [
    row(
      `${name}: answered`,
      cell((b) => `${b.answered}/${b.asked}, ${b.wrongChat} wrong chat`),
      "all, 0",
    ),
    row(
      `${name}: reply latency p50 / p95`,
      cell((b) => `${ms(percentile(b.latencies, 50))} / ${ms(percentile(b.latencies, 95))}`),
      "",
    ),
    row(
      `${name}: baseline, the bot's sendMessage calls replayed at once, no bot (median of 3)`,
      cell((b) => `${ms(b.floorMs)} for all`),
      "",
    ),
    row(
      `${name}: API calls of the bot meanwhile`,
      cell((b) =>
        Object.entries(b.callsByMethod)
          .map(([method, n]) => `${method} ${n}`)
          .join(", "),
      ),
      "",
    ),
    row(
      `${name}: reply p95 ÷ baseline`,
      cell((b) => `${(percentile(b.latencies, 95) / b.floorMs).toFixed(2)}×`),
      "≤ 1.2×",
    ),
  ];
}
