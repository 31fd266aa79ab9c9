/**
 * One document of the corpus, as read from disk. Everything later in the pipeline
 * refers back to it by `id`, so citations survive re-indexing as long as the file name does.
 */
export interface CorpusDocument {
  /** File name without extension: stable, human-readable, used in citations and `--json` output. */
  readonly id: string;
  /** First non-empty line of the file: what a reader recognises the document by. */
  readonly title: string;
  /**
   * The byline, when the document ends with one (a last line of two to four capitalised words
   * and no sentence punctuation, as news articles are signed), else `null`.
   */
  readonly author: string | null;
  /** Absolute path, kept for error messages. */
  readonly path: string;
  /** Full text with BOM stripped and line endings normalised to `\n`. */
  readonly text: string;
}
