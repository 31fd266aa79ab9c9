import { describe, expect, it } from "vitest";
import { ModelQueue } from "../src/indexes/dense/model-queue.js";

/** A fake model call: records each call's texts and how many ran at once. */
function fakeModel() {
  const calls: string[][] = [];
  let running = 0;
  let most = 0;
  const run = async (texts: readonly string[]) => {
    running += 1;
    most = Math.max(most, running);
    calls.push([...texts]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    running -= 1;
    if (texts.includes("boom")) throw new Error("model failed");
    return texts.map((t) => Float32Array.of(t.length));
  };
  return { run, calls, most: () => most };
}

describe("one model call at a time", () => {
  it("gathers questions that arrive while the model is busy into the next call, answers each its own", async () => {
    const model = fakeModel();
    const queue = new ModelQueue(model.run, 16);
    const questions = Array.from({ length: 20 }, (_, i) => "x".repeat(i + 1));
    const vectors = await Promise.all(questions.map((q) => queue.gathered([q])));
    expect(vectors.map(([v]) => v?.[0])).toEqual(questions.map((q) => q.length));
    expect(model.most()).toBe(1);
    // The first question went alone; the 19 that waited went in calls of at most 16.
    expect(model.calls.map((c) => c.length)).toEqual([1, 16, 3]);
  });

  it("lets a long job take its turns between questions, never two calls at once", async () => {
    const model = fakeModel();
    const queue = new ModelQueue(model.run);
    const job = Promise.all([queue.exclusive(["p1"]), queue.exclusive(["p2"])]);
    const asked = queue.gathered(["q"]);
    await Promise.all([job, asked]);
    expect(model.most()).toBe(1);
    expect(model.calls).toHaveLength(3);
  });

  it("fails only the questions of a failed call, and keeps serving", async () => {
    const model = fakeModel();
    const queue = new ModelQueue(model.run, 1);
    const bad = queue.gathered(["boom"]);
    const good = queue.gathered(["fine"]);
    await expect(bad).rejects.toThrow("model failed");
    expect((await good)[0]?.[0]).toBe(4);
    expect((await queue.gathered(["again"]))[0]?.[0]).toBe(5);
  });
});
