import type { Context } from "grammy";
import type { Language } from "../answer/index.js";

/**
 * What handlers learn about an update that the one-line update log reports at the end. Handlers
 * fill it in; the logging middleware reads it after they return (or throw).
 */
export interface UpdateOutcome {
  /** What became of the update: answered, abstained, a command, ignored group chatter… */
  outcome?: string;
  language?: Language;
  passages?: number;
  abstained?: boolean;
  /** Messages sent in reply (more than one when a long answer was split). */
  messages?: number;
  /** The question, logged only at debug level. */
  question?: string;
}

/** grammY's context with the per-update outcome record. */
export type BotContext = Context & { outcome: UpdateOutcome };
