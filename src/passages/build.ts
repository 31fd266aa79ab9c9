import type { CorpusDocument } from "../corpus/index.js";
import { isEnumerationAdverb } from "./ordinals.js";
import { findSections, type Paragraph, paragraphsOf, type Section } from "./sections.js";
import { splitLongText } from "./split.js";
import type { Passage } from "./types.js";

/** Options of {@link buildPassages}. */
export interface PassageOptions {
  /**
   * Soft size cap in characters. Prose paragraphs merge up to it; a section or paragraph longer
   * than it is split (sections at paragraph ends, paragraphs at sentence ends). Default 900:
   * about 250 tokens for the e5 model, well under its 512-token window, and small enough that a
   * quote in Telegram stays readable.
   */
  maxChars?: number;
}

/** Bumped whenever the way passages are cut (or documents read) changes, so saved indexes are rebuilt. */
export const PASSAGE_FORMAT_VERSION = 2;

type Draft = Omit<Passage, "id">;

/**
 * Cuts every document into passages that never cross a section: each numbered section (a
 * directive) is one passage with its heading, unless it is too long; prose between sections
 * merges into passages up to the size cap, starting afresh at enumerations ("Біріншіден, …").
 */
export function buildPassages(documents: readonly CorpusDocument[], options: PassageOptions = {}): Passage[] {
  const maxChars = options.maxChars ?? 900;
  const drafts = documents.flatMap((doc) => passagesOfDocument(doc, maxChars));
  return drafts.map((draft, id) => ({ id, ...draft }));
}

function passagesOfDocument(doc: CorpusDocument, maxChars: number): Draft[] {
  const paragraphs = paragraphsOf(doc.text);
  const sections = findSections(paragraphs);
  const drafts: Draft[] = [];
  let cursor = 0;
  for (const section of sections) {
    drafts.push(...proseDrafts(doc, paragraphs.slice(cursor, section.start), maxChars));
    drafts.push(...sectionDrafts(doc, paragraphs.slice(section.start, section.end), section, maxChars));
    cursor = section.end;
  }
  drafts.push(...proseDrafts(doc, paragraphs.slice(cursor), maxChars));
  return drafts;
}

/** A section becomes one passage, or several consecutive ones when over the cap. */
function sectionDrafts(
  doc: CorpusDocument,
  body: readonly Paragraph[],
  section: Section,
  maxChars: number,
): Draft[] {
  return packParagraphs(body, maxChars, () => false).flatMap((group) =>
    draftsOf(doc, group, maxChars, section.label, section.ordinal),
  );
}

function proseDrafts(doc: CorpusDocument, paragraphs: readonly Paragraph[], maxChars: number): Draft[] {
  const startsAnew = (p: Paragraph) => isEnumerationAdverb(p.text.split(/[\s,]/, 1)[0] ?? "");
  return packParagraphs(paragraphs, maxChars, startsAnew).flatMap((group) =>
    draftsOf(doc, group, maxChars, null, null),
  );
}

/** Greedily groups consecutive paragraphs while the group stays under the cap. */
function packParagraphs(
  paragraphs: readonly Paragraph[],
  maxChars: number,
  startsAnew: (p: Paragraph) => boolean,
): Paragraph[][] {
  const groups: Paragraph[][] = [];
  let group: Paragraph[] = [];
  let size = 0;
  for (const p of paragraphs) {
    if (group.length > 0 && (size + 1 + p.text.length > maxChars || startsAnew(p))) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(p);
    size += (size ? 1 : 0) + p.text.length;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** One passage for a group of paragraphs; a single over-long paragraph splits at sentence ends. */
function draftsOf(
  doc: CorpusDocument,
  group: readonly Paragraph[],
  maxChars: number,
  section: string | null,
  ordinal: number | null,
): Draft[] {
  const first = group[0] as Paragraph;
  const last = group[group.length - 1] as Paragraph;
  const base = {
    doc: doc.id,
    docTitle: doc.title,
    section,
    ordinal,
    paragraphStart: first.paragraph,
    paragraphEnd: last.paragraph,
    lineStart: first.line,
    lineEnd: last.line,
  };
  const text = group.map((p) => p.text).join("\n");
  const pieces = group.length === 1 ? splitLongText(text, maxChars) : [text];
  return pieces.map((piece) => ({ ...base, text: piece }));
}
