/**
 * What every presentation (the bot, the command line) shows of an answer the same way: which
 * passages at once, how a citation reads, the wording of declines, plural forms. Both import it;
 * neither imports the other.
 */

export {
  CITATION_SEPARATOR,
  type CitablePassage,
  type CitationParts,
  citationParts,
  type SourceLookup,
  sourceTitle,
} from "./citation.js";
export { type Phrases, paragraphLabel, phrasesFor } from "./phrases.js";
export { countOf, type PluralForms, pluralForm } from "./plural.js";
export {
  DEFAULT_DENSE_GAP,
  DEFAULT_KEYWORD_RATIO,
  planReply,
  type ReplyPlan,
  type ReplyPlanOptions,
} from "./reply-plan.js";
