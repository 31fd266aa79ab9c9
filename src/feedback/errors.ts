/**
 * The feedback database cannot be used: its driver is missing, its file cannot be created or
 * opened, or the server refused. Carries where (a path, or host and database — never a password)
 * and why, for the one log line or the report's one error line.
 */
export class FeedbackStoreError extends Error {
  override readonly name = "FeedbackStoreError";
  constructor(
    message: string,
    readonly where: string,
    readonly reason: "no-driver" | "missing" | "unavailable",
  ) {
    super(message);
  }
}
