import * as transformers from "@huggingface/transformers";
import { describe, expect, it } from "vitest";
import { withLeanUnigramTries } from "../src/indexes/dense/lean-unigram-trie.js";

const SAMPLE = [
  "Мемлекет басшысы Ассамблеяның XXVI сессиясында сөз сөйледі.",
  "Төртінші тапсырма: «Жаңғыру жолы» атты жаңа жастар қозғалысы.",
  "Президент поручил разработать план развития до 2025 года.",
  "The President gave eight directives to the Assembly 🇰🇿.",
];

/** A Unigram vocabulary of every substring (up to 5 code points) of the sample, with seeded scores. */
function unigramTokenizerJSON() {
  const pieces = new Set<string>();
  for (const line of SAMPLE) {
    const chars = Array.from(`▁${line.replaceAll(" ", "▁")}`);
    for (let i = 0; i < chars.length; i++)
      for (let n = 1; n <= 5 && i + n <= chars.length; n++) pieces.add(chars.slice(i, i + n).join(""));
  }
  let seed = 7;
  const score = () => {
    seed = (seed * 48271) % 2147483647;
    return -1 - (seed % 1000) / 100;
  };
  return {
    model: { type: "Unigram", unk_id: 0, vocab: [["<unk>", 0], ...[...pieces].map((p) => [p, score()])] },
    normalizer: null,
    pre_tokenizer: { type: "Metaspace", replacement: "▁", prepend_scheme: "always", split: true },
    post_processor: null,
    decoder: null,
    added_tokens: [],
  };
}

function makeTokenizer() {
  return new transformers.PreTrainedTokenizer(unigramTokenizerJSON(), {});
}

type Probe = { _tokenizer: { model: { trie: object } } };

describe("lean Unigram tries", () => {
  const texts = [...SAMPLE, "жастар қозғалысы мен Ассамблея", "unknown ЪЪЪ words 🙂 here", "a"];

  it("tokenize exactly as the library's trie does, without its nodes", async () => {
    const library = makeTokenizer();
    const lean = await withLeanUnigramTries(transformers, async () => makeTokenizer());
    // The lean tokenizer really is the replacement: its trie answers from its own prefix search.
    const leanTrie = (lean as unknown as Probe)._tokenizer.model.trie;
    expect(Object.hasOwn(leanTrie, "common_prefix_search")).toBe(true);
    expect(Object.hasOwn((library as unknown as Probe)._tokenizer.model.trie, "common_prefix_search")).toBe(
      false,
    );
    for (const text of texts) expect(lean.encode(text)).toEqual(library.encode(text));
  });

  it("restores the library's trie after the load, also when the load fails", async () => {
    await expect(
      withLeanUnigramTries(transformers, async () => {
        throw new Error("load failed");
      }),
    ).rejects.toThrow("load failed");
    const after = makeTokenizer() as unknown as Probe;
    expect(Object.hasOwn(after._tokenizer.model.trie, "common_prefix_search")).toBe(false);
  });
});
