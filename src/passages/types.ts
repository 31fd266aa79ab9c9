/**
 * The unit of retrieval and citation. A passage never crosses a section, so the
 * citation of a passage ("Төртінші, paragraph 31, lines 31–33") is always true of all its text.
 */
export interface Passage {
  /** Position in the passage list of the whole corpus; the key shared by every index. */
  readonly id: number;
  /** Document id (file name without extension). */
  readonly doc: string;
  /** Document title, repeated here so a passage can be cited without the corpus at hand. */
  readonly docTitle: string;
  /** Section label, e.g. "Төртінші" for a numbered directive; `null` for ordinary prose. */
  readonly section: string | null;
  /** The section's ordinal (1 for "Бірінші" …), or `null` when the section is not numbered. */
  readonly ordinal: number | null;
  /** 1-based paragraph range within the document (a paragraph is a non-empty line). */
  readonly paragraphStart: number;
  readonly paragraphEnd: number;
  /** 1-based line range within the source file. */
  readonly lineStart: number;
  readonly lineEnd: number;
  /** Passage text; for a section it starts with the section heading. */
  readonly text: string;
}
