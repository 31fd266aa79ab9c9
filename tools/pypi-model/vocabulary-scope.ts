/**
 * Keeping only the vocabulary the bot can meet. multilingual-e5-small's 250,002 SentencePiece
 * pieces cover a hundred languages; transformers.js holds every one of them in a character trie
 * (≈240 MB of a bot's memory, ≈0.9 s of its start). The bot reads Kazakh, Russian and English:
 * pieces made only of Latin, Cyrillic, Greek, punctuation, digits and common symbols — 150,257 of
 * them — tokenize any such text exactly as the full vocabulary does (Viterbi over a text never
 * uses a piece with a character the text lacks). Text in other scripts (CJK, Arabic…) becomes
 * <unk> for the meaning-based search; the keyword leg still reads it. The word-embedding rows of
 * the dropped pieces go too, and the kept ones are renumbered, so the ONNX file shrinks as well.
 */
import { type E5sModel, Q4_BLOCK, Q4_BLOCK_BYTES } from "./e5s-format.js";

/** Unicode ranges whose pieces are kept (the scripts of kk/ru/en text and what it quotes). */
export const KEPT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x02ff], // Latin, IPA, spacing modifiers
  [0x0300, 0x036f], // combining diacritics
  [0x0370, 0x03ff], // Greek
  [0x0400, 0x052f], // Cyrillic and its supplement (Kazakh letters)
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x2000, 0x22ff], // punctuation, super/subscripts, currency, letterlike, numbers, arrows, maths
  [0x2460, 0x24ff], // enclosed alphanumerics
  [0xff00, 0xffef], // fullwidth forms
];

const METASPACE = 0x2581;

function kept(piece: string): boolean {
  for (const char of piece) {
    const cp = char.codePointAt(0) as number;
    if (cp !== METASPACE && !KEPT_RANGES.some(([from, to]) => cp >= from && cp <= to)) return false;
  }
  return true;
}

/** A model cut down to the kept pieces, and for each new id the id it had in the file. */
export interface ScopedModel {
  readonly model: E5sModel;
  readonly originalIds: readonly number[];
}

/**
 * Keeps the pieces of {@link KEPT_RANGES}, the special tokens, and the piece with the lowest score
 * (the unknown-character score derives from it, so Viterbi weighs an <unk> as before), renumbered
 * in their original order, with their word-embedding rows.
 */
export function scopeVocabulary(model: E5sModel): ScopedModel {
  const { vocab, hyper } = model;
  const specials = new Set([vocab.bos, vocab.eos, vocab.pad, vocab.unk]);
  let lowest = 0;
  vocab.scores.forEach((score, id) => {
    if (score < (vocab.scores[lowest] as number)) lowest = id;
  });
  const originalIds = vocab.pieces.flatMap((piece, id) =>
    specials.has(id) || id === lowest || piece === "<mask>" || kept(piece) ? [id] : [],
  );
  const newId = new Map(originalIds.map((old, fresh) => [old, fresh]));
  const word = model.tensors.get("emb.word");
  if (!word) throw new Error("emb.word missing");
  const rowBytes = (hyper.hidden / Q4_BLOCK) * Q4_BLOCK_BYTES;
  const rows = new Uint8Array(originalIds.length * rowBytes);
  originalIds.forEach((old, fresh) => {
    rows.set(word.bytes.subarray(old * rowBytes, (old + 1) * rowBytes), fresh * rowBytes);
  });
  const tensors = new Map(model.tensors);
  tensors.set("emb.word", { ...word, elements: originalIds.length * hyper.hidden, bytes: rows });
  const id = (old: number) => newId.get(old) as number;
  return {
    originalIds,
    model: {
      ...model,
      hyper: { ...hyper, vocabRows: originalIds.length },
      vocab: {
        pieces: originalIds.map((old) => vocab.pieces[old] as string),
        scores: Float32Array.from(originalIds, (old) => vocab.scores[old] as number),
        bos: id(vocab.bos),
        eos: id(vocab.eos),
        pad: id(vocab.pad),
        unk: id(vocab.unk),
      },
      tensors,
    },
  };
}
