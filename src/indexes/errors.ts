/**
 * A saved index cannot be used: missing, unreadable, corrupt (checksum mismatch, bad JSON), from
 * an incompatible version, or built from another corpus (`foreign`: never rebuilt implicitly, it
 * is someone else's). Carries the folder and the file at fault so the message can name them, and
 * `reason` so callers can rebuild instead of failing.
 */
export class IndexError extends Error {
  override readonly name = "IndexError";
  constructor(
    message: string,
    readonly dir: string,
    readonly reason: "missing" | "corrupt" | "incompatible" | "foreign",
    readonly file?: string,
  ) {
    super(message);
  }
}
