import type { Passage } from "../../passages/index.js";
import type { Embedder } from "./embedder.js";
import type { PassageInContext } from "./in-context.js";
import type { ReusableVectors } from "./reusable-vectors.js";
import { passageSentenceSpans, type SentenceVectors, sentenceVectors } from "./sentence-vectors.js";

/**
 * How a dense leg's sentence vectors were made: read off their passage's forward pass
 * (`in-context`, the in-process model) or embedded one by one (`separate`, a server's pooled
 * vectors). The two are different vectors of the same sentence, so an index records which it
 * holds, and vectors of one kind are never reused for the other.
 */
export type SentenceMethod = "in-context" | "separate";

/** The method an embedder makes sentence vectors by. */
export function sentenceMethodOf(embedder: Pick<Embedder, "embedInContext">): SentenceMethod {
  return embedder.embedInContext ? "in-context" : "separate";
}

/** Options of {@link embedCorpus}. */
export interface EmbedCorpusOptions {
  /** Vectors of an earlier index (same model and method), by text: not embedded again. */
  reuse?: ReusableVectors;
  /** Told the work to do (in units of `total`), then each step done. */
  progress?: {
    start(label: string, total: number): void;
    update(done: number): void;
  };
}

/** Every passage's vector and its sentences', as the dense leg keeps them. */
export interface CorpusVectors {
  readonly passages: Float32Array[];
  readonly sentences: SentenceVectors;
  readonly method: SentenceMethod;
}

/**
 * Embeds passages and their sentences. With an in-process model each passage goes through the
 * model once and its sentences' vectors come from that pass (half the work of embedding them
 * apart: the KazQAD pool's dense leg took 125 s, now 53 s); otherwise every text is embedded on
 * its own. Texts `reuse` has are not embedded — a passage only when its sentences are there too.
 */
export async function embedCorpus(
  passages: readonly Passage[],
  embedder: Embedder,
  options: EmbedCorpusOptions = {},
): Promise<CorpusVectors> {
  const spans = passageSentenceSpans(passages);
  const sentenceTexts = spans.map((list) => list.map((s) => s.text));
  const texts = [...passages.map((p) => p.text), ...sentenceTexts.flat()];
  const reuse = options.reuse ?? new Map<string, Float32Array>();
  const method = sentenceMethodOf(embedder);
  const made =
    method === "in-context"
      ? await embedInContext(passages, spans, embedder, reuse, options)
      : await embedSeparately(texts, embedder, reuse, options, passages.length);
  const vectors = texts.map((text) => (made.get(text) ?? reuse.get(text)) as Float32Array);
  return {
    passages: vectors.slice(0, passages.length),
    sentences: sentenceVectors(
      vectors.slice(passages.length),
      sentenceTexts.map((s) => s.length),
    ),
    method,
  };
}

async function embedInContext(
  passages: readonly Passage[],
  spans: readonly { text: string; start: number }[][],
  embedder: Embedder,
  reuse: ReusableVectors,
  options: EmbedCorpusOptions,
): Promise<Map<string, Float32Array>> {
  const all: PassageInContext[] = passages.map((p, i) => ({ text: p.text, sentences: spans[i] ?? [] }));
  const todo = all.filter((p) => !reuse.has(p.text) || p.sentences.some((s) => !reuse.has(s.text)));
  const sentences = todo.reduce((n, p) => n + p.sentences.length, 0);
  options.progress?.start(
    `embedding ${todo.length} passages with ${embedder.modelId}, their ${sentences} sentences read from the same pass${reusedNote(all.length - todo.length, "passages")}`,
    todo.length,
  );
  const embedded = await (embedder.embedInContext as NonNullable<Embedder["embedInContext"]>)(todo, (done) =>
    options.progress?.update(done),
  );
  const made = new Map<string, Float32Array>();
  todo.forEach((passage, i) => {
    const vectors = embedded[i];
    if (!vectors) return;
    made.set(passage.text, vectors.passage);
    passage.sentences.forEach((sentence, j) => {
      const vector = vectors.sentences[j];
      if (vector && vector.length > 0) made.set(sentence.text, vector);
    });
  });
  // Sentences past the model's length limit were cut from their passage's pass: on their own.
  const left = [...new Set(todo.flatMap((p) => p.sentences.map((s) => s.text)))].filter(
    (text) => !made.has(text) && !reuse.has(text),
  );
  const more = left.length > 0 ? await embedder.embedPassages(left) : [];
  left.forEach((text, i) => {
    made.set(text, more[i] as Float32Array);
  });
  return made;
}

async function embedSeparately(
  texts: readonly string[],
  embedder: Embedder,
  reuse: ReusableVectors,
  options: EmbedCorpusOptions,
  passageCount: number,
): Promise<Map<string, Float32Array>> {
  const missing = texts.filter((text) => !reuse.has(text));
  const fresh = [...new Set(missing)];
  options.progress?.start(
    `embedding ${passageCount} passages and their ${texts.length - passageCount} sentences with ${embedder.modelId}${reusedNote(texts.length - missing.length, "vectors")}`,
    fresh.length,
  );
  const embedded = await embedder.embedPassages(fresh, (done) => options.progress?.update(done));
  return new Map(fresh.map((text, i) => [text, embedded[i] as Float32Array]));
}

function reusedNote(count: number, what: string): string {
  return count > 0 ? ` (${count} ${what} reused from the previous index)` : "";
}
