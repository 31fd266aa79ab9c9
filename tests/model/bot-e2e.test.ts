/**
 * The bot as `npm start` runs it, with the real model on (EMBEDDINGS=on: a model that does not
 * load fails the start), against the fake Bot API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotSession, startBotSession } from "../support/bot-session.js";
import type { RecordedCall } from "../support/fake-bot-api.js";
import { tier } from "./tier.js";

let session: BotSession;

beforeAll(async () => {
  const { modelId, modelDir } = tier();
  session = await startBotSession({
    EMBEDDINGS: "on",
    EMBEDDING_MODEL: modelId,
    MODEL_DIR: modelDir,
    MODEL_OFFLINE: "true",
  });
}, 300_000);

afterAll(async () => {
  await session?.stop();
});

const shown = (call: RecordedCall) => String((call.result as { text?: string } | undefined)?.text ?? "");

async function ask(chatId: number, text: string, languageCode = "en"): Promise<string> {
  session.api.sendText({ chatId, text, languageCode });
  const call = await session.api.waitFor(
    (c) => c.ok && c.method === "sendMessage" && Number(c.params.chat_id) === chatId,
    60_000,
  );
  return shown(call);
}

describe("the bot with the real model", () => {
  it("started with the dense leg built from the real model", () => {
    const logs = session.bot.logs();
    expect(JSON.stringify(logs)).toContain("dense");
    expect(session.bot.stderr()).not.toMatch(/WARNING/);
  });

  it("answers a paraphrase in English with the directive that holds it", async () => {
    const reply = await ask(7001, "Will farms get any smart tech?");
    expect(reply).toContain("агро өнеркәсіп секторында ақылды технологияларды");
  });

  it("still answers a numbered directive in Kazakh from the structure leg", async () => {
    const reply = await ask(7002, "Төртінші тапсырмада не айтылған?", "kk");
    expect(reply).toContain("«Жаңғыру жолы»");
  });

  it("says in plain words, in /source, that search by meaning is on", async () => {
    const reply = await ask(7004, "/source", "en");
    expect(reply).toContain(
      "I find passages by their words, by directive number and by meaning (a language model).",
    );
    expect(reply).not.toMatch(/legs|dense|keyword/);
  });

  it("answers 'who spoke besides the President?' with the other speakers, in one short message", async () => {
    const reply = await ask(7005, "Who spoke besides the President?", "en");
    expect(reply).toMatch(/^• Н\.Романова — /);
    expect(reply.split("\n¶")[0]?.split("<")[0]).not.toContain("Назарбаев");
    expect(reply.length).toBeLessThan(1500);
  });

  it("still declines a question the article does not cover", async () => {
    const reply = await ask(7003, "Какая завтра погода в Алматы?", "ru");
    expect(reply).toMatch(/^В статье об этом не говорится/);
  });
});
