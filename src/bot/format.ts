import { shortTitle } from "../answer/citation.js";
import type { Answer } from "../answer/index.js";
import { escapeHtml, visibleLength } from "./html.js";
import type { Messages } from "./i18n.js";

/** What a citation needs of a passage; both the engine's `Passage` and `AnswerPassage` have it. */
export interface CitablePassage {
  readonly docTitle: string;
  readonly section: string | null;
  readonly ordinal: number | null;
  readonly paragraphStart: number;
  readonly paragraphEnd: number;
}

/** Options of the formatters; the defaults suit Telegram's mobile clients. */
export interface FormatOptions {
  /**
   * Quotes longer than this many visible characters go into `<blockquote expandable>`, which a
   * client shows folded to a few lines: several long passages would otherwise fill the screen.
   */
  expandableOver?: number;
}

const DEFAULT_EXPANDABLE_OVER = 500;

/**
 * `text` as HTML with the `highlights` ranges (the words that matched the question) in bold.
 * Ranges may come unsorted or overlapping; they are clamped and merged, and every piece of text,
 * inside or outside bold, is escaped.
 */
export function highlightHtml(text: string, highlights: readonly (readonly [number, number])[] = []): string {
  const ranges = mergeRanges(highlights, text.length);
  let html = "";
  let at = 0;
  for (const [start, end] of ranges) {
    html += `${escapeHtml(text.slice(at, start))}<b>${escapeHtml(text.slice(start, end))}</b>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}

function mergeRanges(ranges: readonly (readonly [number, number])[], length: number): [number, number][] {
  const clamped = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, length)), Math.max(0, Math.min(e, length))] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of clamped) {
    const last = merged.at(-1);
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/**
 * The citation of a passage in the user's language: section (localised, with the article's own
 * label kept), paragraph range and the document's short title — e.g.
 * `Поручение №4 («Төртінші»), абзацы 36–38, «Астана қаласындағы…»`.
 */
export function citationHtml(p: CitablePassage, messages: Messages): string {
  const parts = [
    ...(p.section === null ? [] : [messages.sectionName(p.section, p.ordinal)]),
    messages.paragraphs(p.paragraphStart, p.paragraphEnd),
    `«${escapeHtml(shortTitle(p.docTitle))}»`,
  ];
  return `— <i>${parts.join(", ")}</i>`;
}

/** A quote: `<blockquote>` when short, `<blockquote expandable>` when long. */
export function quoteHtml(
  text: string,
  highlights: readonly (readonly [number, number])[] = [],
  options: FormatOptions = {},
): string {
  const body = highlightHtml(text.trimEnd(), highlights);
  const long = visibleLength(body) > (options.expandableOver ?? DEFAULT_EXPANDABLE_OVER);
  return `<blockquote${long ? " expandable" : ""}>${body}</blockquote>`;
}

/** One quoted passage with its citation line: the unit that messages are split between. */
export function passageHtml(
  p: CitablePassage & { readonly text: string; readonly highlights?: readonly (readonly [number, number])[] },
  messages: Messages,
  options: FormatOptions = {},
): string {
  return `${quoteHtml(p.text, p.highlights ?? [], options)}\n${citationHtml(p, messages)}`;
}

/**
 * The lines an answer leads with ("who" → the names with their roles, "how many" → the sentence
 * with the figure), one bullet each with the name or figure in bold. They are spans of the quoted
 * passages, so they stay in the article's language like the quotes.
 */
export function leadsHtml(leads: Answer["leads"]): string {
  return leads
    .map((lead) => `• ${highlightHtml(lead.text, lead.emphasis)} ${referenceHtml(lead.rank)}`)
    .join("\n");
}

/** "[2]": ties a lead line to the quote it was taken from, which carries the same mark. */
function referenceHtml(rank: number): string {
  return `<i>[${rank}]</i>`;
}

/**
 * The reply to a question that was answered, as parts to be packed into messages by
 * `splitForTelegram`: an optional note that the question was cut, the lead lines if the engine
 * found any, then the passages best first.
 */
export function answerParts(
  answer: Answer,
  messages: Messages,
  options: FormatOptions & { maxQuestionChars?: number } = {},
): string[] {
  const note = answer.truncated ? [messages.truncated(options.maxQuestionChars ?? 1000)] : [];
  if (answer.leads.length === 0)
    return [...note, ...answer.passages.map((p) => passageHtml(p, messages, options))];
  // With lead lines, each quote is numbered so a lead's [n] points at the quote it came from.
  const quotes = answer.passages.map((p) => `${passageHtml(p, messages, options)} ${referenceHtml(p.rank)}`);
  return [...note, leadsHtml(answer.leads), ...quotes];
}

/**
 * The reply to a question the article does not answer: said plainly, with what the bot can
 * answer instead. Never quotes the near-misses the retriever still returns.
 */
export function abstentionHtml(
  answer: Answer,
  messages: Messages,
  sections: number,
  maxQuestionChars = 1000,
): string {
  const note = answer.truncated ? `${messages.truncated(maxQuestionChars)}\n\n` : "";
  switch (answer.reason) {
    case "not-stated": {
      const said = note + messages.notStated(answer.missing ?? "figure", answer.missingWords);
      return answer.context
        ? `${said}\n\n<i>${messages.closestContext}</i>\n${passageHtml(answer.context, messages)}`
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

/**
 * A whole numbered section (a directive) as one quote with one citation spanning all its
 * passages: what a directive button shows.
 */
export function sectionHtml(
  passages: readonly (CitablePassage & { readonly text: string })[],
  messages: Messages,
  options: FormatOptions = {},
): string {
  const first = passages[0];
  const last = passages.at(-1);
  if (first === undefined || last === undefined) return "";
  const text = passages.map((p) => p.text.trim()).join("\n");
  return passageHtml({ ...first, paragraphEnd: last.paragraphEnd, text }, messages, options);
}

/** The first `words` words of a text (after its heading line), for one-line listings. */
export function firstWords(text: string, words = 10, skipFirstLine = false): string {
  const lines = text.trim().split("\n");
  const body = (skipFirstLine && lines.length > 1 ? lines.slice(1) : lines)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  const all = body.split(" ");
  return all.length <= words ? body : `${all.slice(0, words).join(" ")}…`;
}
