import { type BotProcess, makeWorkspace, spawnBot, type Workspace } from "./bot-process.js";
import { FakeBotApi } from "./fake-bot-api.js";

/** A bot process started as `npm start` against its own fake Bot API and corpus copy. */
export interface BotSession {
  readonly api: FakeBotApi;
  readonly workspace: Workspace;
  readonly bot: BotProcess;
  /** Kills the bot, closes the fake and removes the workspace, in that order. */
  stop(): Promise<void>;
}

/**
 * Starts the bot with `env` on top of the fake's token and root and a fresh copy of the corpus,
 * and waits until it is ready: its first long poll, or (webhook mode) its "bot started" line.
 */
export async function startBotSession(
  env: Record<string, string> = {},
  readyWhen: "polling" | "started" = "polling",
): Promise<BotSession> {
  const api = await FakeBotApi.start();
  const workspace = await makeWorkspace();
  const bot = spawnBot({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    CORPUS_DIR: workspace.corpusDir,
    INDEX_DIR: workspace.indexDir,
    DATA_DIR: workspace.dataDir,
    ...env,
  });
  if (readyWhen === "polling") await api.waitForPolling(120_000);
  else await bot.waitForLog((line) => line.msg === "bot started", 120_000);
  return {
    api,
    workspace,
    bot,
    async stop() {
      await bot.kill();
      await api.close();
      await workspace.remove();
    },
  };
}
