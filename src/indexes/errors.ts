/**
 * A saved index cannot be used: missing, unreadable, corrupt (checksum mismatch, bad JSON) or from
 * an incompatible version. Carries the folder and the file at fault so the message can say which
 * file to delete, and `reason` so callers can rebuild instead of failing.
 */
export class IndexError extends Error {
  override readonly name = "IndexError";
  constructor(
    message: string,
    readonly dir: string,
    readonly reason: "missing" | "corrupt" | "incompatible",
    readonly file?: string,
  ) {
    super(message);
  }
}
