/**
 * The feedback stores, one contract: SQLite (the embedded default) always, PostgreSQL against the
 * real server CI starts. Answers and votes are stored durably, the last vote on an answer counts,
 * and the report's figures are aggregated by the database.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type AnswerRecord,
  type FeedbackStore,
  FeedbackStoreError,
  feedbackStoreFor,
  formatReport,
  PostgresFeedbackStore,
  SqliteFeedbackStore,
} from "../src/feedback/index.js";
import { freePort } from "./support/ports.js";
import { describeWithService, freshPostgresUrl } from "./support/services.js";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 12);

function answer(id: string, fields: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    id,
    at: NOW - 1000,
    language: "kk",
    outcome: "answered",
    passages: ["article:3-4"],
    question: null,
    ...fields,
  };
}

/**
 * The same behaviour, whichever database: `make` opens a store over a fresh database, or over the
 * one it made last when `again` is true.
 */
function storeContract(make: (again: boolean) => Promise<FeedbackStore>) {
  const opened: FeedbackStore[] = [];
  const open = async (again = false) => {
    const store = await make(again);
    opened.push(store);
    return store;
  };
  afterAll(async () => {
    for (const store of opened) await store.close();
  });

  it("counts answers per language and outcome, and votes, since the given time", async () => {
    const store = await open();
    await store.recordAnswer(answer("a1"));
    await store.recordAnswer(answer("a2", { outcome: "not-covered", passages: [] }));
    await store.recordAnswer(answer("a3", { language: "ru", outcome: "not-stated" }));
    await store.recordAnswer(answer("old", { at: NOW - 10 * DAY }));
    await store.recordVote({ answerId: "a1", at: NOW, language: "kk", vote: 1 });
    await store.recordVote({ answerId: "a3", at: NOW, language: "ru", vote: -1 });
    const summary = await store.summary(NOW - 7 * DAY, 5);
    expect([...summary.outcomes].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { language: "kk", key: "answered", count: 1 },
      { language: "kk", key: "not-covered", count: 1 },
      { language: "ru", key: "not-stated", count: 1 },
    ]);
    expect([...summary.votes].sort((a, b) => a.language.localeCompare(b.language))).toEqual([
      { language: "kk", key: "up", count: 1 },
      { language: "ru", key: "down", count: 1 },
    ]);
    expect(summary.questionsStored).toBe(0);
    expect(summary.topDeclined).toEqual([]);
  });

  it("keeps the last vote on an answer: a reader who changes their mind counts once", async () => {
    const store = await open();
    await store.recordAnswer(answer("b1"));
    await store.recordVote({ answerId: "b1", at: NOW - 10, language: "kk", vote: 1 });
    await store.recordVote({ answerId: "b1", at: NOW, language: "kk", vote: -1 });
    expect((await store.summary(NOW - DAY, 5)).votes).toEqual([{ language: "kk", key: "down", count: 1 }]);
  });

  it("an answer recorded twice (a redelivered update) counts once", async () => {
    const store = await open();
    await store.recordAnswer(answer("c1"));
    await store.recordAnswer(answer("c1"));
    expect((await store.summary(NOW - DAY, 5)).outcomes).toEqual([
      { language: "kk", key: "answered", count: 1 },
    ]);
  });

  it("groups stored questions as the same question however typed, most common first, per language", async () => {
    const store = await open();
    const declined = (id: string, question: string, language: "kk" | "ru" = "kk") =>
      store.recordAnswer(answer(id, { outcome: "not-covered", passages: [], question, language }));
    await declined("d1", "Алматы әкімі кім?");
    await declined("d2", "алматы  әкімі кім");
    await declined("d3", "«Алматы әкімі кім?»");
    await declined("d4", "Ауа райы қандай?");
    await declined("d5", "Какая погода?", "ru");
    await store.recordAnswer(answer("d6", { question: "Төртінші тапсырма?" }));
    await store.recordVote({ answerId: "d6", at: NOW, language: "kk", vote: -1 });
    const summary = await store.summary(NOW - DAY, 1);
    expect(summary.questionsStored).toBe(6);
    expect(summary.topDeclined).toEqual([
      { language: "kk", key: expect.stringMatching(/Алматы/i), count: 3 },
      { language: "ru", key: "Какая погода?", count: 1 },
    ]);
    expect(summary.topDisliked).toEqual([{ language: "kk", key: "Төртінші тапсырма?", count: 1 }]);
    const report = formatReport(summary, { days: 1, since: NOW - DAY, source: "test" });
    expect(report).toMatch(/questions asked\s+6\s+5\s+1\n/);
    expect(report).toMatch(/declined\s+83%\s+80%\s+100%\n/);
    expect(report).toMatch(/👎 rate \(of votes\)\s+100%\s+100%\s+—\n/);
    // One of the ways it was typed stands for the question.
    expect(report).toMatch(/\n {2}kk {5}3× {2}«?Алматы әкімі кім\?»?\n/);
  });

  it("is durable: a store opened again over the same database sees what was written", async () => {
    const first = await open();
    await first.recordAnswer(answer("e1"));
    await first.close();
    const again = await open(true);
    expect((await again.summary(NOW - DAY, 5)).outcomes).toEqual([
      { language: "kk", key: "answered", count: 1 },
    ]);
  });
}

describe("SQLite (the embedded default)", () => {
  let dir = "";
  storeContract(async (again) => {
    if (!again) dir = mkdtempSync(join(tmpdir(), "feedback-sqlite-"));
    return feedbackStoreFor({ dataDir: join(dir, "data") });
  });

  it("creates its data folder and file on first use, not before", async () => {
    const root = mkdtempSync(join(tmpdir(), "feedback-sqlite-"));
    const store = feedbackStoreFor({ dataDir: join(root, "data") });
    expect(store).toBeInstanceOf(SqliteFeedbackStore);
    expect(existsSync(join(root, "data"))).toBe(false);
    await store.recordAnswer(answer("f1"));
    expect(existsSync(join(root, "data", "feedback.sqlite"))).toBe(true);
    await store.close();
  });

  it("opened for the report, a missing file is a clear error and is not created", async () => {
    const root = mkdtempSync(join(tmpdir(), "feedback-sqlite-"));
    const store = feedbackStoreFor({ dataDir: join(root, "data"), create: false });
    const error = await store.summary(0, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedbackStoreError);
    expect((error as FeedbackStoreError).reason).toBe("missing");
    expect((error as Error).message).toMatch(/feedback\.sqlite does not exist: no feedback recorded yet$/);
    expect(existsSync(join(root, "data", "feedback.sqlite"))).toBe(false);
  });

  it("answers recorded at once are committed together, and one that cannot be stored fails alone", async () => {
    const root = mkdtempSync(join(tmpdir(), "feedback-sqlite-"));
    const store = feedbackStoreFor({ dataDir: join(root, "data") });
    await store.prepare();
    const writes = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) => store.recordAnswer(answer(`h${i}`))),
      // A value SQLite cannot bind: the only write that fails.
      store.recordAnswer(answer("bad", { at: { not: "a number" } as unknown as number })),
      store.recordVote({ answerId: "h0", at: NOW, language: "kk", vote: 1 }),
    ]);
    expect(writes.map((w) => w.status)).toEqual([...Array(20).fill("fulfilled"), "rejected", "fulfilled"]);
    const summary = await store.summary(NOW - DAY, 5);
    expect(summary.outcomes).toEqual([{ language: "kk", key: "answered", count: 20 }]);
    expect(summary.votes).toEqual([{ language: "kk", key: "up", count: 1 }]);
    await store.close();
  });

  it("while another process holds the file locked, the writes queued together fail with SQLite's lock error, then work again", async () => {
    const root = mkdtempSync(join(tmpdir(), "feedback-sqlite-"));
    const path = join(root, "data", "feedback.sqlite");
    const store = new SqliteFeedbackStore({ path, busyTimeoutMs: 50 });
    await store.prepare();
    const { default: Database } = await import("better-sqlite3");
    const other = new Database(path);
    other.exec("BEGIN EXCLUSIVE");
    const writes = await Promise.allSettled([1, 2, 3].map((i) => store.recordAnswer(answer(`j${i}`))));
    expect(writes.map((w) => w.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect((writes[0] as PromiseRejectedResult).reason.code).toMatch(/^SQLITE_BUSY/);
    other.exec("ROLLBACK");
    other.close();
    await store.recordAnswer(answer("j4"));
    expect((await store.summary(NOW - DAY, 5)).outcomes).toEqual([
      { language: "kk", key: "answered", count: 1 },
    ]);
    await store.close();
  });

  it("a write still queued when the store closes is committed, not lost", async () => {
    const root = mkdtempSync(join(tmpdir(), "feedback-sqlite-"));
    const store = feedbackStoreFor({ dataDir: join(root, "data") });
    await store.prepare();
    const write = store.recordAnswer(answer("i1"));
    // The write is queued once the store is open (a microtask away); close before it commits.
    await Promise.resolve();
    await store.close();
    await expect(write).resolves.toBeUndefined();
    const again = feedbackStoreFor({ dataDir: join(root, "data") });
    expect((await again.summary(NOW - DAY, 5)).outcomes).toEqual([
      { language: "kk", key: "answered", count: 1 },
    ]);
    await again.close();
  });

  it("a data folder that cannot be created fails the call with a clear error, not the process", async () => {
    const root = mkdtempSync(join(tmpdir(), "feedback-sqlite-"));
    writeFileSync(join(root, "data"), "a file where the folder should be");
    const error = await feedbackStoreFor({ dataDir: join(root, "data") })
      .recordAnswer(answer("g1"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedbackStoreError);
    expect((error as Error).message).toMatch(/^cannot open .*data\/feedback\.sqlite/);
  });
});

describeWithService("TEST_DATABASE_URL", "PostgreSQL (DATABASE_URL)", (base) => {
  let url = "";
  storeContract(async (again) => {
    if (!again) url = await freshPostgresUrl(base);
    return feedbackStoreFor({ databaseUrl: url });
  });

  it("replicas starting together create the tables once, without racing", async () => {
    const shared = await freshPostgresUrl(base);
    const stores = Array.from({ length: 4 }, () => feedbackStoreFor({ databaseUrl: shared }));
    await Promise.all(stores.map((store, i) => store.recordAnswer(answer(`h${i}`))));
    expect((await stores[0]?.summary(NOW - DAY, 5))?.outcomes).toEqual([
      { language: "kk", key: "answered", count: 4 },
    ]);
    await Promise.all(stores.map((store) => store.close()));
  });
});

describe("PostgreSQL that is down", () => {
  it("fails each call within its connect timeout with an error naming host and database, never the password", async () => {
    const port = await freePort();
    const store = new PostgresFeedbackStore({
      url: `postgres://bot:s3cret-pw@127.0.0.1:${port}/feedback`,
      connectTimeoutMs: 1000,
    });
    const error = await store.recordAnswer(answer("i1")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedbackStoreError);
    expect((error as Error).message).toContain(`127.0.0.1:${port}/feedback`);
    expect((error as Error).message).not.toContain("s3cret-pw");
    expect(store.where).toBe(`127.0.0.1:${port}/feedback`);
    await store.close();
  });
});
