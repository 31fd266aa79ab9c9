import type { Answer, AnswerPassage, LeadLine } from "../answer/index.js";
import { planReply, type ReplyPlanOptions } from "../presentation/index.js";
import { type FormatOptions, highlightHtml, passageHtml, type ReplyView } from "./format.js";

/** Options of {@link answerReply}; every field has a default. */
export interface AnswerReplyOptions {
  /** The engine's question length limit, quoted in the "answered from the first part" note. Default 1000. */
  maxQuestionChars?: number;
  /** Which passages are shown at once (see `planReply`). */
  plan?: ReplyPlanOptions;
  /** Lead lines shown before "…and N more, in the quote below". Default 5. */
  maxLeadLines?: number;
  /**
   * A quote under an answer line is evidence, not the answer: folded when longer than this.
   * Default 300 (a quote without an answer line folds over 500).
   */
  expandableUnderLead?: number;
}

/** What the bot sends for an answered question: message parts, and the passages behind "more". */
export interface AnswerReply {
  /** HTML parts for `splitForTelegram`: the note, the answer line(s), each shown passage. */
  readonly parts: readonly string[];
  /** Passages not shown at once, for the "more" button; empty when there are none. */
  readonly more: readonly AnswerPassage[];
}

/**
 * The reply to a question that was answered, as a person reads it on a phone: the answer line
 * first (the people with their roles, the sentence with the figure, date or place, the thing
 * asked for in bold) when the engine has one, then the passage that holds it, quoted, with its
 * citation; further passages only when nearly as relevant as the first, the rest behind "more".
 */
export function answerReply(answer: Answer, view: ReplyView, options: AnswerReplyOptions = {}): AnswerReply {
  const note = answer.truncated ? [view.messages.truncated(options.maxQuestionChars ?? 1000)] : [];
  const { shown, more } = planReply(answer, options.plan);
  const leads = leadHtml(answer.leads, view, options.maxLeadLines ?? 5);
  const quote: FormatOptions = leads === "" ? {} : { expandableOver: options.expandableUnderLead ?? 300 };
  const quotes = shown.map((p) => passageHtml(p, view, quote));
  return { parts: [...note, ...(leads === "" ? [] : [leads]), ...quotes], more };
}

/**
 * The answer line: one lead in a line of its own, several as bullets, the name or figure in bold.
 * A long list (everyone who spoke) stops after `max` lines; the quote below holds the rest.
 */
export function leadHtml(leads: readonly LeadLine[], view: ReplyView, max: number): string {
  if (leads.length === 0) return "";
  if (leads.length === 1) return highlightHtml((leads[0] as LeadLine).text, (leads[0] as LeadLine).emphasis);
  const lines = leads.slice(0, max).map((lead) => `• ${highlightHtml(lead.text, lead.emphasis)}`);
  if (leads.length > max) lines.push(`<i>${view.messages.moreLeads(leads.length - max)}</i>`);
  return lines.join("\n");
}

/**
 * The reply to a question the article does not answer: said plainly, with what the bot can
 * answer instead. Never quotes the near-misses the retriever still returns; when the article
 * covers the topic but not the thing asked for, the nearest passage follows, folded and marked
 * as context, not as the answer.
 */
export function abstentionHtml(
  answer: Answer,
  view: ReplyView,
  sections: number,
  maxQuestionChars = 1000,
): string {
  const { messages } = view;
  const note = answer.truncated ? `${messages.truncated(maxQuestionChars)}\n\n` : "";
  switch (answer.reason) {
    case "not-stated": {
      const said = note + messages.notStated(answer.missing ?? "figure", answer.missingWords);
      return answer.context
        ? `${said}\n\n<i>${messages.closestContext}</i>\n${passageHtml(answer.context, view, { expandableOver: 300 })}`
        : said;
    }
    case "no-such-section":
      return note + messages.noSuchSection(sections, answer.ordinal);
    case "empty-question":
      return note + messages.emptyQuestion;
    default:
      return note + messages.notCovered(sections);
  }
}
