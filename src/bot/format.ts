import type { Language } from "../answer/index.js";
import {
  CITATION_SEPARATOR,
  type CitablePassage,
  citationParts,
  type SourceLookup,
} from "../presentation/index.js";
import { escapeHtml, linkHtml, visibleLength } from "./html.js";
import type { Messages } from "./i18n.js";

export type { CitablePassage } from "../presentation/index.js";

/**
 * What formatting a reply needs besides the answer: the reader's language, the bot's words in it
 * and where each document comes from (short titles, links). Built per reply by `replyView`.
 */
export interface ReplyView {
  readonly language: Language;
  readonly messages: Messages;
  readonly sources: SourceLookup;
}

/** Options of the formatters; the defaults suit Telegram's mobile clients. */
export interface FormatOptions {
  /**
   * Quotes longer than this many visible characters go into `<blockquote expandable>`, which a
   * client shows folded to a few lines: a long passage would otherwise fill the screen. Default 500.
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
 * The citation of a passage in the reader's language, one short line: section, paragraphs and the
 * document's short title, linked to the original when its address is known — e.g.
 * `Directive 4 · ¶36–38 · XXVI session of the Assembly of People of Kazakhstan`.
 */
export function citationHtml(p: CitablePassage, view: ReplyView): string {
  const parts = citationParts(p, view.language, view.sources);
  const html = [
    ...(parts.section === null ? [] : [escapeHtml(parts.section)]),
    parts.paragraphs,
    linkHtml(parts.title, parts.url),
  ];
  return `<i>${html.join(CITATION_SEPARATOR)}</i>`;
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
  view: ReplyView,
  options: FormatOptions = {},
): string {
  return `${quoteHtml(p.text, p.highlights ?? [], options)}\n${citationHtml(p, view)}`;
}

/**
 * A whole numbered section (a directive) as one quote with one citation spanning all its
 * passages: what a directive button shows.
 */
export function sectionHtml(
  passages: readonly (CitablePassage & { readonly text: string })[],
  view: ReplyView,
  options: FormatOptions = {},
): string {
  const first = passages[0];
  const last = passages.at(-1);
  if (first === undefined || last === undefined) return "";
  const text = passages.map((p) => p.text.trim()).join("\n");
  return passageHtml({ ...first, paragraphEnd: last.paragraphEnd, text }, view, options);
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
