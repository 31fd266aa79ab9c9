import type { Answer, AnswerPassage } from "../answer/index.js";

/** Options of {@link planReply}; the defaults were measured on the eval questions (tools/eval). */
export interface ReplyPlanOptions {
  /**
   * A further passage is shown at once only when its keyword score is at least this share of the
   * first passage's (when the keyword leg found the first). Default 0.7.
   */
  keywordRatio?: number;
  /**
   * …and, when the dense leg found the first passage, its similarity is at most this far below
   * the first's. Default 0.02.
   */
  denseGap?: number;
}

/**
 * Measured with `npm run eval` (the "reply" table, article-questions + users-dev + held-out):
 * of further passages shown at once, about one in six holds the expected answer where the first
 * does not at 0.7 / 0.02 (model off: 7 of 13 such answers kept, 46 other passages shown; model
 * on: 8 of 22, 41); at 0.5 / 0.03 twice the noise for a few more; at 0.9 / 0.005 almost none.
 */
export const DEFAULT_KEYWORD_RATIO = 0.7;
export const DEFAULT_DENSE_GAP = 0.02;

/** Which of an answer's passages a reply shows at once, and which wait behind a "more" button. */
export interface ReplyPlan {
  /** The first passage (the one the lead line comes from), then those nearly as relevant. */
  readonly shown: readonly AnswerPassage[];
  /** The rest, in rank order: reachable with one tap. */
  readonly more: readonly AnswerPassage[];
}

/**
 * Splits an answer's passages into those shown at once and those behind "more". The first is
 * always shown; each next one only while it is nearly as relevant as the first by every leg that
 * found the first — not a fixed number, since most answers stand in one passage and the second
 * is usually only the nearest other topic. A section asked for by number ("the fourth
 * directive") or a byline is shown alone: the question named it.
 */
export function planReply(answer: Answer, options: ReplyPlanOptions = {}): ReplyPlan {
  const [first, ...rest] = answer.passages;
  if (first === undefined) return { shown: [], more: [] };
  if (first.legs.structure === true) return { shown: [first], more: rest };
  const ratio = options.keywordRatio ?? DEFAULT_KEYWORD_RATIO;
  const gap = options.denseGap ?? DEFAULT_DENSE_GAP;
  const near = (p: AnswerPassage): boolean => {
    const keyword = first.legs.keyword;
    if (keyword !== undefined && (p.legs.keyword?.score ?? 0) < ratio * keyword.score) return false;
    const dense = first.legs.dense;
    if (
      dense !== undefined &&
      (p.legs.dense === undefined || p.legs.dense.similarity < dense.similarity - gap)
    )
      return false;
    return keyword !== undefined || dense !== undefined;
  };
  const cut = rest.findIndex((p) => !near(p));
  const shownRest = cut < 0 ? rest : rest.slice(0, cut);
  return { shown: [first, ...shownRest], more: rest.slice(shownRest.length) };
}
