import { describe, expect, it } from "vitest";
import { AnswerCache } from "../src/answer/answer-cache.js";

/** A `make` that counts its calls and resolves when told. */
function maker(value: string, keep = true) {
  let calls = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const make = async () => {
    calls += 1;
    await gate;
    return { value, keep };
  };
  return { make, release: () => release(), calls: () => calls };
}

describe("answer cache", () => {
  it("answers a question asked again, or asked while its answer is being made, from one making", async () => {
    const cache = new AnswerCache<string>(10);
    const first = maker("a");
    const together = [cache.get("q", first.make), cache.get("q", first.make)];
    first.release();
    expect(await Promise.all(together)).toEqual(["a", "a"]);
    expect(await cache.get("q", first.make)).toBe("a");
    expect(first.calls()).toBe(1);
  });

  it("drops the least recently asked when full", async () => {
    const cache = new AnswerCache<string>(2);
    const [a, b, c] = [maker("a"), maker("b"), maker("c")];
    for (const m of [a, b, c]) m.release();
    await cache.get("a", a.make);
    await cache.get("b", b.make);
    await cache.get("a", a.make); // "a" is now the most recent
    await cache.get("c", c.make);
    expect(cache.size).toBe(2);
    await cache.get("a", a.make);
    await cache.get("b", b.make);
    expect(a.calls()).toBe(1);
    expect(b.calls()).toBe(2);
  });

  it("keeps nothing that failed or was not to be kept, and nothing at all with capacity 0", async () => {
    const cache = new AnswerCache<string>(10);
    await expect(cache.get("q", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const partial = maker("without the model", false);
    partial.release();
    expect(await cache.get("q", partial.make)).toBe("without the model");
    expect(cache.size).toBe(0);
    const none = new AnswerCache<string>(0);
    const m = maker("x");
    m.release();
    await none.get("q", m.make);
    await none.get("q", m.make);
    expect(m.calls()).toBe(2);
  });
});
