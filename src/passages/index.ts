/** Stage 2 of the pipeline: documents become structure-aware passages. */
export { asksForAuthor } from "./author-reference.js";
export { buildPassages, PASSAGE_FORMAT_VERSION, type PassageOptions } from "./build.js";
export { asksAboutTheEvent } from "./event-reference.js";
export { findOrdinalReference, type OrdinalReference } from "./ordinal-reference.js";
export { cardinalOf, headingOrdinalOf, isEnumerationAdverb, isSectionNoun, ordinalOf } from "./ordinals.js";
export { sentencesOf } from "./sentences.js";
export { asksForSummary } from "./summary-reference.js";
export type { Passage } from "./types.js";
