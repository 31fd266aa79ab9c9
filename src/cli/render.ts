import type { Answer, AnswerPassage } from "../answer/index.js";

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

const ABSTENTION_TEXT: Record<NonNullable<Answer["reason"]>, string> = {
  "empty-question": "The question is empty.",
  "not-covered": "The corpus does not seem to answer this question.",
  "no-such-section": "The corpus has no section with that number.",
  "not-stated": "The corpus touches on this but does not say it.",
};

/**
 * The human form: each passage as a quote under its citation, the matched words in bold when the
 * output is a terminal.
 */
export function answerToText(answer: Answer, options: { color: boolean }): string {
  const lines = [`Q: ${answer.question}`];
  if (answer.truncated) lines.push("(the question was long; only its beginning was searched)");
  if (answer.abstained) {
    const missing = answer.missing
      ? ` (not given: ${[answer.missing, ...answer.missingWords].join(" ")})`
      : "";
    lines.push(ABSTENTION_TEXT[answer.reason ?? "not-covered"] + missing);
    if (answer.context) {
      lines.push("", `Closest passage, not the answer — ${answer.context.cite}`);
      for (const line of answer.context.text.split("\n")) lines.push(`   > ${line}`);
    }
    return `${lines.join("\n")}\n`;
  }
  if (answer.leads.length > 0) {
    lines.push("");
    for (const lead of answer.leads)
      lines.push(`• ${emphasise(lead.text, lead.emphasis, options.color)}  [${lead.rank}]`);
  }
  for (const passage of answer.passages) {
    lines.push("", `${passage.rank}. ${passage.cite}  (score ${passage.score.toFixed(2)})`);
    for (const line of emphasise(passage.text, passage.highlights, options.color).split("\n"))
      lines.push(`   > ${line}`);
  }
  return `${lines.join("\n")}\n`;
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
