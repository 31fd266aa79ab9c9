/**
 * The live corpus: the real answer engine over a temporary corpus, a file added, changed or
 * removed while it serves; the new index built into a new version and swapped in; questions in
 * flight finishing on the old engine; a failed rebuild keeping the old one; and two replicas
 * sharing one index folder, one building and the other loading its version.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Answer, AnswerEngine } from "../src/answer/index.js";
import { type HeldEngine, LiveEngine } from "../src/bot/live-engine.js";
import { LiveIndex } from "../src/bot/live-index.js";
import { createLogger } from "../src/bot/logger.js";
import { Redactor } from "../src/bot/redact.js";
import { currentVersion, kazakhAnalyzer, tryBuildLock } from "../src/indexes/index.js";

const GIRAFFES = "Жирафтар туралы жазба\nСаванна жирафтары акация жапырағын жейді. Жирафтардың мойны ұзын.\n";

interface Replica {
  live: LiveEngine;
  index: LiveIndex;
  logs: Record<string, unknown>[];
}

const running: LiveIndex[] = [];
afterEach(() => {
  for (const index of running.splice(0)) index.stop();
});

function folders() {
  const root = mkdtempSync(join(tmpdir(), "live-index-"));
  const corpusDir = join(root, "corpus");
  cpSync("corpus", corpusDir, { recursive: true });
  return { corpusDir, indexDir: join(root, "index") };
}

async function replica(dirs: { corpusDir: string; indexDir: string }, pollMs = 0): Promise<Replica> {
  const open = () => AnswerEngine.open({ ...dirs, analyzer: kazakhAnalyzer(), embeddings: "off" });
  const live = new LiveEngine(await open());
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: "debug",
    redactor: new Redactor([]),
    write: (line) => logs.push(JSON.parse(line)),
  });
  const index = new LiveIndex({
    ...dirs,
    live,
    open,
    logger,
    redactor: new Redactor([]),
    pollMs,
    refreshTimeoutMs: 300,
  });
  await index.start();
  running.push(index);
  return { live, index, logs };
}

const docsOf = (answer: Answer) => answer.passages.map((p) => p.doc);

async function until<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a corpus changed while the bot runs", () => {
  it("a file dropped into the folder is indexed without a restart, in a new version swapped in", async () => {
    const dirs = folders();
    const { live, logs } = await replica(dirs, 30);
    const before = live.version;
    expect((await live.answer("Жирафтар не жейді?")).abstained).toBe(true);
    writeFileSync(join(dirs.corpusDir, "giraffes.txt"), GIRAFFES);
    const line = await until(() => logs.find((l) => l.msg === "index rebuilt and swapped in"));
    expect(line).toMatchObject({ action: "built", documents: 2 });
    expect(live.version).not.toBe(before);
    expect(currentVersion(dirs.indexDir)).toBe(live.version);
    expect(docsOf(await live.answer("Жирафтар не жейді?"))).toContain("giraffes");
    expect(docsOf(await live.answer("Төртінші тапсырмада не айтылған?"))[0]).toBe("assembly-26th-session");
  });

  it("a changed file and a removed file are picked up too", async () => {
    const dirs = folders();
    writeFileSync(join(dirs.corpusDir, "giraffes.txt"), GIRAFFES);
    const { live, index } = await replica(dirs);
    writeFileSync(
      join(dirs.corpusDir, "giraffes.txt"),
      GIRAFFES.replaceAll("Жираф", "Піл").replaceAll("жираф", "піл"),
    );
    expect(await index.refresh()).toMatchObject({ status: "reloaded", action: "built" });
    expect(docsOf(await live.answer("Пілдер не жейді?"))).toContain("giraffes");
    rmSync(join(dirs.corpusDir, "giraffes.txt"));
    expect(await index.refresh()).toMatchObject({ status: "reloaded", documents: 1 });
    expect((await live.answer("Пілдер не жейді?")).abstained).toBe(true);
  });

  it("a changed glossary reloads the engine over the same index version", async () => {
    const dirs = folders();
    const { live, index } = await replica(dirs);
    const version = live.version;
    writeFileSync(join(dirs.corpusDir, "glossary.json"), JSON.stringify({ entries: [] }));
    expect(await index.refresh()).toMatchObject({ status: "reloaded", action: "loaded", version });
  });

  it("a file that arrived while the engine was being opened is not taken for served: the first check builds it", async () => {
    const dirs = folders();
    const open = () => AnswerEngine.open({ ...dirs, analyzer: kazakhAnalyzer(), embeddings: "off" });
    const live = new LiveEngine(await open());
    writeFileSync(join(dirs.corpusDir, "giraffes.txt"), GIRAFFES);
    const logger = createLogger({ level: "silent", redactor: new Redactor([]) });
    const index = new LiveIndex({ ...dirs, live, open, logger, redactor: new Redactor([]), pollMs: 0 });
    await index.start();
    expect(await index.refresh()).toMatchObject({ status: "reloaded", action: "built", documents: 2 });
  });

  it("checks asked for at once run one after the other: the second finds nothing left to do", async () => {
    const dirs = folders();
    const { index } = await replica(dirs);
    writeFileSync(join(dirs.corpusDir, "giraffes.txt"), GIRAFFES);
    const outcomes = await Promise.all([index.refresh(), index.refresh()]);
    expect(outcomes.map((o) => o.status)).toEqual(["reloaded", "unchanged"]);
  });

  it("nothing changed: nothing is reopened", async () => {
    const { index } = await replica(folders());
    expect(await index.refresh()).toEqual({ status: "unchanged" });
  });

  it("a failed rebuild keeps the old index answering and logs why, once; the next change is built", async () => {
    const dirs = folders();
    const { live, index, logs } = await replica(dirs);
    const version = live.version;
    for (const name of readdirSync(dirs.corpusDir))
      if (name.endsWith(".txt")) rmSync(join(dirs.corpusDir, name));
    const outcome = await index.refresh();
    expect(outcome).toMatchObject({ status: "failed" });
    expect(String((outcome as { error: string }).error)).toMatch(/no documents/);
    const errors = logs.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      msg: "the corpus changed but the index could not be rebuilt; the previous index keeps answering",
      version,
    });
    expect(live.version).toBe(version);
    expect(docsOf(await live.answer("Төртінші тапсырмада не айтылған?"))[0]).toBe("assembly-26th-session");
    expect(await index.refresh()).toEqual({ status: "unchanged" });
    writeFileSync(join(dirs.corpusDir, "giraffes.txt"), GIRAFFES);
    expect(await index.refresh()).toMatchObject({ status: "reloaded", documents: 1 });
  });
});

describe("questions in flight", () => {
  it("finish on the engine they started on; later ones go to the new engine", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const engine = (name: string, wait?: Promise<void>) =>
      ({
        answer: async () => {
          await wait;
          return { question: name } as Answer;
        },
        openResult: { skipped: [], version: name },
      }) as unknown as HeldEngine;
    const live = new LiveEngine(engine("old", gate));
    const inFlight = live.answer("q");
    live.swap(engine("new"));
    expect((await live.answer("q")).question).toBe("new");
    release();
    expect((await inFlight).question).toBe("old");
    expect(live.version).toBe("new");
  });
});

describe("replicas sharing one index folder", () => {
  it("one builds the new version; the other loads it instead of building its own", async () => {
    const dirs = folders();
    const a = await replica(dirs);
    const b = await replica(dirs);
    expect(b.live.version).toBe(a.live.version);
    writeFileSync(join(dirs.corpusDir, "giraffes.txt"), GIRAFFES);
    const built = await a.index.refresh();
    expect(built).toMatchObject({ status: "reloaded", action: "built" });
    const loaded = await b.index.refresh();
    expect(loaded).toMatchObject({ status: "reloaded", action: "loaded" });
    expect(b.live.version).toBe(a.live.version);
    expect(docsOf(await b.live.answer("Жирафтар не жейді?"))).toContain("giraffes");
  });

  it("while another process holds the build lock, a replica waits for its version rather than building", async () => {
    const dirs = folders();
    const a = await replica(dirs);
    const lock = tryBuildLock(dirs.indexDir);
    expect(lock).not.toBeNull();
    expect(tryBuildLock(dirs.indexDir)).toBeNull();
    writeFileSync(join(dirs.corpusDir, "giraffes.txt"), GIRAFFES);
    expect(await a.index.refresh()).toEqual({ status: "busy" });
    lock?.release();
    expect(await a.index.refresh()).toMatchObject({ status: "reloaded", action: "built" });
  });
});
