/**
 * Why a corpus could not be read. Carries the offending path so the command line can
 * print one clear line ("corpus/x.txt: not UTF-8 text") instead of a stack trace.
 */
export class CorpusError extends Error {
  override readonly name = "CorpusError";
  constructor(
    message: string,
    /** The file or folder at fault. */
    readonly path: string,
    /** Machine-readable reason, for callers that want to react differently. */
    readonly reason: "missing-folder" | "empty-folder" | "empty-file" | "not-utf8" | "unreadable",
  ) {
    super(message);
  }
}
