import type { Embedder } from "../../src/indexes/index.js";
import type { ArticleQuestion } from "./article.js";
import { openFreshEngine } from "./fresh-engine.js";
import { pct, table } from "./metrics.js";

/**
 * Floors the table tries: evenly spaced from the questions' lowest best similarity to their
 * highest, so the table fits any model's scale (e5 crowds into 0.7–1.0, others spread wider).
 */
function floorsFor(similarities: readonly number[], steps = 14): number[] {
  const low = Math.min(...similarities);
  const high = Math.max(...similarities);
  const floors = Array.from({ length: steps }, (_, i) =>
    Number((low + ((high - low) * i) / (steps - 1)).toFixed(3)),
  );
  return [...new Set(floors)];
}

/**
 * How the dense leg's abstention floor (`minDenseSimilarity`) trades declined out-of-scope
 * questions against wrongly declined in-scope ones, for a real model where one can be loaded.
 * Each question is answered once with the dense leg unable to overrule abstention; a floor then
 * overrules exactly the "not covered" abstentions whose best dense similarity reaches it. The
 * suggested floor is the lowest that declines as many out-of-scope questions as the keyword leg
 * alone, less one: as much help for paraphrases as costs no more than one wrong quote.
 */
export async function denseCalibration(
  embedder: Embedder,
  questions: readonly ArticleQuestion[],
): Promise<string> {
  const engine = await openFreshEngine("corpus", { embedder, retriever: { minDenseSimilarity: 2 } });
  const texts = questions.map((q) => q.q);
  const [answers, retrievals] = await Promise.all([engine.answerMany(texts), engine.retrieveMany(texts, 10)]);
  const cases = questions.map((question, i) => ({
    outOfScope: question.expect === null,
    declined: answers[i]?.abstained ?? true,
    overrulable: answers[i]?.reason === "not-covered",
    similarity: Math.max(0, ...(retrievals[i]?.passages ?? []).map((p) => p.legs.dense?.similarity ?? 0)),
  }));
  const outOfScope = cases.filter((c) => c.outOfScope);
  const inScope = cases.filter((c) => !c.outOfScope);
  const declinedAt = (floor: number, group: typeof cases) =>
    group.filter((c) => c.declined && !(c.overrulable && c.similarity >= floor)).length /
    Math.max(1, group.length);
  const baseline = declinedAt(Number.POSITIVE_INFINITY, outOfScope);
  const floors = floorsFor(cases.map((c) => c.similarity));
  const suggested = floors.find(
    (floor) => declinedAt(floor, outOfScope) >= baseline - 1 / outOfScope.length - 1e-9,
  );
  const rows = [...floors, Number.POSITIVE_INFINITY].map((floor) => [
    Number.isFinite(floor) ? floor.toFixed(3) : "never",
    pct(declinedAt(floor, outOfScope)),
    pct(declinedAt(floor, inScope)),
    floor === suggested ? "← suggested" : "",
  ]);
  const spread = (group: typeof cases) => {
    const sorted = group.map((c) => c.similarity).sort((a, b) => a - b);
    const at = (q: number) =>
      (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(3);
    return `p10 ${at(0.1)} · p50 ${at(0.5)} · p90 ${at(0.9)}`;
  };
  return [
    `## Dense abstention floor (${embedder.modelId}; now ${embedder.supportSimilarity ?? "default"}, set MIN_DENSE_SIMILARITY)`,
    `best dense similarity — in scope: ${spread(inScope)}; out of scope: ${spread(outOfScope)}`,
    "",
    table(["floor", "out-of-scope declined", "in-scope declined", ""], rows),
    "",
  ].join("\n");
}
