import removeMarkdown from "remove-markdown";

/** A line that opens or closes a fenced code block. */
const FENCE = /^\s*(?:```|~~~)/;

/**
 * A Markdown document as the plain text a reader sees: "## Бірінші" is the line "Бірінші",
 * "**Алматы**" is "Алматы", "[екі мың](https://…)" is "екі мың". Converted line by line, so
 * every line keeps its number and citations ("lines 5–9") still point into the file as written;
 * fence lines become empty. Section headings, titles, bylines and quotes then read the same in
 * a `.md` file as in a `.txt` one.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => (FENCE.test(line) ? "" : removeMarkdown(line)))
    .join("\n");
}
