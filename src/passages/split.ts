/**
 * Splitting text that is too long for one passage. Cuts fall at sentence ends first, then at
 * clause boundaries, and only as a last resort inside a clause, so a quoted passage reads as
 * whole sentences.
 */

/** Sentence ends: ., !, ? or … followed by a space (closing quotes stay with their sentence). */
const SENTENCE_END = /(?<=[.!?…][»"”)]?)\s+/u;
/** Clause ends: a comma, semicolon or dash followed by a space. */
const CLAUSE_END = /(?<=[,;:–—])\s+/u;

/**
 * Cuts `text` into pieces of at most `maxChars` characters (unless a single word is longer),
 * packing whole sentences greedily, then whole clauses, then words.
 */
export function splitLongText(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  return packPieces(text, maxChars, [SENTENCE_END, CLAUSE_END, /\s+/u]);
}

function packPieces(text: string, maxChars: number, separators: readonly RegExp[]): string[] {
  const [separator, ...finer] = separators;
  if (separator === undefined) return [text];
  const units = text.split(separator).filter((unit) => unit.length > 0);
  const pieces: string[] = [];
  let current = "";
  for (const unit of units) {
    if (unit.length > maxChars) {
      if (current) pieces.push(current);
      current = "";
      pieces.push(...packPieces(unit, maxChars, finer));
      continue;
    }
    const joined = current ? `${current} ${unit}` : unit;
    if (joined.length > maxChars) {
      pieces.push(current);
      current = unit;
    } else {
      current = joined;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
