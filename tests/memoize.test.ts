import { describe, expect, it } from "vitest";
import { memoize } from "../src/text/index.js";

describe("memoize", () => {
  it("computes each key once, and starts afresh at capacity so memory stays bounded", () => {
    const calls: string[] = [];
    const length = memoize((word: string) => {
      calls.push(word);
      return word.length;
    }, 2);
    expect([length("аб"), length("аб"), length("абв")]).toEqual([2, 2, 3]);
    expect(calls).toEqual(["аб", "абв"]);
    length("x"); // full: forgets "аб" and "абв"
    length("аб");
    expect(calls).toEqual(["аб", "абв", "x", "аб"]);
  });
});
