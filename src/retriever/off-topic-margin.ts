/**
 * How much nearer the best passage is to the question than the nearest everyday off-topic
 * question: positive when the article is nearer. `null` without vectors to compare. A relative
 * test, since e5 scores every pair of texts 0.75–0.9: the dense leg vouches for a question above
 * one margin (`RetrieverOptions.offTopicMargin`) and vetoes the keywords below another
 * (`offTopicVeto`).
 */
export function offTopicMargin(
  vector: Float32Array,
  best: number | undefined,
  offTopic: readonly Float32Array[],
): number | null {
  if (best === undefined || offTopic.length === 0) return null;
  let nearest = -1;
  for (const other of offTopic) {
    let dot = 0;
    for (let i = 0; i < other.length; i++) dot += (other[i] as number) * (vector[i] as number);
    nearest = Math.max(nearest, dot);
  }
  return best - nearest;
}
