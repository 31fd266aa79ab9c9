import type { Answer, AnswerEngine, AskOptions } from "../answer/index.js";
import type { BotEngine } from "./services.js";

/** What the holder needs of an engine: what the bot uses, plus what opening it found. */
export type HeldEngine = BotEngine & Pick<AnswerEngine, "openResult" | "embedder">;

/**
 * The answer engine the bot serves, swappable while it runs: when the corpus changes, a new engine
 * (over the new index version) is opened beside the old one and swapped in by one assignment.
 * A question takes the engine current when it starts and finishes on it, so a swap never
 * disturbs an answer in flight; the old engine is dropped when the last such answer is done.
 */
export class LiveEngine implements BotEngine {
  private current: HeldEngine;

  constructor(engine: HeldEngine) {
    this.current = engine;
  }

  /** The engine questions go to now. */
  get engine(): HeldEngine {
    return this.current;
  }

  /** Makes `engine` the one new questions go to. */
  swap(engine: HeldEngine): void {
    this.current = engine;
  }

  answer(question: string, options?: AskOptions): Promise<Answer> {
    return this.current.answer(question, options);
  }

  sections(): ReturnType<BotEngine["sections"]> {
    return this.current.sections();
  }

  section(ordinal: number, doc?: string): ReturnType<BotEngine["section"]> {
    return this.current.section(ordinal, doc);
  }

  get indexes(): BotEngine["indexes"] {
    return this.current.indexes;
  }

  get legs(): BotEngine["legs"] {
    return this.current.legs;
  }

  get examples(): BotEngine["examples"] {
    return this.current.examples;
  }

  get sources(): BotEngine["sources"] {
    return this.current.sources;
  }

  /** Corpus files the current index left out (empty, not UTF-8, unreadable). */
  get skipped(): HeldEngine["openResult"]["skipped"] {
    return this.current.openResult.skipped;
  }

  /** The index version the current engine answers from (`null`: in memory, or saved before versions). */
  get version(): string | null {
    return this.current.openResult.version;
  }
}
