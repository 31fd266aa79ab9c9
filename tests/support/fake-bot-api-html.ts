/**
 * A strict parser for Telegram's `parse_mode: "HTML"`. It returns the text the user would see so that
 * length limits are checked on what Telegram counts, and it rejects markup Telegram refuses (unknown or
 * unbalanced tags, unescaped `<` or `&`), so an end-to-end test fails where production would fail.
 */
import { ApiError } from "./fake-bot-api-types.js";

/** Every tag Telegram accepts; `span` and `tg-emoji` additionally need specific attributes. */
const SUPPORTED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "tg-spoiler",
  "code",
  "pre",
  "a",
  "span",
  "tg-emoji",
  "blockquote",
]);

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]*));/y;
const NAME = /[a-zA-Z][a-zA-Z0-9_-]*/y;
const UNQUOTED_VALUE = /[^\s"'<>=`]+/y;
const SPACES = /\s*/y;

type Attributes = Map<string, string | true>;

interface OpenTag {
  name: string;
  byteOffset: number;
}

/**
 * Returns the visible text of a Telegram HTML message.
 * @throws ApiError 400 "Bad Request: can't parse entities: …" like Telegram.
 */
export function htmlToVisibleText(html: string): string {
  return new TelegramHtmlParser(html).parse();
}

/** Attribute values (URLs) may contain a bare `&`; only well-formed entities are decoded there. */
function decodeAttributeEntities(raw: string): string {
  return raw.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));/g,
    (entity, decimal, hex, name) => {
      if (typeof name === "string") return NAMED_ENTITIES[name] ?? entity;
      const codePoint = Number.parseInt(decimal ?? hex, decimal === undefined ? 16 : 10);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
    },
  );
}

class TelegramHtmlParser {
  private pos = 0;
  private visible = "";
  private readonly open: OpenTag[] = [];

  constructor(private readonly html: string) {}

  parse(): string {
    while (this.pos < this.html.length) {
      const char = this.html[this.pos];
      if (char === "<") this.readTag();
      else if (char === "&") this.visible += this.readEntity();
      else {
        this.visible += char;
        this.pos++;
      }
    }
    const unclosed = this.open.at(-1);
    if (unclosed) this.fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
    return this.visible;
  }

  private readEntity(): string {
    const start = this.pos;
    const match = this.match(ENTITY);
    if (!match) this.fail(`Unescaped "&" at byte offset ${this.byteOffset(start)}; use "&amp;"`);
    const [entity, decimal, hex, name] = match;
    if (name !== undefined) {
      const named = NAMED_ENTITIES[name];
      if (named === undefined)
        this.fail(`Unsupported entity "${entity}" at byte offset ${this.byteOffset(start)}`);
      return named;
    }
    const codePoint = Number.parseInt(decimal ?? hex ?? "", decimal === undefined ? 16 : 10);
    const isSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    if (codePoint === 0 || codePoint > 0x10ffff || isSurrogate) {
      this.fail(`Invalid character entity "${entity}" at byte offset ${this.byteOffset(start)}`);
    }
    return String.fromCodePoint(codePoint);
  }

  private readTag(): void {
    if (this.html[this.pos + 1] === "/") this.readEndTag();
    else this.readStartTag();
  }

  private readStartTag(): void {
    const start = this.pos;
    this.pos++;
    const name = this.match(NAME)?.[0].toLowerCase();
    if (name === undefined) this.fail(`Unescaped "<" at byte offset ${this.byteOffset(start)}; use "&lt;"`);
    if (!SUPPORTED_TAGS.has(name))
      this.fail(`Unsupported start tag "${name}" at byte offset ${this.byteOffset(start)}`);
    const attributes = this.readAttributes(name, start);
    this.checkAttributes(name, attributes, start);
    this.open.push({ name, byteOffset: this.byteOffset(start) });
  }

  private readAttributes(tag: string, start: number): Attributes {
    const attributes: Attributes = new Map();
    for (;;) {
      this.match(SPACES);
      if (this.pos >= this.html.length)
        this.fail(`Unclosed start tag at byte offset ${this.byteOffset(start)}`);
      if (this.html[this.pos] === ">") {
        this.pos++;
        return attributes;
      }
      const name = this.match(NAME)?.[0].toLowerCase();
      if (name === undefined) {
        this.fail(`Empty attribute name in the tag "${tag}" at byte offset ${this.byteOffset(start)}`);
      }
      attributes.set(name, this.readAttributeValue(start));
    }
  }

  private readAttributeValue(start: number): string | true {
    this.match(SPACES);
    if (this.html[this.pos] !== "=") return true;
    this.pos++;
    this.match(SPACES);
    const quote = this.html[this.pos];
    if (quote !== '"' && quote !== "'") return this.match(UNQUOTED_VALUE)?.[0] ?? "";
    const end = this.html.indexOf(quote, this.pos + 1);
    if (end === -1) this.fail(`Unclosed start tag at byte offset ${this.byteOffset(start)}`);
    const raw = this.html.slice(this.pos + 1, end);
    this.pos = end + 1;
    return decodeAttributeEntities(raw);
  }

  private checkAttributes(tag: string, attributes: Attributes, start: number): void {
    const at = `at byte offset ${this.byteOffset(start)}`;
    for (const [name, value] of attributes) {
      if (value === true && !(tag === "blockquote" && name === "expandable")) {
        this.fail(`Expected equal sign in declaration of an attribute of the tag "${tag}" ${at}`);
      }
    }
    if (tag === "span" && attributes.get("class") !== "tg-spoiler") {
      this.fail(`Tag "span" must have class "tg-spoiler" ${at}`);
    }
    const emojiId = attributes.get("emoji-id");
    if (tag === "tg-emoji" && (typeof emojiId !== "string" || !/^\d+$/.test(emojiId))) {
      this.fail(`Custom emoji entity must contain a valid "emoji-id" attribute ${at}`);
    }
  }

  private readEndTag(): void {
    const start = this.pos;
    this.pos += 2;
    const name = this.match(NAME)?.[0].toLowerCase() ?? "";
    this.match(SPACES);
    if (this.html[this.pos] !== ">") this.fail(`Unclosed end tag at byte offset ${this.byteOffset(start)}`);
    this.pos++;
    const top = this.open.pop();
    if (top === undefined) this.fail(`Unexpected end tag at byte offset ${this.byteOffset(start)}`);
    if (top.name !== name) {
      this.fail(
        `Unmatched end tag at byte offset ${this.byteOffset(start)}, expected "</${top.name}>", found "</${name}>"`,
      );
    }
  }

  /** Applies a sticky regex at the cursor and advances past the match. */
  private match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.html);
    if (match) this.pos += match[0].length;
    return match;
  }

  /** Telegram reports positions in UTF-8 bytes, not characters. */
  private byteOffset(index: number): number {
    return Buffer.byteLength(this.html.slice(0, index), "utf8");
  }

  private fail(message: string): never {
    throw ApiError.badRequest(`can't parse entities: ${message}`);
  }
}
