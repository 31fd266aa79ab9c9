/**
 * Recording never costs an answer: writes run in the background, a database that is down is said
 * once (and its return once, with what was lost), and only what the operator allowed is stored.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Answer } from "../src/answer/index.js";
import { createLogger } from "../src/bot/logger.js";
import { Redactor } from "../src/bot/redact.js";
import { FeedbackRecorder, feedbackStoreFor } from "../src/feedback/index.js";
import { answerOf, answerPassage } from "./support/answer-fixtures.js";

/** An answer to the fourth-directive question, quoting ¶36–38 of document "article". */
const fourthDirective = (fields: Partial<Answer>): Answer =>
  answerOf({
    question: "Төртінші тапсырмада не айтылған?",
    passages: [answerPassage({ doc: "article", paragraphStart: 36, paragraphEnd: 38 })],
    ordinal: 4,
    ...fields,
  });

function recorder(dataDir: string, storeQuestions = false) {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: "debug",
    redactor: new Redactor([]),
    write: (l) => logs.push(JSON.parse(l)),
  });
  const store = feedbackStoreFor({ dataDir });
  return { logs, store, recorder: new FeedbackRecorder({ store, logger, storeQuestions }) };
}

describe("the feedback recorder", () => {
  it("at start-up creates the SQLite file (first run), or says once that it cannot", async () => {
    const root = mkdtempSync(join(tmpdir(), "recorder-"));
    const ok = recorder(join(root, "data"));
    expect(await ok.recorder.prepare()).toBe(true);
    expect(existsSync(join(root, "data", "feedback.sqlite"))).toBe(true);
    writeFileSync(join(root, "blocked"), "a file where the data folder should be");
    const blocked = recorder(join(root, "blocked"));
    expect(await blocked.recorder.prepare()).toBe(false);
    expect(blocked.logs.filter((l) => l.level === 40)).toHaveLength(1);
    await ok.recorder.close();
    await blocked.recorder.close();
  });

  it("stores outcome, language and the passages shown — the question only when allowed", async () => {
    const root = mkdtempSync(join(tmpdir(), "recorder-"));
    const off = recorder(join(root, "off"));
    const id = off.recorder.answered(fourthDirective({}));
    expect(id).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(
      off.recorder.answered(fourthDirective({ abstained: true, reason: "empty-question", passages: [] })),
    ).toBeNull();
    await off.recorder.flush(5000);
    const stored = await off.store.summary(0, 5);
    expect(stored.outcomes).toEqual([{ language: "kk", key: "answered", count: 1 }]);
    expect(stored.questionsStored).toBe(0);
    const on = recorder(join(root, "on"), true);
    on.recorder.answered(
      fourthDirective({
        abstained: true,
        reason: "not-stated",
        passages: [],
        context: fourthDirective({}).passages[0] ?? null,
      }),
    );
    await on.recorder.flush(5000);
    expect((await on.store.summary(0, 5)).topDeclined).toEqual([
      { language: "kk", key: "Төртінші тапсырмада не айтылған?", count: 1 },
    ]);
    await off.recorder.close();
    await on.recorder.close();
  });

  it("a store that is down: answers go on, one warning, losses at debug, one line when it is back", async () => {
    const root = mkdtempSync(join(tmpdir(), "recorder-"));
    const dataDir = join(root, "data");
    writeFileSync(dataDir, "a file where the data folder should be");
    const { recorder: r, logs, store } = recorder(dataDir);
    expect(r.answered(fourthDirective({}))).not.toBeNull();
    expect(r.answered(fourthDirective({}))).not.toBeNull();
    expect(await r.voted({ answerId: "x", language: "kk", vote: 1 })).toBe(false);
    await r.flush(5000);
    const warnings = logs.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      msg: "feedback store unavailable: feedback is lost until it works again (answers go on)",
      kind: "sqlite",
      store: join(dataDir, "feedback.sqlite"),
    });
    expect(logs.filter((l) => l.msg === "feedback lost")).toHaveLength(2);
    rmSync(dataDir);
    mkdirSync(dataDir);
    expect(await r.voted({ answerId: "x", language: "kk", vote: 1 })).toBe(true);
    expect(logs.find((l) => l.msg === "feedback store works again")).toMatchObject({ lost: 3 });
    expect((await store.summary(0, 5)).votes).toEqual([{ language: "kk", key: "up", count: 1 }]);
    await r.close();
  });
});
