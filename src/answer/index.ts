/** Stage 5 of the pipeline: one `answer(question)` shared by the bot and the command line. */

export { type AnswerNeed, answerNeedOf, type MissingFact } from "./answer-need.js";
export { citeOf, lineRange, paragraphRange, shortTitle } from "./citation.js";
export { type EmbeddingsMode, resolveEmbedder } from "./embeddings.js";
export { AnswerEngine } from "./engine.js";
export type { AskOptions, EngineOptions } from "./engine-options.js";
export { Highlighter } from "./highlight.js";
export { type LeadLine, leadsFor } from "./leads.js";
export { type NamedPerson, peopleIn } from "./names.js";
export { type QuestionKind, questionKindOf } from "./question-kind.js";
export type { AbstentionReason, Answer, AnswerPassage, Language } from "./types.js";
