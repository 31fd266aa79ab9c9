import type { Answer, AnswerPassage } from "../answer/index.js";
import {
  CITATION_SEPARATOR,
  citationParts,
  phrasesFor,
  planReply,
  type SourceLookup,
} from "../presentation/index.js";
/**
 * The `--json` line of one answer: the contract other tools and benchmarks rely on. `reason`
 * says why it abstained ("not-covered", "not-stated" with `missing`…), `leads` are the lines it
 * leads with, `context` the nearest passage when the article covers the topic but does not say.
 */
export function answerToJson(answer: Answer): string {
  const passage = (p: AnswerPassage) => ({
    rank: p.rank,
    doc: p.doc,
    text: p.text,
    score: p.score,
    cite: p.cite,
  });
  return JSON.stringify({
    question: answer.question,
    abstained: answer.abstained,
    passages: answer.passages.map(passage),
    reason: answer.reason,
    missing: answer.missing,
    leads: answer.leads.map((lead) => ({ text: lead.text, rank: lead.rank })),
    context: answer.context ? passage(answer.context) : null,
  });
}

/** Options of {@link answerToText}. */
export interface TextOptions {
  /** Bold the matched words and the answer with terminal escapes. */
  color: boolean;
  /** Documents' short titles and links (the engine's `sources`); default: titles from the passages. */
  sources?: SourceLookup;
  /** Numbered sections the corpus has, for "the article has 8 directives". Default 0 (not said). */
  sections?: number;
}

/**
 * The human form, shaped like the bot's reply and worded like it, in the question's language:
 * the answer line, the passage that holds it as a quote under its citation, the passages nearly
 * as relevant, then the rest under "N more passages" — or, when it declines, why, as the bot says
 * it. Scores and other internals are for `--json`, not for readers.
 */
export function answerToText(answer: Answer, options: TextOptions): string {
  const phrases = phrasesFor(answer.language);
  const lines = [`Q: ${answer.question}`];
  if (answer.truncated) lines.push(phrases.truncated(1000));
  if (answer.abstained) {
    lines.push(declineText(answer, options.sections ?? 0));
    if (answer.context)
      lines.push("", phrases.closestContext, ...passageLines(answer.context, answer, options));
    return `${lines.join("\n")}\n`;
  }
  if (answer.leads.length > 0) {
    lines.push("");
    const bullet = answer.leads.length > 1 ? "• " : "";
    for (const lead of answer.leads)
      lines.push(`${bullet}${emphasise(lead.text, lead.emphasis, options.color)}`);
  }
  const { shown, more } = planReply(answer);
  for (const passage of shown) lines.push("", ...passageLines(passage, answer, options));
  if (more.length > 0) {
    lines.push("", `— ${phrases.morePassages(more.length)} —`);
    for (const passage of more) lines.push("", ...passageLines(passage, answer, options));
  }
  return `${lines.join("\n")}\n`;
}

/** Why an answer quotes nothing, as the bot says it (without its commands and buttons). */
function declineText(answer: Answer, sections: number): string {
  const phrases = phrasesFor(answer.language);
  switch (answer.reason) {
    case "not-stated":
      return phrases.notStated(answer.missing ?? "figure", answer.missingWords);
    case "no-such-section":
      return phrases.noSuchSection(sections, answer.ordinal);
    case "empty-question":
      return phrases.emptyQuestion;
    default:
      return phrases.notCovered;
  }
}

/** A passage as a quote, then its citation line: "Directive 4 · ¶36–38 · Title <url>". */
function passageLines(passage: AnswerPassage, answer: Answer, options: TextOptions): string[] {
  const parts = citationParts(passage, answer.language, options.sources ?? (() => undefined));
  const cite = [
    ...(parts.section === null ? [] : [parts.section]),
    parts.paragraphs,
    parts.url === null ? parts.title : `${parts.title} <${parts.url}>`,
  ].join(CITATION_SEPARATOR);
  const quote = emphasise(passage.text, passage.highlights, options.color).split("\n");
  return [...quote.map((line) => `   > ${line}`), `   ${cite}`];
}
function emphasise(text: string, ranges: readonly (readonly [number, number])[], color: boolean): string {
  if (!color) return text;
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    out += `${text.slice(at, start)}\u001b[1m${text.slice(start, end)}\u001b[22m`;
    at = end;
  }
  return out + text.slice(at);
}
