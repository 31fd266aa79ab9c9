import { checksumOf } from "../manifest.js";
import list from "./off-topic-questions.json" with { type: "json" };

/**
 * Everyday questions about other things (off-topic-questions.json), all languages together. The
 * dense leg embeds them beside the passages: a reader's question nearer to one of them than to
 * any passage is about something else (see the retriever's off-topic margin).
 */
export const OFF_TOPIC_QUESTIONS: readonly string[] = [
  ...list.questions.kk,
  ...list.questions.ru,
  ...list.questions.en,
];

/** Fingerprint of the list, in the manifest: an edited list re-embeds the dense leg. */
export const OFF_TOPIC_HASH: string = checksumOf(OFF_TOPIC_QUESTIONS.join("\n")).slice(0, 16);
