/**
 * The few HTML primitives of Telegram's `parse_mode: "HTML"`. Telegram rejects a whole message
 * over one stray `<` or `&`, so every piece of user or corpus text goes through {@link escapeHtml}
 * before it meets markup.
 */

/** Escapes text for a Telegram HTML body: `&`, `<`, `>` (the three Telegram requires) and `"`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ENTITIES[ch] ?? ch);
}

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const DECODE: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"' };

/**
 * The text a user sees for HTML this bot produced: tags removed, entities decoded. Telegram
 * counts its 4096-character limit on this text (in UTF-16 code units, as `String.length` does).
 */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot));/gi, (entity, dec, hex, name) => {
      if (name !== undefined) return DECODE[name.toLowerCase()] ?? entity;
      return String.fromCodePoint(Number.parseInt(dec ?? hex, dec === undefined ? 16 : 10));
    });
}

/** Length of {@link visibleText}: what Telegram's message limit counts. */
export function visibleLength(html: string): number {
  return visibleText(html).length;
}

/**
 * `text` escaped, as a link to `url` when there is one. Telegram shows `<a href>` as a tappable
 * link; quotes in the address are escaped so it cannot end the attribute early.
 */
export function linkHtml(text: string, url: string | null): string {
  return url === null ? escapeHtml(text) : `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}
