import { describe, expect, it } from "vitest";
import { kazakhAnalyzer } from "../src/indexes/index.js";
import { evaluateArticle, readArticleQuestions } from "../tools/eval/article.js";
import { openFreshEngine } from "../tools/eval/fresh-engine.js";
import { evaluateKazqad, kazqadAvailable } from "../tools/eval/kazqad.js";

/**
 * Quality floors a little under what `npm run eval` measures (keyword and structure legs, no
 * model), so a change that makes retrieval worse fails CI instead of slipping through.
 */
describe("retrieval quality floors (no model)", async () => {
  const engine = await openFreshEngine();
  const report = await evaluateArticle(engine, readArticleQuestions());

  it("answers ordinal questions with the named directive first, in all three languages", () => {
    for (const language of ["kk", "ru", "en"]) {
      expect(report.byCategory[`${language}/ordinal`]?.hitAt1, language).toBe(1);
    }
  });

  it("keeps the article's question set above its floors", () => {
    expect(report.byLanguage.kk?.hitAt1).toBeGreaterThanOrEqual(0.92);
    expect(report.byLanguage.kk?.hitAt3).toBeGreaterThanOrEqual(0.95);
    expect(report.byLanguage.ru?.hitAt1).toBeGreaterThanOrEqual(0.95);
    expect(report.byLanguage.en?.hitAt1).toBeGreaterThanOrEqual(0.9);
    expect(report.abstention).toBeGreaterThanOrEqual(0.9);
    expect(report.falseAbstention).toBeLessThanOrEqual(0.025);
  });

  it("keeps the held-out article questions above their floors", async () => {
    const heldOut = await evaluateArticle(engine, readArticleQuestions("eval/article-heldout.jsonl"));
    expect(heldOut.total.hitAt1).toBeGreaterThanOrEqual(0.85);
    expect(heldOut.total.hitAt3).toBeGreaterThanOrEqual(0.93);
    expect(heldOut.abstention).toBeGreaterThanOrEqual(0.8);
    expect(heldOut.falseAbstention).toBeLessThanOrEqual(0.08);
  });

  it("keeps the blind user-style development set above its floors (2026-12-01: 0.898 hit@1, near misses 95.2% declined)", async () => {
    const users = await evaluateArticle(engine, readArticleQuestions("eval/users-dev.jsonl"));
    expect(users.total.hitAt1).toBeGreaterThanOrEqual(0.88);
    expect(users.byCategory["all/ordinal"]?.hitAt1).toBe(1);
    expect(users.byCategory["all/summary"]?.hitAt1).toBe(1);
    expect(users.byTag["digit-ordinal"]?.hitAt1).toBe(1);
    expect(users.byTag["surname-only"]?.hitAt1).toBeGreaterThanOrEqual(0.93);
    expect(users.byTyping["kk/no-kazakh-letters"]?.hitAt1).toBeGreaterThanOrEqual(0.82);
    const declined = (scope: string) => {
      const s = users.abstentionByScope[scope];
      return s ? s.declined / s.n : 0;
    };
    expect(declined("unrelated")).toBeGreaterThanOrEqual(0.95);
    expect(declined("near-miss")).toBeGreaterThanOrEqual(0.92);
  });

  it.runIf(kazqadAvailable())("keeps KazQAD dev MRR@10 of the keyword leg above its floor", async () => {
    const summary = await evaluateKazqad(kazakhAnalyzer(), null);
    expect(summary.mrr).toBeGreaterThanOrEqual(0.75);
    expect(summary.hitAt1).toBeGreaterThanOrEqual(0.64);
  });
});
