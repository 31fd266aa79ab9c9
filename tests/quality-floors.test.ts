import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AnswerEngine } from "../src/answer/index.js";
import { kazakhAnalyzer } from "../src/indexes/index.js";
import { evaluateArticle, readArticleQuestions } from "../tools/eval/article.js";
import { evaluateKazqad, kazqadAvailable } from "../tools/eval/kazqad.js";

/**
 * Quality floors a little under what `npm run eval` measures (keyword and structure legs, no
 * model), so a change that makes retrieval worse fails CI instead of slipping through.
 */
describe("retrieval quality floors (no model)", async () => {
  const root = mkdtempSync(join(tmpdir(), "floors-"));
  cpSync("corpus", join(root, "corpus"), { recursive: true });
  const engine = await AnswerEngine.open({
    corpusDir: join(root, "corpus"),
    indexDir: join(root, "index"),
    analyzer: kazakhAnalyzer(),
    embedderInstance: null,
  });
  const report = await evaluateArticle(engine, readArticleQuestions());

  it("answers ordinal questions with the named directive first, in all three languages", () => {
    for (const language of ["kk", "ru", "en"]) {
      expect(report.byCategory[`${language}/ordinal`]?.hitAt1, language).toBe(1);
    }
  });

  it("keeps the article's question set above its floors", () => {
    expect(report.byLanguage.kk?.hitAt1).toBeGreaterThanOrEqual(0.75);
    expect(report.byLanguage.kk?.hitAt3).toBeGreaterThanOrEqual(0.88);
    expect(report.byLanguage.ru?.hitAt1).toBeGreaterThanOrEqual(0.7);
    expect(report.byLanguage.en?.hitAt1).toBeGreaterThanOrEqual(0.7);
    expect(report.abstention).toBeGreaterThanOrEqual(0.5);
    expect(report.falseAbstention).toBeLessThanOrEqual(0.06);
  });

  it.runIf(kazqadAvailable())("keeps KazQAD dev MRR@10 of the keyword leg above its floor", async () => {
    const summary = await evaluateKazqad(kazakhAnalyzer(), null);
    expect(summary.mrr).toBeGreaterThanOrEqual(0.74);
    expect(summary.hitAt1).toBeGreaterThanOrEqual(0.64);
  });
});
