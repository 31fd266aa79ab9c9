/**
 * A bad document in the corpus (here one that is not UTF-8) does not take the bot or the commands
 * down: it is skipped with a warning naming it and why, the article is still answered, `npm run
 * index` lists it and exits 1, and /source tells an admin — and only an admin — about it.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botStderrLines, makeWorkspace, type Workspace } from "./support/bot-process.js";
import { type BotSession, startBotSession } from "./support/bot-session.js";
import type { RecordedCall } from "./support/fake-bot-api.js";

const run = promisify(execFile);
const ADMIN = 777001;
const LATIN1 = new Uint8Array([0x4e, 0x6f, 0x74, 0x65, 0x73, 0x20, 0xe9, 0x74, 0xe9, 0x0a]);
let workspace: Workspace;

async function npm(args: string[]) {
  const env = {
    ...process.env,
    CORPUS_DIR: workspace.corpusDir,
    INDEX_DIR: workspace.indexDir,
    EMBEDDINGS: "off",
  };
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", ...args], { env });
    return { stdout, stderr: botStderrLines(stderr), code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: botStderrLines(e.stderr), code: e.code };
  }
}

beforeAll(async () => {
  workspace = await makeWorkspace();
  writeFileSync(join(workspace.corpusDir, "notes.txt"), LATIN1);
});

afterAll(async () => {
  await workspace?.remove();
});

describe("the commands", () => {
  it("npm run index builds from the other documents, lists the skipped file and exits 1", async () => {
    const { stdout, stderr, code } = await npm(["index"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^documents: 1\nskipped: +1 — notes\.txt \(not UTF-8\)\npassages: +\d+/);
    expect(stderr).toEqual([
      `WARNING: skipped ${join(workspace.corpusDir, "notes.txt")}: not UTF-8 text (save it as UTF-8); answering from the other documents`,
      "building the index: rebuild requested",
    ]);
  });

  it("npm run ask answers from the other documents, warns about the file once, and exits 0", async () => {
    const { stdout, stderr, code } = await npm(["ask", "--", "--json", "Төртінші тапсырма"]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { passages: { text: string }[] }).passages[0]?.text).toContain(
      "Жаңғыру жолы",
    );
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^WARNING: skipped .*notes\.txt: not UTF-8 text/);
  });
});

describe("the bot", () => {
  let session: BotSession;
  const shown = (call: RecordedCall) => String((call.result as { text?: string } | undefined)?.text ?? "");
  const reply = (chatId: number) =>
    session.api.waitFor((c) => c.ok && c.method === "sendMessage" && Number(c.params.chat_id) === chatId);

  beforeAll(async () => {
    session = await startBotSession({
      CORPUS_DIR: workspace.corpusDir,
      INDEX_DIR: workspace.indexDir,
      ADMIN_USER_IDS: `1, ${ADMIN}`,
    });
  }, 120_000);

  afterAll(async () => {
    await session?.stop();
  });

  it("starts, logs one warning naming the file and why, and answers from the article", async () => {
    const warning = await session.bot.waitForLog((line) => String(line.msg).includes("notes.txt"));
    expect(warning.level).toBe(40);
    expect(warning.msg).toMatch(/skipped .*notes\.txt: not UTF-8 text/);
    session.api.sendText({ chatId: 5101, text: "Төртінші тапсырмада не айтылған?" });
    expect(shown(await reply(5101))).toContain("Жаңғыру жолы");
    expect(botStderrLines(session.bot.stderr())).toEqual([]);
  });

  it("/source tells an admin in a private chat which file was skipped and why", async () => {
    session.api.sendText({ chatId: ADMIN, userId: ADMIN, text: "/source", languageCode: "en" });
    const text = shown(await reply(ADMIN));
    expect(text).toMatch(/^Source:\n/);
    expect(text).toMatch(/For admins: these corpus files were skipped:\n• notes\.txt — not UTF-8 text$/);
  });

  it("/source says nothing of it to anyone else", async () => {
    session.api.sendText({ chatId: 5102, userId: 5102, text: "/source", languageCode: "en" });
    const text = shown(await reply(5102));
    expect(text).toMatch(/^Source:\n/);
    expect(text).not.toContain("notes.txt");
  });
});
