/**
 * Reciprocal rank fusion: each leg contributes weight / (k + rank) for every passage it ranks.
 * It needs no score calibration between BM25 (unbounded) and cosine (−1…1), which is why it is
 * the default way of combining legs.
 */
export interface RankedList {
  readonly weight: number;
  readonly ids: readonly number[];
}

/** Fused scores by passage id, normalised so a passage ranked first by every leg scores 1. */
export function reciprocalRankFusion(lists: readonly RankedList[], k = 60): Map<number, number> {
  const scores = new Map<number, number>();
  const best = lists.reduce((sum, list) => sum + (list.ids.length > 0 ? list.weight / (k + 1) : 0), 0);
  for (const list of lists) {
    list.ids.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + list.weight / (k + index + 1));
    });
  }
  if (best > 0) for (const [id, score] of scores) scores.set(id, score / best);
  return scores;
}

/**
 * Puts the keyword leg's first hit at the top of `fused` when its score is at least `lead` times
 * the second's (or it is the only hit): the keywords' clear choice is not out-voted by ranks.
 */
export function keepClearKeywordLead(
  fused: Map<number, number>,
  keywordHits: readonly { id: number; score: number }[],
  lead: number | null,
): void {
  const [first, second] = keywordHits;
  if (lead === null || !first || (second && first.score < lead * second.score)) return;
  fused.set(first.id, Math.max(...fused.values()) + Number.EPSILON);
}
