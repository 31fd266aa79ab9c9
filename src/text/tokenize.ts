/**
 * Word tokenization with offsets into the original text.
 *
 * Decisions (documented here because documents and queries must agree on them):
 * - A word is a run of Unicode letters, combining marks and digits; an apostrophe between two
 *   word characters stays inside the word ("president's"), everything else separates words.
 * - Hyphenated compounds are split into their parts ("береке-бірлік" → "береке", "бірлік";
 *   "Нью-Йорк" → "нью", "йорк"): Kazakh pair words and compounds are searched by either half.
 * - A part that is only a grammatical ending written after a hyphen is not a word of its own:
 *   "АТФ-ның" → "атф", "40-тан" → "40", "5-го" → "5" (the span still covers the ending).
 * - Ordinals written with digits: "4-ші" gives "4" and also the Kazakh word "төртінші" (1–10), so
 *   a question "4-ші тапсырма" meets the heading "Төртінші" of the article; "4th" gives "4".
 * - Roman numerals of two or more letters become digits ("XIX", "ХІХ" → "19") so centuries
 *   written either way meet "19-шы ғасыр"; single letters (the English pronoun "I") stay letters.
 * - Ranges "1918-1920" / "1918–1920" give both numbers.
 */
import { INVISIBLE, normalizeText } from "./normalize.js";
import { KAZAKH_ORDINALS } from "./numerals.js";

/** A word found in a text: its normalized form and its UTF-16 offsets in the original string. */
export interface WordSpan {
  /** Normalized word (see normalizeText), the form the analyzer works on. */
  word: string;
  /** Offset of the first code unit of the word in the original string. */
  start: number;
  /** Offset just after the word in the original string (slice(start, end) is the surface). */
  end: number;
}

/** Runs of word characters joined by hyphens/dashes or apostrophes, matched on the raw input. */
const COMPOUND =
  /[\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060]+(?:['’ʼ‐‑‒–—-][\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060]+)*/gu;
const PART = /[^-‐‑‒–—]+/g;

/**
 * Endings that Kazakh and Russian spelling attach with a hyphen to numbers and abbreviations
 * ("40-тан", "АТФ-ның", "ҚХА-ның", "2-ші", "5-го", "2018-м"): never words by themselves.
 */
const HYPHEN_ENDING = new Set(
  (
    "ның нің дың дің тың тің ға ге қа ке на не а е ны ні ды ді ты ті н да де та те нда нде " +
    "дан ден тан тен нан нен мен пен бен ымен імен дағы дегі тағы тегі ғы гі қы кі сы сі ы і " +
    "лар лер дар дер тар тер ші шы інші ыншы нші ншы сында сінде сына сіне сын сін ын ін " +
    "й я е ю го му м х ми ти ый ий ой ая ое ые ых их ом ем ей ого его ому ему st nd rd th s"
  ).split(" "),
);
const ORDINAL_ENDING = new Set(["ші", "шы", "інші", "ыншы", "нші", "ншы"]);

const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
const ROMAN = /^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** Value of a normalized (Latin, lower-case) Roman numeral of ≥ 2 letters, else undefined. */
function romanValue(word: string): number | undefined {
  if (word.length < 2 || !ROMAN.test(word)) return undefined;
  let total = 0;
  for (let i = 0; i < word.length; i++) {
    const v = ROMAN_VALUES[word[i] ?? ""] ?? 0;
    const next = ROMAN_VALUES[word[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Normalized form of one surface part; Roman numerals and "4th" become digits. */
function partWord(surface: string): string {
  const word = normalizeText(surface);
  const romanLike = /^[ivxlcdm]+$/.test(word) && /[ivx]/.test(word) && /^[IVXLCDMІХСМ]+$/u.test(surface);
  const roman = romanLike ? romanValue(word) : undefined;
  if (roman !== undefined) return String(roman);
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  return ordinal?.[1] ?? word;
}

/**
 * Finds the words of `text` with offsets into the ORIGINAL string (not the normalized one), so
 * that matched words can be highlighted in the text shown to the user. Several spans can share
 * offsets (a digit ordinal gives the number and the ordinal word).
 */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const compound of text.matchAll(COMPOUND)) {
    const base = compound.index ?? 0;
    const parts = Array.from(compound[0].matchAll(PART), (m) => ({
      surface: m[0],
      start: base + (m.index ?? 0),
      end: base + (m.index ?? 0) + m[0].length,
    }));
    for (const part of parts) {
      const word = partWord(part.surface);
      if (word === "" || word === "'") continue;
      const prev = spans.at(-1);
      const joinsPrev = prev !== undefined && prev.end < part.start && prev.end >= base;
      if (joinsPrev && HYPHEN_ENDING.has(word.replace(INVISIBLE, ""))) {
        if (/^\d+$/.test(prev.word) && ORDINAL_ENDING.has(word)) {
          const ordinal = KAZAKH_ORDINALS[Number(prev.word) - 1];
          if (ordinal) spans.push({ word: ordinal, start: prev.start, end: part.end });
        }
        for (const span of spans.slice(-2)) if (span.start === prev.start) span.end = part.end;
        continue;
      }
      spans.push({ word, start: part.start, end: part.end });
    }
  }
  return spans;
}

/**
 * Normalized words of `text` in order (see the module comment for hyphens, ordinals and
 * numerals). Stop words are kept; the analyzer decides what to drop.
 */
export function tokenizeWords(text: string): string[] {
  return wordSpans(text).map((s) => s.word);
}
