import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { snapshotFiles } from "./support/files.js";

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), "cli-"));
const corpusDir = join(root, "corpus");
const indexDir = join(root, "index");
const env = { ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, EMBEDDINGS: "off", NO_COLOR: "1" };

/** Runs an npm script the way a user does; returns stdout, stderr and the exit code. */
async function npm(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const child = run("npm", ["run", "--silent", ...args], { env: options.env ?? env, maxBuffer: 1 << 24 });
  if (options.input !== undefined) {
    child.child.stdin?.end(options.input);
  }
  try {
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

interface JsonAnswer {
  question: string;
  abstained: boolean;
  passages: { rank: number; doc: string; text: string; score: number; cite: string }[];
}

beforeAll(() => {
  cpSync("corpus", corpusDir, { recursive: true });
});

describe("npm run index", () => {
  it("builds every index and reports documents, passages, legs and time", async () => {
    const { stdout, code } = await npm(["index", "--", "--corpus", corpusDir, "--out", indexDir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/documents: 1/);
    expect(stdout).toMatch(/passages: +\d+ \(8 numbered sections\)/);
    expect(stdout).toMatch(/legs: +structure, keyword/);
    expect(stdout).toMatch(/time: +[\d.]+ s/);
  });
});

describe("npm run ask --json", () => {
  const ask = async (question: string) => {
    const { stdout, code } = await npm(["ask", "--", "--json", question]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    return JSON.parse(lines[0] as string) as JsonAnswer;
  };

  it("prints exactly one JSON object with the contract's fields", async () => {
    const answer = await ask("Елбасының төртінші тапсырмасы қандай?");
    // The first three fields are the original contract; the rest were added after it.
    expect(Object.keys(answer)).toEqual([
      "question",
      "abstained",
      "passages",
      "reason",
      "missing",
      "leads",
      "context",
    ]);
    expect(answer.abstained).toBe(false);
    expect(answer.passages).toHaveLength(3);
    const [first] = answer.passages;
    expect(Object.keys(first ?? {})).toEqual(["rank", "doc", "text", "score", "cite"]);
    expect(first?.rank).toBe(1);
    expect(first?.doc).toBe("assembly-26th-session");
    expect(first?.text).toContain("ҚХА-ның «Жаңғыру жолы» атты жаңа жастар қозғалысы");
    expect(first?.cite).toMatch(/"Төртінші" \(№4\), ¶\d+–\d+, lines \d+–\d+/);
    expect(first?.score).toBeGreaterThan(0);
  });

  it.each([
    "Төртінші тапсырмада не айтылған?",
    "Tell me about directive number four",
    "О чём четвёртое поручение?",
  ])("puts the fourth directive first for %s", async (question) => {
    const answer = await ask(question);
    expect(answer.passages[0]?.text).toContain("«Жаңғыру жолы»");
  });

  it("finds the deputy chairs", async () => {
    const answer = await ask("ҚХА Төрағасының жаңа орынбасарлары кім болды?");
    expect(answer.passages[0]?.text).toContain("Тварионас");
    expect(answer.passages[0]?.text).toContain("Салжанов");
  });

  it("answers --stdin questions in order, one JSON line each, in one process", async () => {
    const questions = [
      "Бесінші тапсырма не туралы?",
      "Tell me about directive number four",
      "Сегізінші тапсырма",
    ];
    const { stdout, code } = await npm(["ask", "--", "--json", "--stdin"], {
      input: `${questions.join("\n")}\n`,
    });
    expect(code).toBe(0);
    const answers = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as JsonAnswer);
    expect(answers.map((a) => a.question)).toEqual(questions);
    expect(answers.map((a) => a.passages[0]?.cite.match(/№(\d)/)?.[1])).toEqual(["5", "4", "8"]);
  });

  it("abstains on a question the article does not cover", async () => {
    const answer = await ask("How tall is Mount Everest?");
    expect(answer.abstained).toBe(true);
    expect(answer.passages).toEqual([]);
  });
});

describe("human output and errors", () => {
  it("quotes the passages under short citations, the others under 'more', with no scores", async () => {
    const { stdout, code } = await npm(["ask", "--", "Show me the fourth directive"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Q: Show me the fourth directive\n\n {3}> Төртінші\n {3}> ҚХА-ның «Жаңғыру жолы»/,
    );
    expect(stdout).toContain(
      "\n   Directive 4 · ¶36–38 · XXVI session of the Assembly of People of Kazakhstan\n",
    );
    expect(stdout).toMatch(/\n— 2 more passages —\n/);
    expect(stdout).not.toMatch(/score|0\.\d\d/);
  });

  it("declines in the question's language, as the bot does", async () => {
    const ru = await npm(["ask", "--", "Какая погода в Париже?"]);
    expect(ru.stdout).toContain("В статье об этом не говорится, поэтому цитировать нечего.");
    const kk = await npm(["ask", "--", "12-ші тапсырма не туралы?"]);
    expect(kk.stdout).toContain("Мақалада 8 тапсырма бар — 12-тапсырма жоқ.");
    const en = await npm(["ask", "--", "???"]);
    expect(en.stdout).toMatch(/Сұрағыңызды сөзбен жазыңыз\.|Please write your question in words\./);
  });

  it("stops with one clear line, no stack trace, on a non-UTF-8 corpus file", async () => {
    const bad = mkdtempSync(join(tmpdir(), "bad-corpus-"));
    writeFileSync(join(bad, "broken.txt"), Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    const { stderr, code } = await npm(["ask", "--", "--json", "x"], {
      env: { ...env, CORPUS_DIR: bad, INDEX_DIR: join(bad, "idx") },
    });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/broken\.txt: not UTF-8 text/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("rejects a wrong flag with the usage line", async () => {
    const { stderr, code } = await npm(["ask", "--", "--k", "zero", "q"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--k must be a whole number/);
  });

  it("rejects a wrong setting with the variable's name", async () => {
    const { stderr, code } = await npm(["ask", "--", "q"], { env: { ...env, EMBEDDINGS: "sometimes" } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/EMBEDDINGS/);
  });
});

describe("no command destroys an index it was not asked to rebuild", () => {
  const snapshot = (dir: string) => snapshotFiles(dir);
  /** An index of the article in its own folder, and a second corpus that is not the article. */
  const setUp = async () => {
    const base = mkdtempSync(join(tmpdir(), "cli-owner-"));
    const article = join(base, "article");
    cpSync("corpus", article, { recursive: true });
    const other = join(base, "other");
    mkdirSync(other);
    writeFileSync(join(other, "other.txt"), "Басқа мақала\nМүлде басқа мәтін, басқа тақырып.\n");
    const index = join(base, "index");
    const built = await npm(["index", "--", "--corpus", article, "--out", index]);
    expect(built.code).toBe(0);
    return { article, other, index, before: snapshot(index) };
  };

  it("ask --index DIR answers from the corpus DIR was built from, whatever CORPUS_DIR says", async () => {
    const { other, index, before } = await setUp();
    const { stdout, stderr, code } = await npm(
      ["ask", "--", "--index", index, "--json", "Төртінші тапсырма"],
      {
        env: { ...env, CORPUS_DIR: other },
      },
    );
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as JsonAnswer).passages[0]?.text).toContain("Жаңғыру жолы");
    expect(stderr).toMatch(/answering from .*article, the corpus .*index was built from/);
    expect(snapshot(index)).toEqual(before);
  });

  it("ask --index DIR --corpus OTHER stops with one line saying whose index DIR is, and leaves it alone", async () => {
    const { article, other, index, before } = await setUp();
    const { stderr, code } = await npm(["ask", "--", "--index", index, "--corpus", other, "x"]);
    expect(code).toBe(1);
    const lines = stderr.split("\n").filter((line) => line.trim() && !line.startsWith("npm "));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^ask: ${index} holds the index of corpus ${article}, not of ${other}: `),
    );
    expect(snapshot(index)).toEqual(before);
  });

  it("npm run index -- --corpus OTHER --out DIR replaces it, as asked, and says so", async () => {
    const { article, other, index } = await setUp();
    const { stdout, stderr, code } = await npm(["index", "--", "--corpus", other, "--out", index]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/documents: 1/);
    expect(stderr).toContain(`replacing the index in ${index}, which was built from ${article}, as asked`);
  });

  it("npm run index exits 1 when it cannot save the index", async () => {
    const base = mkdtempSync(join(tmpdir(), "cli-unsaved-"));
    writeFileSync(join(base, "a-file"), "not a folder");
    const { stdout, stderr, code } = await npm(["index", "--", "--out", join(base, "a-file", "index")]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/could not save the index to .*a-file\/index/);
    expect(stdout).toMatch(/saved to: +.*a-file\/index — FAILED, not saved/);
  });
});
