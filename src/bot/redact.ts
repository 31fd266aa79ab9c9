/**
 * Keeps the bot token out of every line the process writes. grammY puts the token in request URLs
 * (`…/bot<token>/getUpdates`), and a network error from `node-fetch` repeats that URL in its
 * message, so an error logged as-is would leak it. Everything the bot prints passes through a
 * {@link Redactor} — the logger's output stream and the start-up error line alike.
 */

/** Shorter strings are not treated as secrets: scrubbing "1" or "ab" would mangle every line. */
const MIN_SECRET_LENGTH = 6;

/** What replaces a secret in output. */
export const REDACTED = "[REDACTED]";

/**
 * Replaces each secret, and each secret's "after the colon" part for tokens (the part that is
 * actually secret: the bot id before it is public), wherever it occurs in a string.
 */
export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: readonly (string | undefined)[]) {
    const all = new Set<string>();
    for (const secret of secrets) {
      if (secret === undefined || secret.trim().length < MIN_SECRET_LENGTH) continue;
      all.add(secret.trim());
      const colon = secret.indexOf(":");
      const tail = colon >= 0 ? secret.slice(colon + 1).trim() : "";
      if (tail.length >= MIN_SECRET_LENGTH) all.add(tail);
    }
    // Longest first, so the whole token goes before its tail could split it.
    this.secrets = [...all].sort((a, b) => b.length - a.length);
  }

  /** The string with every secret replaced. */
  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }
}

/**
 * A one-line description of any thrown value, safe to print: the error's name and message (and
 * those of its `cause` or grammY's wrapped `error`), scrubbed, without the stack.
 */
export function describeError(error: unknown, redactor: Redactor): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      parts.push(`${current.name}: ${current.message}`);
      const inner = (current as { error?: unknown }).error ?? current.cause;
      current = inner === current ? undefined : inner;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return redactor.scrub(parts.join(" ← ").replace(/\s+/g, " ").trim());
}
