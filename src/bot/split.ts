import { visibleLength } from "./html.js";

/** Telegram's limit for one message, in visible UTF-16 code units after HTML parsing. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** Options of {@link splitForTelegram}. */
export interface SplitOptions {
  /** Visible characters per message; Telegram's 4096 by default. */
  limit?: number;
  /** Put between parts that share a message. */
  separator?: string;
}

/**
 * Packs HTML parts (one per quoted passage) into as few messages as possible, none longer than
 * Telegram's limit *as the user sees it* — tags and entity escapes do not count, which is why
 * this cannot simply measure the HTML. Parts are never cut when they fit; a single part longer
 * than the limit is cut at a line end, else a sentence end, else a space, with its open tags
 * closed at the end of one message and reopened at the start of the next, so each message is
 * valid HTML on its own.
 */
export function splitForTelegram(parts: readonly string[], options: SplitOptions = {}): string[] {
  const limit = options.limit ?? TELEGRAM_MESSAGE_LIMIT;
  const separator = options.separator ?? "\n\n";
  const separatorLength = visibleLength(separator);
  const messages: string[] = [];
  let current = "";
  let currentLength = 0;
  const flush = () => {
    if (current !== "") messages.push(current);
    current = "";
    currentLength = 0;
  };
  for (const part of parts) {
    const length = visibleLength(part);
    if (length === 0) continue;
    if (length > limit) {
      flush();
      const pieces = cutHtml(part, limit);
      messages.push(...pieces.slice(0, -1));
      current = pieces.at(-1) ?? "";
      currentLength = visibleLength(current);
    } else if (current === "") {
      current = part;
      currentLength = length;
    } else if (currentLength + separatorLength + length <= limit) {
      current += separator + part;
      currentLength += separatorLength + length;
    } else {
      flush();
      current = part;
      currentLength = length;
    }
  }
  flush();
  return messages;
}

/** A tag, or one visible character (an entity like `&amp;` counts as the one it stands for). */
type Atom =
  | { kind: "open"; name: string; raw: string }
  | { kind: "close"; name: string; raw: string }
  | { kind: "char"; raw: string; visible: string };

const ATOM = /<(\/?)([a-zA-Z][\w-]*)[^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[\s\S]/gu;
const ENTITY_VALUES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"' };

function atomsOf(html: string): Atom[] {
  const atoms: Atom[] = [];
  for (const match of html.matchAll(ATOM)) {
    const [raw, slash, tag, entity] = match;
    if (tag !== undefined) atoms.push({ kind: slash ? "close" : "open", name: tag.toLowerCase(), raw });
    else if (entity !== undefined) atoms.push({ kind: "char", raw, visible: decodeEntity(entity) });
    else atoms.push({ kind: "char", raw, visible: raw });
  }
  return atoms;
}

function decodeEntity(entity: string): string {
  if (entity.startsWith("#x") || entity.startsWith("#X"))
    return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
  if (entity.startsWith("#")) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
  return ENTITY_VALUES[entity.toLowerCase()] ?? `&${entity};`;
}

const SENTENCE_END = /[.!?…»]/;
const SPACE = /\s/;

type OpenTag = Extract<Atom, { kind: "open" }>;

/** Open tags after applying `atoms[from, to)` to `stack`. */
function replay(stack: readonly OpenTag[], atoms: readonly Atom[], from: number, to: number): OpenTag[] {
  const open = [...stack];
  for (let i = from; i < to; i++) {
    const atom = atoms[i] as Atom;
    if (atom.kind === "open") open.push(atom);
    else if (atom.kind === "close") {
      const at = open.map((a) => a.name).lastIndexOf(atom.name);
      if (at >= 0) open.splice(at, 1);
    }
  }
  return open;
}

/** The latest good place to end a message within `atoms[from, end)`, given each atom's visible offset. */
function bestCut(
  atoms: readonly Atom[],
  from: number,
  end: number,
  offsets: readonly number[],
  limit: number,
): number {
  let line = -1;
  let sentence = -1;
  let space = -1;
  for (let i = from; i < end; i++) {
    const atom = atoms[i] as Atom;
    if (atom.kind !== "char") continue;
    // Cut before the blank: it would only dangle at the end of one message; the next skips it.
    if (atom.visible === "\n") line = i;
    else if (SPACE.test(atom.visible)) {
      space = i;
      const before = atoms[i - 1];
      if (before?.kind === "char" && SENTENCE_END.test(before.visible)) sentence = i;
    }
  }
  const half = limit / 2;
  const wide = (cut: number) => cut > from && (offsets[cut] ?? 0) >= half;
  if (wide(line)) return line;
  if (wide(sentence)) return sentence;
  if (space > from) return space;
  return end;
}

/** Cuts one HTML part into pieces of at most `limit` visible characters, keeping tags balanced. */
function cutHtml(html: string, limit: number): string[] {
  const atoms = atomsOf(html);
  const pieces: string[] = [];
  let stack: OpenTag[] = [];
  let start = 0;
  while (start < atoms.length) {
    if (pieces.length > 0) {
      while (start < atoms.length && isBlank(atoms[start])) start++;
      if (start >= atoms.length) break;
    }
    // offsets[i] = visible characters of atoms[start, i) — the chunk's length if cut at i.
    const offsets: number[] = [];
    let used = 0;
    let end = start;
    for (; end < atoms.length; end++) {
      offsets[end] = used;
      const atom = atoms[end] as Atom;
      if (atom.kind !== "char") continue;
      if (used + atom.visible.length > limit) break;
      used += atom.visible.length;
    }
    offsets[end] = used;
    let cut = end >= atoms.length ? end : bestCut(atoms, start, end, offsets, limit);
    while (cut < atoms.length && atoms[cut]?.kind === "close") cut++;
    while (cut > start + 1 && atoms[cut - 1]?.kind === "open") cut--;
    if (cut <= start) cut = start + 1;
    const after = replay(stack, atoms, start, cut);
    const reopen = stack.map((a) => a.raw).join("");
    const body = atoms
      .slice(start, cut)
      .map((a) => a.raw)
      .join("");
    const close = [...after]
      .reverse()
      .map((a) => `</${a.name}>`)
      .join("");
    pieces.push(reopen + body + close);
    stack = after;
    start = cut;
  }
  return pieces;
}

function isBlank(atom: Atom | undefined): boolean {
  return atom?.kind === "char" && SPACE.test(atom.visible);
}
