/**
 * A chat as a web page that looks like Telegram's mobile client: the user's bubbles on the right,
 * the bot's on the left with their inline buttons, quotes with the bar on their left, folded
 * (expandable) quotes cut to three lines as the client shows them, links in blue.
 */
import { escapeHtml } from "../../src/bot/index.js";
import type { Bubble } from "./conversation.js";

/** Width of the page in CSS pixels: a common phone's. */
export const PHONE_WIDTH = 390;

/**
 * Telegram HTML (what the bot sends) as page HTML. Only the tags Telegram accepts are kept —
 * anything else is shown as text — and line breaks become `<br>`, as the client shows them.
 */
export function telegramToPage(html: string): string {
  const allowed = /^<(\/?)(b|strong|i|em|u|s|code|pre|a|blockquote)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>$/i;
  return html
    .split(/(<[^>]*>)/)
    .map((piece) => {
      if (!piece.startsWith("<")) return piece.replace(/\n/g, "<br>");
      const tag = allowed.exec(piece);
      if (tag === null) return piece.replace(/</g, "&lt;").replace(/>/g, "&gt;");
      const [, slash = "", name = "", attributes = ""] = tag;
      if (slash) return `</${name}>`;
      if (name === "blockquote")
        return `<blockquote${/expandable/.test(attributes) ? ' class="folded"' : ""}>`;
      if (name === "a") {
        const href = /href="([^"]*)"/.exec(attributes)?.[1] ?? "#";
        return `<a href="${href}">`;
      }
      return `<${name}>`;
    })
    .join("")
    .replace(/<br><\/blockquote>/g, "</blockquote>")
    .replace(/<\/blockquote><br>/g, "</blockquote>");
}

const STYLE = `
  body { margin: 0; width: ${PHONE_WIDTH}px; background: #8fb08b linear-gradient(160deg, #a7c4a0, #7fa37c); font: 15px/1.35 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
  header { background: #517da2; color: #fff; padding: 10px 14px; font-weight: 600; }
  header small { display: block; font-weight: 400; opacity: .8; font-size: 12px; }
  main { padding: 10px 8px 14px; display: flex; flex-direction: column; gap: 6px; }
  .bubble { max-width: 84%; padding: 6px 9px 7px; border-radius: 12px; box-shadow: 0 1px 1px rgba(0,0,0,.15); overflow-wrap: anywhere; }
  .user { align-self: flex-end; background: #effdde; border-bottom-right-radius: 4px; }
  .bot { align-self: flex-start; background: #fff; border-bottom-left-radius: 4px; }
  .reply { border-left: 2px solid #3a8bd8; padding-left: 6px; margin-bottom: 4px; color: #3a8bd8; font-size: 13px; }
  blockquote { margin: 3px 0; padding: 2px 8px; border-left: 3px solid #3a8bd8; background: #eef5fc; border-radius: 4px; }
  blockquote.folded { max-height: 4.05em; overflow: hidden; position: relative; }
  blockquote.folded::after { content: "⌄"; position: absolute; right: 4px; bottom: 0; color: #3a8bd8; background: #eef5fc; padding-left: 6px; }
  a { color: #2a7bd0; text-decoration: none; }
  i { color: #555; }
  .buttons { align-self: flex-start; max-width: 84%; display: grid; gap: 3px; }
  .row { display: flex; gap: 3px; }
  .row span { flex: 1; text-align: center; background: rgba(40,70,50,.35); color: #fff; border-radius: 8px; padding: 7px 10px; font-weight: 500; }
  figcaption { text-align: center; color: #234; font-size: 12px; padding: 4px; }
`;

/** The whole page for one sample. */
export function chatPage(title: string, caption: string, bubbles: readonly Bubble[]): string {
  const body = bubbles
    .map((bubble) => {
      const quoted =
        bubble.replyTo === undefined ? "" : '<div class="reply">↪ reply to the answer above</div>';
      const text =
        bubble.from === "user" ? escapeHtml(bubble.text).replace(/\n/g, "<br>") : telegramToPage(bubble.text);
      const buttons =
        bubble.buttons.length === 0
          ? ""
          : `<div class="buttons">${bubble.buttons
              .map(
                (row) => `<div class="row">${row.map((b) => `<span>${escapeHtml(b)}</span>`).join("")}</div>`,
              )
              .join("")}</div>`;
      return `<div class="bubble ${bubble.from}">${quoted}${text}</div>${buttons}`;
    })
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body><header>${escapeHtml(title)}<small>bot</small></header><main>${body}</main><figcaption>${escapeHtml(caption)}</figcaption><script>document.body.dataset.height = String(Math.ceil(document.querySelector("figcaption").getBoundingClientRect().bottom));</script></body></html>`;
}
