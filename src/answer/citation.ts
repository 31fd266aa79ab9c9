import type { Passage } from "../passages/index.js";

/** Longest document title kept in a citation; news titles run to a whole sentence. */
const TITLE_CHARS = 60;

/**
 * A short form of a document title for citations: cut at a word boundary with an ellipsis.
 */
export function shortTitle(title: string, maxChars = TITLE_CHARS): string {
  if (title.length <= maxChars) return title;
  const cut = title.slice(0, maxChars);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > maxChars / 2 ? space : maxChars).trimEnd()}…`;
}

/** "¶36–38" or "¶36" — the paragraph range. */
export function paragraphRange(p: Passage): string {
  return p.paragraphStart === p.paragraphEnd
    ? `¶${p.paragraphStart}`
    : `¶${p.paragraphStart}–${p.paragraphEnd}`;
}

/** "lines 37–39" or "line 37". */
export function lineRange(p: Passage): string {
  return p.lineStart === p.lineEnd ? `line ${p.lineStart}` : `lines ${p.lineStart}–${p.lineEnd}`;
}

/**
 * The human-readable location of a passage, language-neutral so the command line and `--json`
 * output stay stable: `"Төртінші" (№4), ¶36–38, lines 37–39 — «Астана қаласындағы…» [doc-id]`.
 * The bot builds its own localised citation from the same passage fields.
 */
export function citeOf(p: Passage): string {
  const section = p.section ? `"${p.section}"${p.ordinal ? ` (№${p.ordinal})` : ""}, ` : "";
  return `${section}${paragraphRange(p)}, ${lineRange(p)} — «${shortTitle(p.docTitle)}» [${p.doc}]`;
}
