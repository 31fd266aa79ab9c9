import type { Language } from "../answer/index.js";
import { type DocumentSource, deriveTitle } from "../corpus/index.js";
import type { Passage } from "../passages/index.js";
import { paragraphLabel, phrasesFor } from "./phrases.js";

/** What a citation needs of a passage; the engine's `Passage` and `AnswerPassage` both have it. */
export type CitablePassage = Pick<
  Passage,
  "doc" | "docTitle" | "section" | "ordinal" | "paragraphStart" | "paragraphEnd"
>;

/** The source of a document by id (the engine's `sources`), `undefined` when it has none. */
export type SourceLookup = (doc: string) => DocumentSource | undefined;

/** A citation's parts in the reader's language, for each presentation to lay out and link. */
export interface CitationParts {
  /** "Directive 4", or the section's own label, or `null` for prose. */
  readonly section: string | null;
  /** "¶36–38". */
  readonly paragraphs: string;
  /** The document's short title. */
  readonly title: string;
  /** The original's address, when known: the title links to it. */
  readonly url: string | null;
}

/** Between the parts of a citation: "Directive 4 · ¶36–38 · XXVI session of the Assembly". */
export const CITATION_SEPARATOR = " · ";

/**
 * The short title of a source in a language: its title in that language when `sources.json` gives
 * one per language, else its title.
 */
export function sourceTitle(source: DocumentSource, language: Language): string {
  return source.titles[language] ?? source.title;
}

/**
 * Where a passage stands, as a reader can check it: the section, the paragraphs and the
 * document's short title (linked to the original when its address is known). A document the
 * lookup does not know gets a title derived from its first line, never the whole sentence.
 */
export function citationParts(p: CitablePassage, language: Language, sources: SourceLookup): CitationParts {
  const source = sources(p.doc);
  return {
    section: p.section === null ? null : phrasesFor(language).sectionName(p.section, p.ordinal),
    paragraphs: paragraphLabel(p.paragraphStart, p.paragraphEnd),
    title: source ? sourceTitle(source, language) : deriveTitle(p.docTitle),
    url: source?.url ?? null,
  };
}
