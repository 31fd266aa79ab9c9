/**
 * Generator for a tiny, deterministic, BERT-shaped feature-extraction model.
 *
 * The product embeds passages with a transformers.js model whose weights cannot be downloaded in CI or
 * in the sandbox. Instead of committing a binary, tests and benchmarks generate this stand-in on the fly:
 * a real Hugging Face `tokenizer.json` (BERT WordPiece) plus an ONNX graph whose only operation is a
 * `Gather` of an embedding table. Mean-pooling its output turns a text into an average of its token
 * vectors, so similarity behaves like a bag of tokens: a query that shares words with a passage ranks it
 * first. Because word-initial pieces are the first `prefixLength` letters of a word, Kazakh inflected
 * forms ("тапсырма", "тапсырмасы") share their leading token and therefore land close together.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/** Options of {@link generateTinyModel}; the defaults keep the files small and the output reproducible. */
export interface TinyModelOptions {
  /** Texts whose words make up the vocabulary (e.g. the corpus files), so none of them tokenizes to [UNK]. */
  texts: string[];
  /** Width of the embedding vectors (`hidden_size`); default 32. */
  dimensions?: number;
  /** Seed of the PRNG that fills the embedding table; same seed and texts give byte-identical files. */
  seed?: number;
  /** Length of the word-initial piece; inflected forms sharing this many letters share a token. Default 5. */
  prefixLength?: number;
}

/** Special tokens, in vocabulary order (ids 0..4), as BERT tokenizers declare them. */
const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;

/** Same character classes as the BertPreTokenizer: punctuation is split off as single-character words. */
const PUNCTUATION = "\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E";
const WORD_PATTERN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, "gu");

/** Characters always present, so digits, punctuation and any Kazakh/Russian/English letter tokenize. */
const BASE_ALPHABET = [
  "abcdefghijklmnopqrstuvwxyz",
  "0123456789",
  "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
  "әғқңөұүһі",
  ".,;:!?-–—()[]{}«»\"'/%№+=*&@#$_<>|~^`\\",
].join("");

/** Lower-cases and cleans text exactly like the BertNormalizer configured below, then splits it into words. */
function splitWords(text: string): string[] {
  let cleaned = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (
      code === 0 ||
      code === 0xfffd ||
      (/^[\p{Cc}\p{Cf}\p{Co}\p{Cs}]$/u.test(char) && !/[\t\n\r]/.test(char))
    ) {
      continue;
    }
    cleaned += /^\s$/.test(char) ? " " : char;
  }
  return cleaned.toLowerCase().match(WORD_PATTERN) ?? [];
}

/** Builds the WordPiece vocabulary: specials, single characters, `##` continuations, then word prefixes. */
function buildVocab(texts: string[], prefixLength: number): Map<string, number> {
  const chars = new Set<string>([...BASE_ALPHABET]);
  const prefixes = new Set<string>();
  for (const text of texts) {
    for (const word of splitWords(text)) {
      const letters = [...word];
      for (const char of letters) chars.add(char);
      prefixes.add(letters.slice(0, prefixLength).join(""));
    }
  }
  const sortedChars = [...chars].sort();
  const ordered = [
    ...SPECIAL_TOKENS,
    ...sortedChars,
    ...sortedChars.map((char) => `##${char}`),
    ...[...prefixes].filter((prefix) => !chars.has(prefix)).sort(),
  ];
  return new Map(ordered.map((token, id) => [token, id]));
}

/** mulberry32: a tiny seeded PRNG, so the embedding table is reproducible without any dependency. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fills a vocabSize × dimensions table with uniform values of unit variance. Word-initial pieces get full
 * weight; `##` continuations (shared by almost every word) and special tokens are damped so that the pooled
 * vector is dominated by the words themselves.
 */
function buildEmbeddings(vocab: Map<string, number>, dimensions: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const table = new Float32Array(vocab.size * dimensions);
  const specials = new Set<string>(SPECIAL_TOKENS);
  for (const [token, id] of vocab) {
    const scale = specials.has(token) ? 0.1 : token.startsWith("##") ? 0.35 : 1;
    for (let d = 0; d < dimensions; d++) {
      table[id * dimensions + d] = (random() * 2 - 1) * Math.sqrt(3) * scale;
    }
  }
  return table;
}

/** Declares an int64 [batch_size, sequence_length] graph input, as exported BERT models do. */
export function int64Input(name: string): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.INT64,
        shape: { dim: [{ dimParam: "batch_size" }, { dimParam: "sequence_length" }] },
      },
    },
  };
}

/** Encodes the ModelProto: `last_hidden_state = Gather(embeddings, input_ids)`; other inputs stay unused. */
function buildOnnxModel(table: Float32Array, vocabSize: number, dimensions: number): Uint8Array {
  const raw = new Uint8Array(table.byteLength);
  const view = new DataView(raw.buffer);
  for (const [index, value] of table.entries()) view.setFloat32(index * 4, value, true);
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "kazakh-doc-bot tiny-model generator",
    producerVersion: "1",
    opsetImport: [{ domain: "", version: 13 }],
    graph: {
      name: "tiny_bag_of_words",
      node: [
        {
          name: "embeddings",
          opType: "Gather",
          input: ["embeddings.word_embeddings.weight", "input_ids"],
          output: ["last_hidden_state"],
          attribute: [{ name: "axis", type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
        },
      ],
      initializer: [
        {
          name: "embeddings.word_embeddings.weight",
          dataType: onnx.TensorProto.DataType.FLOAT,
          dims: [vocabSize, dimensions],
          rawData: raw,
        },
      ],
      input: [int64Input("input_ids"), int64Input("attention_mask"), int64Input("token_type_ids")],
      output: [
        {
          name: "last_hidden_state",
          type: {
            tensorType: {
              elemType: onnx.TensorProto.DataType.FLOAT,
              shape: {
                dim: [{ dimParam: "batch_size" }, { dimParam: "sequence_length" }, { dimValue: dimensions }],
              },
            },
          },
        },
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** The Hugging Face tokenizers JSON of a lower-casing BERT WordPiece tokenizer over `vocab`. */
function buildTokenizerJson(vocab: Map<string, number>): unknown {
  const id = (token: string): number => vocab.get(token) ?? 0;
  const special = (token: string) => ({ id: token, ids: [id(token)], tokens: [token] });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: false,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: { "[CLS]": special("[CLS]"), "[SEP]": special("[SEP]") },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab),
    },
  };
}

/** `config.json` of a one-layer-looking BERT; transformers.js reads `model_type` to pick `BertModel`. */
function buildConfig(vocabSize: number, dimensions: number): unknown {
  return {
    architectures: ["BertModel"],
    model_type: "bert",
    hidden_size: dimensions,
    intermediate_size: dimensions * 4,
    num_attention_heads: 1,
    num_hidden_layers: 1,
    hidden_act: "gelu",
    hidden_dropout_prob: 0,
    attention_probs_dropout_prob: 0,
    initializer_range: 0.02,
    layer_norm_eps: 1e-12,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    vocab_size: vocabSize,
    pad_token_id: 0,
    position_embedding_type: "absolute",
    torch_dtype: "float32",
  };
}

/** `tokenizer_config.json` and `special_tokens_map.json`, mirroring what `save_pretrained` writes for BERT. */
function buildTokenizerConfigs(vocab: Map<string, number>): { config: unknown; specialMap: unknown } {
  const specialMap = {
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    cls_token: "[CLS]",
    sep_token: "[SEP]",
    mask_token: "[MASK]",
  };
  const addedTokensDecoder = Object.fromEntries(
    SPECIAL_TOKENS.map((content) => [
      String(vocab.get(content)),
      { content, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true },
    ]),
  );
  const config = {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    strip_accents: false,
    tokenize_chinese_chars: true,
    model_max_length: 512,
    clean_up_tokenization_spaces: true,
    added_tokens_decoder: addedTokensDecoder,
    ...specialMap,
  };
  return { config, specialMap };
}

/**
 * Writes a complete transformers.js model folder into `dir` (which is <modelRoot>/<org>/<name>):
 * config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json, onnx/model.onnx (fp32) and
 * onnx/model_quantized.onnx (the same fp32 graph: transformers.js only picks the file name by dtype).
 * Returns the vocabulary size and the vector width so callers can assert on them.
 */
export async function generateTinyModel(
  dir: string,
  options: TinyModelOptions,
): Promise<{ vocabSize: number; dimensions: number }> {
  const dimensions = options.dimensions ?? 32;
  const seed = options.seed ?? 42;
  const prefixLength = options.prefixLength ?? 5;
  if (!Number.isInteger(dimensions) || dimensions < 1) throw new Error(`Invalid dimensions: ${dimensions}`);
  if (!Number.isInteger(prefixLength) || prefixLength < 1)
    throw new Error(`Invalid prefixLength: ${prefixLength}`);

  const vocab = buildVocab(options.texts, prefixLength);
  const onnxBytes = buildOnnxModel(buildEmbeddings(vocab, dimensions, seed), vocab.size, dimensions);
  const { config: tokenizerConfig, specialMap } = buildTokenizerConfigs(vocab);
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

  await mkdir(join(dir, "onnx"), { recursive: true });
  await Promise.all([
    writeFile(join(dir, "config.json"), json(buildConfig(vocab.size, dimensions))),
    writeFile(join(dir, "tokenizer.json"), json(buildTokenizerJson(vocab))),
    writeFile(join(dir, "tokenizer_config.json"), json(tokenizerConfig)),
    writeFile(join(dir, "special_tokens_map.json"), json(specialMap)),
    writeFile(join(dir, "onnx", "model.onnx"), onnxBytes),
    writeFile(join(dir, "onnx", "model_quantized.onnx"), onnxBytes),
  ]);
  return { vocabSize: vocab.size, dimensions };
}
