import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { questionKindOf } from "../src/answer/index.js";
import { withStandardSpellings } from "../src/answer/prepared-question.js";
import { kazakhAnalyzer } from "../src/indexes/index.js";
import { asksAboutTheEvent, asksForAuthor } from "../src/passages/index.js";
import { TermLexicon } from "../src/retriever/spelling-bridge.js";
import { openFreshEngine } from "../tools/eval/fresh-engine.js";
import { engineOver } from "./support/corpus-engine.js";

/** A small news item of the article's shape (a title, prose naming people, a byline), made up. */
const NEWS = [
  "Қарағандыда жаңа мектеп ашылды",
  "",
  "Қарағанды қаласында үш жүз оқушыға арналған жаңа мектеп ашылды. Салтанатты жиында мектептің директоры Айгүл Серікова сөз сөйледі.",
  "Жиынға облыс әкімдері мен ата-аналар қатысты. Мектеп ғимаратында заманауи зертханалар бар. Мектепті облыстық білім басқармасы салды.",
  "Марат Әбенов",
  "",
].join("\n");

function newsEngine() {
  return engineOver({ "school.txt": NEWS });
}

describe("what a question asks for decides what answers it", () => {
  it("answers 'who wrote it?' with the byline, on any article that has one", async () => {
    const engine = await newsEngine();
    for (const question of ["Мақаланың авторы кім?", "Who wrote the article?", "Кто автор статьи?"]) {
      const answer = await engine.answer(question);
      expect(answer.abstained, question).toBe(false);
      expect(
        answer.leads.map((lead) => lead.text),
        question,
      ).toEqual(["Марат Әбенов"]);
    }
  });

  it("answers 'what is it about?' with the title and lead, on any article", async () => {
    const engine = await newsEngine();
    for (const question of [
      "Мақала не туралы?",
      "Кратко, о чём эта новость?",
      "summarise it please",
      "кыскаша айтшы",
      "bul makala ne jaiynda",
      "кыскаша айтып бершы",
      "в двух словах суть новости плз",
      // "In general", "here", and a word for what is written with one for the thing described.
      "жалпы не жайлы жазылған",
      "qysqasha ne bolgan osy jerde",
      "че за событие тут описано",
      // "tl;dr" typed on a Russian keyboard; "-тшы" typed in Latin ("айтшы").
      "тлдр пж",
      "kyskasha aitshy ne bolgan",
      // "The main point in one sentence".
      "main point in one sentence?",
      "бір сөйлеммен негізгі ойы",
      "whats this article about in one line",
      "о чем статья в одну строку",
      // "What kind of event was it", and "өзі" typed with ы.
      "что вообще за мероприятие было?",
      "what kind of event was it",
      "бул макала не туралы озы",
      // A clipped "мақала", a written piece ("жазба"), and what happened at the event reported.
      "мака не туралы",
      "Бул жазба кыскаша не жайында?",
      "что было на собрании",
      "кыскаша айтшы не болды жиында",
      "what happened at the meeting",
    ]) {
      const answer = await engine.answer(question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.kind, question).toBe("summary");
      expect(
        answer.leads.map((lead) => lead.text),
        question,
      ).toEqual([
        "Қарағандыда жаңа мектеп ашылды",
        "Қарағанды қаласында үш жүз оқушыға арналған жаңа мектеп ашылды.",
      ]);
    }
    // A question about something specific in the article is not a request for its gist.
    expect((await engine.answer("Мақалада мектеп директоры туралы не айтылған?")).kind).not.toBe("summary");
    expect((await engine.answer("what is written about the new school")).kind).not.toBe("summary");
    expect((await engine.answer("who gave the main speech")).kind).not.toBe("summary");
    expect((await engine.answer("что за человек Серікова")).kind).not.toBe("summary");
    // Who was there, or who went, is no request for what happened.
    expect((await engine.answer("жиында кім болды")).kind).not.toBe("summary");
    expect((await engine.answer("who went to the meeting")).kind).not.toBe("summary");
  });

  it("answers 'where was it?' from the lead, on any article, and says when the lead gives no date", async () => {
    const engine = await newsEngine();
    for (const question of ["where was it?", "в каком городе это было", "қай жерде болды"]) {
      const answer = await engine.answer(question);
      expect(answer.abstained, question).toBe(false);
      const lead = answer.leads[0];
      expect(lead?.emphasis.map(([s, e]) => lead.text.slice(s, e)).join(" "), question).toContain(
        "Қарағанды",
      );
    }
    const when = await engine.answer("when was it?");
    expect([when.abstained, when.reason, when.missing]).toEqual([true, "not-stated", "date"]);
    expect(asksAboutTheEvent("where was the director born")).toBe(false);
  });

  it("answers 'which one was it?' from the lead when the lead numbers the event", async () => {
    const forum = [
      "Алматыда жастар форумы өтті",
      "",
      "Алматы қаласындағы Достық үйінде жастардың кезекті XV форумы өтті. Форумға үш жүз жас кәсіпкер қатысты.",
      "Форумда жастар кәсіпкерлігін қолдау бағдарламасы талқыланды. Жиынды облыс әкімі ашты.",
      "",
    ].join("\n");
    const engine = await engineOver({ "forum.txt": forum });
    for (const question of ["which forum number was it", "нешінші форум болды", "какой по счёту форум"]) {
      const answer = await engine.answer(question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.leads[0]?.text, question).toContain("XV форумы");
    }
    expect(asksAboutTheEvent("how many entrepreneurs came to the forum")).toBe(false);
  });

  it("names the person a who-question asks for", async () => {
    const answer = await (await newsEngine()).answer("Мектептің директоры кім?");
    expect(answer.abstained).toBe(false);
    expect(answer.leads[0]?.text).toContain("Айгүл Серікова");
  });

  it("answers a who-question about a body with the sentence that names it", async () => {
    // "Who built it?" — a body, not a person: the answer is the sentence, not a refusal.
    const answer = await (await newsEngine()).answer("Мектепті кім салды?");
    expect(answer.abstained).toBe(false);
    expect(answer.leads.map((lead) => lead.text)).toEqual(["Мектепті облыстық білім басқармасы салды."]);
  });

  it("tells a question about the document's author from one about someone's authorship", () => {
    for (const question of [
      "Мақаланың авторы кім?",
      "Кім жазған?",
      "Кто написал эту статью?",
      "Who is the author?",
      "<b>Кім</b> жазды?",
      "Мақаланың афторы кім", // a typing slip in the author word
      "кто афтор статьи",
    ])
      expect(asksForAuthor(question), question).toBe(true);
    for (const question of [
      "Кто автор идеи Дома дружбы?",
      "Who wrote the anthem?",
      "Мақала не туралы?",
      "Автобус қайда?", // a slip away from "автор" by its first letters, but another word
      "автономия туралы мақала",
    ])
      expect(asksForAuthor(question), question).toBe(false);
  });

  it("reads 'for whom' as asking who benefits, not for a name", () => {
    expect(questionKindOf("Бастамалар кім үшін маңызды?")).toBe("other");
    expect(questionKindOf("Для кого важны инициативы?")).toBe("other");
    expect(questionKindOf("For whom are the initiatives important?")).toBe("other");
    expect(questionKindOf("кому эти инициативы нужнее всего")).toBe("other");
    expect(questionKindOf("who benefits most from the plan")).toBe("other");
    expect(questionKindOf("бастамалар кимдерге кобирек керек")).toBe("other");
    expect(questionKindOf("Кім сөз сөйледі?")).toBe("who");
    expect(questionKindOf("кому поручили программу")).toBe("who");
    expect(questionKindOf("who's the chairman")).toBe("who");
    expect(questionKindOf("whos the new deputy")).toBe("who");
  });

  it("reads 'many' and 'much' as a count only after 'how'", () => {
    expect(questionKindOf("how many deputy chairs were appointed")).toBe("count");
    expect(questionKindOf("How much did they publish?")).toBe("count");
    expect(questionKindOf("in a country with many ethnic groups, how do the two policies relate?")).toBe(
      "other",
    );
    expect(questionKindOf("what did he say about countries with many ethnic groups")).toBe("other");
  });

  it("reads 'which one in the run' as asking for a figure ('по счёту', 'which session number')", () => {
    for (const question of [
      "какая по счету сессия",
      "какой номер у этой сессии",
      "which session number was it",
      "what number is this session",
      "сессияның нөмірі қандай",
      "sessiya nomeri qandai",
    ])
      expect(questionKindOf(question), question).toBe("count");
  });

  it("reads a question word typed the chat way as the standard one ('скока', 'скольких')", () => {
    expect(withStandardSpellings("скока кафедр участвует, чё там pls")).toBe(
      "сколько кафедр участвует, что там please",
    );
    expect(withStandardSpellings("Скока стоит скоросшиватель")).toBe("сколько стоит скоросшиватель");
    expect(questionKindOf(withStandardSpellings("скока роликов снимут"))).toBe("count");
    expect(questionKindOf("из скольких людей состоит")).toBe("count");
  });

  it("reads 'which day', 'which month', 'what time' and 'deadline' as asking when, with or without Kazakh letters", () => {
    for (const question of [
      "Сессия қай күні өтті?",
      "сессия кай кун отти",
      "қай айда өтті",
      "what day was it held",
      "what time did the session start",
      "в котором часу началась сессия",
      "сессия сагат нешеде басталды",
      "deadline for the programme?",
    ])
      expect(questionKindOf(question), question).toBe("when");
  });

  it("reads a question phrase typed in Latin letters as in Cyrillic ('qai jyly' is 'қай жылы')", () => {
    expect(questionKindOf("tvarionas qai jyly tugan")).toBe("when");
    expect(questionKindOf("Assambleya qai jyly quryldy?")).toBe("when");
    expect(questionKindOf("sessiya qai jerde otti")).toBe("where");
    expect(questionKindOf("qai jerde")).toBe("where");
  });
});

describe("questions about what the article does not cover", () => {
  it("declines a question naming a number or a place the corpus lacks in any form", async () => {
    const engine = await newsEngine();
    for (const question of [
      "When does the 27th school open in Karaganda?",
      "Жаңа мектеп Таразда ашылды ма?",
      "Қарағандыда 2030 жылы қанша мектеп ашылады?",
    ]) {
      expect((await engine.answer(question)).abstained, question).toBe(true);
    }
    // Without the unknown place, the same words are answered.
    expect((await engine.answer("Жаңа мектеп қайда ашылды?")).abstained).toBe(false);
  });

  it("meets the corpus's Kazakh spelling of a name written in Latin or Russian letters", async () => {
    const engine = await newsEngine();
    for (const question of ["Who is Aigul Serikova?", "Кто такая Айгуль Серикова?"]) {
      const answer = await engine.answer(question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.leads[0]?.text, question).toContain("Айгүл Серікова");
    }
    const lexicon = new TermLexicon(["жаңғыру", "біл"]);
    expect(lexicon.lookup("жангыру")).toContain("жаңғыру");
    // Short stems have Kazakh look-alikes by chance ("бил" of "билет" is not "біл").
    expect(lexicon.lookup("бил")).toEqual([]);
  });

  it("does not decline the same kind of question when the corpus has the name", async () => {
    const answer = await (await newsEngine()).answer("Қарағандыдағы жаңа мектеп қанша оқушыға арналған?");
    expect(answer.abstained).toBe(false);
    expect(answer.leads[0]?.text).toContain("үш жүз оқушыға");
  });
});

describe("a document's first line", () => {
  async function engineOver(firstLine: string) {
    const dir = mkdtempSync(join(tmpdir(), "first-line-corpus-"));
    const body = [
      "Кеңесте оқу жылына дайындық талқыланды. Мектептерге жаңа оқулықтар жеткізілді.",
      "Жиында облыс әкімінің орынбасары сөз сөйледі. Ұстаздарға марапаттар берілді.",
    ];
    // Each paragraph long enough to be a passage of its own.
    const paragraphs = body.map((sentence) => Array(8).fill(sentence).join(" "));
    writeFileSync(
      join(dir, "council.txt"),
      [firstLine, "", ...paragraphs.flatMap((p) => [p, ""])].join("\n"),
    );
    return openFreshEngine(dir);
  }
  const [palace] = kazakhAnalyzer().documentTerms("сарайында");

  it("is spread over every passage when it is a heading", async () => {
    const keyword = (await engineOver("Мәдениет сарайында тамыз кеңесі")).indexes.keyword;
    expect(keyword.idf(palace as string)).toBeLessThan(0.2);
  });

  it("is only its passage's text when it is a lead sentence, so its words keep their weight", async () => {
    const keyword = (
      await engineOver(
        "Қарағанды қаласындағы Мәдениет сарайында облыстық мұғалімдердің тамыз кеңесі өтті, оған үш мыңнан астам ұстаз бен мектеп басшысы қатысты",
      )
    ).indexes.keyword;
    // As rare as a word of one passage: "Кеңес қай сарайда өтті?" can find the lead.
    const [textbooks] = kazakhAnalyzer().documentTerms("оқулықтар");
    expect(keyword.idf(palace as string)).toBeCloseTo(keyword.idf(textbooks as string), 5);
  });
});
