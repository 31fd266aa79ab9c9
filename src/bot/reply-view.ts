import type { Language } from "../answer/index.js";
import type { SourceLookup } from "../presentation/index.js";
import type { ReplyView } from "./format.js";
import { messagesFor } from "./i18n.js";
import type { BotEngine } from "./services.js";

/**
 * The view a reply is formatted in: the reader's language, the bot's words with the corpus's own
 * example questions, and the documents' sources (short titles, links) from the engine.
 */
export function replyView(engine: Pick<BotEngine, "examples" | "sources">, language: Language): ReplyView {
  return { language, messages: messagesFor(language, engine.examples), sources: sourceLookup(engine) };
}

/** The engine's sources as a lookup by document id. */
export function sourceLookup(engine: Pick<BotEngine, "sources">): SourceLookup {
  return (doc) => engine.sources.get(doc);
}
