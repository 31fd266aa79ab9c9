import type { Embedder } from "../../src/indexes/index.js";
import type { ArticleQuestion } from "./article.js";
import { openFreshEngine } from "./fresh-engine.js";
import { pct, table } from "./metrics.js";

/** Margins the table tries: evenly spaced over the questions' own range, so it fits any model. */
function marginsFor(values: readonly number[], steps = 12): number[] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margins = Array.from({ length: steps }, (_, i) =>
    Number((low + ((high - low) * i) / (steps - 1)).toFixed(3)),
  );
  return [...new Set(margins)];
}

/**
 * How the dense leg's off-topic margin (`offTopicMargin`: best passage similarity minus the
 * nearest everyday off-topic question's) trades declined out-of-scope questions — near misses and
 * unrelated ones apart — against wrongly declined in-scope ones. Each question is answered once
 * with the dense leg unable to vouch (margin never met); a margin then rescues exactly the "not
 * covered" declines whose margin reaches it. The answer gate ("the article does not say") acts
 * after this, so near misses it catches stay declined at every margin.
 */
export async function denseCalibration(
  embedder: Embedder,
  questions: readonly ArticleQuestion[],
): Promise<string> {
  const engine = await openFreshEngine("corpus", {
    embedder,
    retriever: { offTopicMargin: null, minDenseSimilarity: 2 },
  });
  const texts = questions.map((q) => q.q);
  const [answers, retrievals] = await Promise.all([engine.answerMany(texts), engine.retrieveMany(texts, 10)]);
  const cases = questions.map((question, i) => ({
    scope: question.expect === null ? (question.scope ?? "out-of-scope") : "in",
    declined: answers[i]?.abstained ?? true,
    rescuable: answers[i]?.reason === "not-covered",
    margin: retrievals[i]?.denseMargin ?? Number.NEGATIVE_INFINITY,
  }));
  const groups = [...new Set(cases.map((c) => c.scope))].sort();
  const declinedAt = (margin: number, scope: string) => {
    const group = cases.filter((c) => c.scope === scope);
    return (
      group.filter((c) => c.declined && !(c.rescuable && c.margin >= margin)).length /
      Math.max(1, group.length)
    );
  };
  const finite = cases.map((c) => c.margin).filter(Number.isFinite);
  const rows = [...marginsFor(finite), Number.POSITIVE_INFINITY].map((margin) => [
    Number.isFinite(margin) ? margin.toFixed(3) : "never",
    ...groups.map((scope) => pct(declinedAt(margin, scope))),
    margin === embedder.offTopicMargin ? "← the model's" : "",
  ]);
  return [
    `## Dense off-topic margin (${embedder.modelId}; the model's profile says ${embedder.offTopicMargin ?? "never"}; a retriever option)`,
    "declined, per kind of question, when the dense leg vouches for questions at least this much nearer the article than an everyday off-topic question:",
    "",
    table(["margin", ...groups.map((g) => (g === "in" ? "in scope (wrongly)" : g)), ""], rows),
    "",
  ].join("\n");
}
