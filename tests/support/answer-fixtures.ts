import type { Answer, AnswerPassage } from "../../src/answer/index.js";

/**
 * An answer passage as the bot receives it — the fourth directive of the article, one citation's
 * worth of fields — with any field overridden. Presentation tests build on it instead of each
 * spelling out every field of the type.
 */
export function answerPassage(overrides: Partial<AnswerPassage> = {}): AnswerPassage {
  return {
    rank: 1,
    doc: "assembly-26th-session",
    docTitle:
      "Астана қаласындағы Бейбітшілік және келісім сарайында еліміздегі татулық пен береке-бірлікті мақсат тұтқан",
    section: "Төртінші",
    ordinal: 4,
    paragraphStart: 36,
    paragraphEnd: 38,
    lineStart: 37,
    lineEnd: 39,
    text: "Төртінші\nҚХА-ның «Жаңғыру жолы» атты жаңа жастар қозғалысы жастарды жаңғыру аясында біріктіруі керек",
    score: 1,
    cite: "",
    highlights: [],
    legs: {},
    ...overrides,
  };
}

/**
 * An answer as the engine returns it — one passage (the fourth directive), nothing declined,
 * nothing cut — with any field overridden: what presentation and feedback tests start from.
 */
export function answerOf(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "q",
    language: "kk",
    abstained: false,
    reason: null,
    passages: [answerPassage()],
    ordinal: null,
    kind: "other",
    leads: [],
    truncated: false,
    missing: null,
    missingWords: [],
    context: null,
    ...overrides,
  };
}
