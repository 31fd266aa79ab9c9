/**
 * Failures are visible and bounded: a send that keeps failing is retried with one log line per
 * retry, given up when its budget is spent, and the user gets the apology (itself bounded); the
 * chat is then free again. Budgets are scaled down here; the defaults (25 s, apology 5 s) give up
 * on a chat within about 30 s.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, shown, startHarness } from "./support/bot-harness.js";
import { StubEngine } from "./support/bot-stub-engine.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const BUDGET_MS = 1000;

describe("a chat whose sends keep failing", () => {
  it("is retried with one log line per retry, given up within the budget, apologised to, then served again", async () => {
    h = await startHarness(new StubEngine(), {
      retry: { budgetMs: BUDGET_MS, backoffMs: 100 },
      apologyTimeoutMs: 250,
    });
    const harness = h;
    harness.api.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, 1000);
    const { update_id } = harness.api.sendText({ chatId: 6001, text: "Тварионас кім?", languageCode: "en" });
    const done = await waitForLog(harness, (r) => r.msg === "update" && r.update === update_id);
    expect(done).toMatchObject({ outcome: "error" });

    const records = harness.records().filter((r) => String(r.msg).startsWith("API call failed"));
    const attempts = harness.api.calls.filter((c) => c.method === "sendMessage" && c.injected);
    const isApology = (c: (typeof attempts)[number]) => String(c.params.text).startsWith("Sorry");
    // The answer's lines come first and end with its giving up; the apology's follow.
    const split = records.findIndex((r) => r.msg === "API call failed; giving up") + 1;
    const answer = records.slice(0, split);
    const apology = records.slice(split);
    for (const line of records)
      expect(line).toMatchObject({ method: "sendMessage", error: "502: Bad Gateway" });
    // The answer: one retry line per failed attempt but the last, which gave up.
    expect(answer.filter((r) => r.msg === "API call failed; retrying")).toHaveLength(answer.length - 1);
    expect(answer.length).toBe(attempts.filter((c) => !isApology(c)).length);
    expect(answer.length).toBeGreaterThanOrEqual(3);
    // Backoff doubles, and the waits stay within the budget.
    const waits = answer.slice(0, -1).map((r) => Number(r.retry_in_ms));
    expect(waits.slice(0, 3)).toEqual([100, 200, 400]);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(BUDGET_MS);
    // The apology: tried in the user's language, retried until its own deadline cut the wait short.
    expect(apology.at(-1)?.msg).toBe("API call failed; giving up");
    expect(apology.length - 1).toBe(attempts.filter(isApology).length);
    expect(attempts.some(isApology)).toBe(true);
    expect(harness.records().some((r) => r.msg === "handler failed" && r.update === update_id)).toBe(true);

    // Telegram recovers: the same chat is answered again.
    harness.api.clearFailures();
    harness.api.sendText({ chatId: 6001, text: "Тварионас кім?", languageCode: "en" });
    expect(shown(await harness.reply(6001))).toContain("Тварионас");
  });

  it("does not wait out a 429 whose retry_after is longer than the budget: one line, given up", async () => {
    h = await startHarness(new StubEngine(), { retry: { budgetMs: BUDGET_MS }, apologyTimeoutMs: 300 });
    const harness = h;
    harness.api.failNext(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 60", parameters: { retry_after: 60 } },
      2,
    );
    const { update_id } = harness.api.sendText({ chatId: 6002, text: "Тварионас кім?" });
    await waitForLog(harness, (r) => r.msg === "update" && r.update === update_id);
    const records = harness.records();
    expect(records.filter((r) => r.msg === "API call failed; retrying")).toEqual([]);
    expect(records.filter((r) => r.msg === "API call failed; giving up")).toHaveLength(2);
  });
});

async function waitForLog(
  harness: Harness,
  predicate: (record: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  await expect.poll(() => harness.records().some(predicate), { timeout: 20_000 }).toBe(true);
  return harness.records().find(predicate) as Record<string, unknown>;
}
