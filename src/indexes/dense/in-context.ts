/**
 * Sentence vectors read off the passage's own forward pass ("late chunking"): the passage is run
 * through the model once, and each sentence's vector is the mean of its tokens' output there.
 * Embedding every sentence on its own as well doubled the model's work on a corpus; this costs
 * nothing past the passage's pass, and a sentence keeps what the passage around it says (a
 * sentence about "it" still knows what "it" is).
 */

/** A passage to embed with its sentences, each with its offset in the passage text. */
export interface PassageInContext {
  readonly text: string;
  readonly sentences: readonly { readonly text: string; readonly start: number }[];
}

/** A passage's vector and its sentences' (in the order given), each of unit length. */
export interface InContextVectors {
  readonly passage: Float32Array;
  readonly sentences: Float32Array[];
}

/** The tokens of one forward pass, and where each sentence's tokens lie in it. */
export interface ContextTokens {
  readonly ids: number[];
  /** Per sentence, `[first, end)` token positions; empty (`first === end`) when truncation cut it off. */
  readonly spans: [number, number][];
}

/** What the tokenizer must do: ids of a text without special tokens, and the special tokens around a text. */
export interface PieceTokenizer {
  pieceIds(text: string): number[];
  readonly bos: number[];
  readonly eos: number[];
}

/**
 * The token ids of `prefix + passage`, tokenized piece by piece — the text between sentences
 * and each sentence on its own — so each sentence's token span is known exactly. SentencePiece
 * tokenizers start every word at a space, so the pieces tokenize as the whole text does.
 * Truncated to `maxTokens` with the end token kept, as the pipeline truncates.
 */
export function contextTokens(
  passage: PassageInContext,
  prefix: string,
  tokenizer: PieceTokenizer,
  maxTokens: number,
): ContextTokens {
  const ids = [...tokenizer.bos];
  if (prefix.trim()) ids.push(...tokenizer.pieceIds(prefix.trim()));
  const spans: [number, number][] = [];
  let at = 0;
  for (const sentence of passage.sentences) {
    const between = passage.text.slice(at, sentence.start).trim();
    if (between) ids.push(...tokenizer.pieceIds(between));
    const first = ids.length;
    ids.push(...tokenizer.pieceIds(sentence.text));
    spans.push([first, ids.length]);
    at = sentence.start + sentence.text.length;
  }
  const rest = passage.text.slice(at).trim();
  if (rest) ids.push(...tokenizer.pieceIds(rest));
  const kept = Math.min(ids.length, maxTokens - tokenizer.eos.length);
  ids.length = kept;
  ids.push(...tokenizer.eos);
  return { ids, spans: spans.map(([first, end]) => [Math.min(first, kept), Math.min(end, kept)]) };
}

/**
 * Mean-pools a forward pass's output (`hidden`: tokens × `dims`, row-major): the whole sequence
 * for the passage — exactly what the pipeline's mean pooling gives for one unpadded text — and
 * each span for its sentence. A span truncation cut off gets an empty vector.
 */
export function poolInContext(
  hidden: Float32Array,
  dims: number,
  spans: readonly [number, number][],
): InContextVectors {
  const tokens = hidden.length / dims;
  return {
    passage: meanOf(hidden, dims, 0, tokens),
    sentences: spans.map(([first, end]) =>
      end > first ? meanOf(hidden, dims, first, end) : new Float32Array(0),
    ),
  };
}

function meanOf(hidden: Float32Array, dims: number, first: number, end: number): Float32Array {
  const sum = new Float32Array(dims);
  for (let t = first; t < end; t++)
    for (let d = 0; d < dims; d++) sum[d] = (sum[d] as number) + (hidden[t * dims + d] as number);
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += (sum[d] as number) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) sum[d] = (sum[d] as number) / norm;
  return sum;
}
