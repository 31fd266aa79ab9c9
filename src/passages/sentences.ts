/**
 * The sentences of a passage with their offsets: each line, cut at sentence ends. Lead lines and
 * the answer gate read sentences; the dense leg embeds them one by one beside the whole passage,
 * since a question about one fact is nearer the sentence that states it than a passage of many.
 */

/** Lines of a passage, each cut at sentence ends, with their offsets (sentences under 8 characters left out). */
export function sentencesOf(text: string): { text: string; start: number }[] {
  const sentences: { text: string; start: number }[] = [];
  for (const match of text.matchAll(/[^\n]+/g)) {
    // A sentence ends at . ! ? before a capital, a quote or a digit — not inside "Н.Назарбаев".
    for (const part of (match[0] ?? "").matchAll(/.+?(?:[.!?…]+(?=\s+[«"\p{Lu}\d])|$)/gu)) {
      const raw = part[0];
      const trimmed = raw.trim();
      if (trimmed.length < 8) continue;
      sentences.push({ text: trimmed, start: (match.index ?? 0) + (part.index ?? 0) + raw.indexOf(trimmed) });
    }
  }
  return sentences;
}
