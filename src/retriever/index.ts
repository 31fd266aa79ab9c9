/** Stage 4 of the pipeline: a question becomes ranked passages, fused from every leg. */
export { type RankedList, reciprocalRankFusion } from "./fusion.js";
export { Retriever, type RetrieverOptions } from "./retriever.js";
export type { TermLexicon } from "./spelling-bridge.js";
export type { LegEvidence, Retrieval, RetrievedPassage } from "./types.js";
