import { headingOrdinalOf } from "./ordinals.js";

/** A non-empty line of a document, with its 1-based line and paragraph numbers. */
export interface Paragraph {
  readonly text: string;
  readonly line: number;
  readonly paragraph: number;
}

/** A numbered section found in a document: its heading paragraph and the body that follows. */
export interface Section {
  readonly label: string;
  readonly ordinal: number;
  /** Index (into the paragraph list) of the heading. */
  readonly start: number;
  /** Index one past the section's last paragraph. */
  readonly end: number;
}

/** Splits a document text into paragraphs: one per non-empty line, as the article is laid out. */
export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line) paragraphs.push({ text: line, line: index + 1, paragraph: paragraphs.length + 1 });
  });
  return paragraphs;
}

/**
 * Finds numbered sections: runs of heading lines ("«Бірінші", "Екінші" … "Сегізінші") whose
 * ordinals count up by one. A lone ordinal line, or one out of sequence, is prose. Each section
 * runs to the next heading; the last one ends where a quote opened before the first heading
 * closes (the directives are a quoted speech), or else after as many paragraphs as the longest
 * earlier section, so the closing prose of the article is not swallowed.
 */
export function findSections(paragraphs: readonly Paragraph[]): Section[] {
  const headings = paragraphs
    .map((p, index) => ({ index, heading: headingOrdinalOf(p.text) }))
    .filter((h): h is { index: number; heading: { ordinal: number; label: string } } => h.heading !== null);
  const sections: Section[] = [];
  for (const run of sequentialRuns(headings)) {
    const longest = Math.max(1, ...run.slice(1).map((h, i) => h.index - (run[i] as { index: number }).index));
    const quoteEnd = quoteCloseAfter(paragraphs, run[0]?.index ?? 0);
    run.forEach((h, i) => {
      const next = run[i + 1];
      const end = next ? next.index : Math.min(quoteEnd ?? h.index + longest, paragraphs.length);
      sections.push({
        label: h.heading.label,
        ordinal: h.heading.ordinal,
        start: h.index,
        end: Math.max(end, h.index + 1),
      });
    });
  }
  return sections;
}

type Heading = { index: number; heading: { ordinal: number; label: string } };

/** Groups headings into runs of consecutive ordinals (n, n+1, …); runs of one are dropped. */
function sequentialRuns(headings: readonly Heading[]): Heading[][] {
  const runs: Heading[][] = [];
  let run: Heading[] = [];
  for (const h of headings) {
    const last = run[run.length - 1];
    if (last && h.heading.ordinal === last.heading.ordinal + 1) run.push(h);
    else {
      if (run.length > 1) runs.push(run);
      run = [h];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/**
 * If the paragraph at `start` opens a «…» quote that it does not close, the index one past the
 * paragraph where that quote closes; otherwise `null`.
 */
function quoteCloseAfter(paragraphs: readonly Paragraph[], start: number): number | null {
  let depth = 0;
  for (let i = start; i < paragraphs.length; i++) {
    for (const char of (paragraphs[i] as Paragraph).text) {
      if (char === "«") depth++;
      else if (char === "»") depth--;
    }
    if (i === start && depth <= 0) return null;
    if (depth <= 0) return i + 1;
  }
  return null;
}
