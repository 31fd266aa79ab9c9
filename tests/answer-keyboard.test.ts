import { InlineKeyboard } from "grammy";
import { describe, expect, it } from "vitest";
import { answerKeyboard, replaceButtons } from "../src/bot/answer-keyboard.js";

const more = new InlineKeyboard().text("More (2)", "more:en:abcdef:1.2");
const votes = [
  { text: "👍", callback_data: "fb:+:abcdefghijk:en" },
  { text: "👎", callback_data: "fb:-:abcdefghijk:en" },
];

describe("answer keyboard", () => {
  it("puts 'more' above the votes, and is absent with neither", () => {
    expect(answerKeyboard(more, votes)?.inline_keyboard).toEqual([
      [{ text: "More (2)", callback_data: "more:en:abcdef:1.2" }],
      votes,
    ]);
    expect(answerKeyboard(undefined, votes)?.inline_keyboard).toEqual([votes]);
    expect(answerKeyboard(more, undefined)?.inline_keyboard).toHaveLength(1);
    expect(answerKeyboard(undefined, [])).toBeUndefined();
  });

  it("replaces one kind of button and keeps the others", () => {
    const markup = { inline_keyboard: answerKeyboard(more, votes)?.inline_keyboard ?? [] };
    expect(replaceButtons(markup, "more:")).toEqual({ inline_keyboard: [votes] });
    const marked = [{ ...votes[0], text: "👍 ✓" }, votes[1]] as typeof votes;
    expect(replaceButtons(markup, "fb:", marked).inline_keyboard).toEqual([
      markup.inline_keyboard[0],
      marked,
    ]);
    // A kind that was not there is added; nothing left is an empty keyboard.
    expect(replaceButtons(undefined, "fb:", votes)).toEqual({ inline_keyboard: [votes] });
    expect(replaceButtons({ inline_keyboard: [votes] }, "fb:")).toEqual({ inline_keyboard: [] });
  });
});
