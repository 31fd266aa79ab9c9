/**
 * The replies a person should look at before a release: an answer, a decline, a directive, /help
 * and an answer whose passages fill more than one message — real replies of the bot to real
 * questions about the corpus.
 */
import type { BotEngine } from "../../src/bot/index.js";
import { type Bubble, Conversation } from "./conversation.js";

/** One screenshot: a file name, a caption for people, and the chat it shows. */
export interface Sample {
  readonly name: string;
  readonly caption: string;
  readonly bubbles: readonly Bubble[];
}

/**
 * Plays the sample conversations against `engine`; `wide` is an engine answering with ten
 * passages (RETRIEVAL_K=10), whose "more" fills two messages.
 */
export async function playSamples(engine: BotEngine, wide: BotEngine): Promise<Sample[]> {
  const samples: Sample[] = [];
  const play = async (
    name: string,
    caption: string,
    language: string,
    act: (c: Conversation) => Promise<void>,
    on = engine,
  ) => {
    const conversation = new Conversation(on, language);
    await act(conversation);
    samples.push({ name, caption, bubbles: conversation.bubbles });
  };
  await play("answer-who", "An answer: the people asked for, then the passage naming them", "kk", (c) =>
    c.say("ҚХА Төрағасының жаңа орынбасарлары кімдер?"),
  );
  await play("answer-where", "An answer to 'where', the place in bold", "en", (c) =>
    c.say("where should the House of Friendship open"),
  );
  await play("answer-count", "An answer to 'how many', the figures in bold", "ru", (c) =>
    c.say("Сколько семей получили помощь?"),
  );
  await play("answer-more", "A long list of people cut at five, and 'more' pressed", "en", async (c) => {
    await c.say("Who spoke besides the President?");
    const more = c.bubbles.at(-1)?.buttons.flat()[0];
    if (more) await c.press(more);
  });
  await play("decline", "A question the article does not cover", "ru", (c) =>
    c.say("Какая завтра погода в Париже?"),
  );
  await play("not-stated", "The article touches the topic but does not say it", "en", (c) =>
    c.say("Who is the mayor of Astana?"),
  );
  await play("no-words", "A message without words", "en", (c) => c.say("???"));
  await play("directive", "/directives, then button 4", "kk", async (c) => {
    await c.say("/directives");
    await c.press("4");
  });
  await play("help", "/help", "en", (c) => c.say("/help"));
  await play("source", "/source", "en", (c) => c.say("/source"));
  await play(
    "split-long-answer",
    "An answer from a bot with RETRIEVAL_K=10, 'more' pressed: nine passages over two messages",
    "kk",
    async (c) => {
      await c.say("ҚХА төрағасының жаңа орынбасарлары болып кімдер тағайындалды?");
      const more = c.bubbles.at(-1)?.buttons.flat()[0];
      if (more) await c.press(more);
    },
    wide,
  );
  return samples;
}
