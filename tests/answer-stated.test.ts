import { describe, expect, it } from "vitest";
import { type AnswerPassage, answerNeedOf, questionKindOf } from "../src/answer/index.js";
import { isStated } from "../src/answer/stated.js";
import { engineOver } from "./support/corpus-engine.js";
import { needKindOf as need, newsEngine, OTHER } from "./support/news-corpus.js";

/** What a question's answer must hold, as the engine reads it. */
const needOf = (q: string) => answerNeedOf(q, questionKindOf(q));

describe("what the question asks for must be in the passage", () => {
  it("reads the kind of answer a question wants, in kk/ru/en and typed without Kazakh letters", () => {
    expect(need("Директор неше жаста?")).toBe("age");
    expect(need("How old is the director?")).toBe("age");
    expect(need("Мектепке канша акша жумсалды?")).toBe("money");
    expect(need("Қала әкімі кім?")).toBe("person");
    expect(need("Кто выступил на открытии?")).toBe("body-or-person");
    expect(need("Мектепті кім басқарады?")).toBe("leader");
    expect(need("Кто возглавляет школу?")).toBe("leader");
    expect(need("who runs the clinic")).toBe("leader");
    expect(need("Мектеп кашан ашылды?")).toBe("date");
    expect(need("Жиын қанша уақытқа созылды?")).toBe("duration");
    expect(need("Сколько длилось открытие?")).toBe("duration");
    expect(need("How long did the opening last?")).toBe("duration");
    // "За сколько лет" asks how long; "сколько лет" alone, an age.
    expect(need("за сколько лет построили школу")).toBe("duration");
    expect(need("сколько лет директору")).toBe("age");
    expect(answerNeedOf("How many teachers work there?", "count")?.counted).toContain("teachers");
    expect(need("Мектепте не бар?")).toBeNull();
    // A price asked with a verb, or "what is the budget": an amount, not any figure.
    expect(need("Сколько будет стоить школа?")).toBe("money");
    expect(need("сколько стоила лаборатория")).toBe("money");
    expect(need("whats the budget for the new school")).toBe("money");
    expect(need("Какой бюджет выделят на школу?")).toBe("money");
    // A size beside a money word is an amount; a size alone is not.
    expect(need("какой размер грантов для школ")).toBe("money");
    expect(need("how big are the grants")).toBe("money");
    expect(need("how big is the new school")).toBeNull();
    // A bare noun phrase headed by a sum asks for it; a Kazakh genitive first is no head.
    expect(need("бюджет новой школы")).toBe("money");
    expect(need("cost of the new lab")).toBe("money");
    expect(need("Гранттардың тақырыбы туралы не делінді?")).toBeNull();
    // "Нешеде?" and "нешеге келді" ask an age; "сағат нешеде" asks the hour.
    expect(need("Директор нешеде?")).toBe("age");
    expect(need("Серикова нешеге келди")).toBe("age");
    expect(need("Мектеп сағат нешеде ашылды?")).toBe("date");
    // "Where does she work?" is answered by the organisation beside her name, not a place.
    expect(need("Серикова кай жерде истайды")).toBeNull();
    expect(need("где работает Серикова")).toBeNull();
    expect(need("Мектеп қай қалада ашылды?")).toBe("place");
  });

  it("says the article does not say it — naming what — and shows the nearest passage as context", async () => {
    const engine = await newsEngine();
    const cases: [string, string][] = [
      ["Мектеп қашан ашылды?", "date"],
      ["Айгүл Серікова неше жаста?", "age"],
      ["Жаңа мектептің бағасы қанша?", "money"],
      ["Облыс әкімі кім?", "person"],
      ["Жаңа мектепте қанша зертхана бар?", "figure"],
      ["Мектептегі салтанатты жиын қанша уақытқа созылды?", "duration"],
    ];
    for (const [question, missing] of cases) {
      const answer = await engine.answer(question);
      expect(answer.abstained, question).toBe(true);
      expect(answer.reason, question).toBe("not-stated");
      expect(answer.missing, question).toBe(missing);
      expect(answer.passages, question).toEqual([]);
      expect(answer.context?.text, question).toContain("мектеп");
    }
    // "Who leads it?" wants a person at its head: the clinic's passages name none.
    const leader = await engine.answer("Емхананы кім басқарады?");
    expect([leader.reason, leader.missing]).toEqual(["not-stated", "leader"]);
  });

  it("still answers what the passage does state", async () => {
    const engine = await newsEngine();
    for (const [question, expected] of [
      ["Мектеп неше оқушыға арналған?", "үш жүз оқушыға"],
      ["Мектептің директоры кім?", "Айгүл Серікова"],
      ["Мектепті кім басқарады?", "директоры Айгүл Серікова"],
      ["Мектеп қай қалада ашылды?", "Қарағанды қаласында"],
      ["Емхананы жөндеу қанша уақытқа созылды?", "үш ай бойы"],
    ] as const) {
      const answer = await engine.answer(question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.passages[0]?.text, question).toContain(expected);
    }
  });
});

describe("a passage found by meaning alone", () => {
  const age = { need: "age", roles: [], counted: [], named: [] } as const;
  const known = { knownConcepts: 1, knownShare: 1 };
  const find = () => [];
  /** An answer passage as the gate reads it: its text and the question's words highlighted in it. */
  const quoted = (text: string, highlighted = "") => {
    const at = highlighted ? text.indexOf(highlighted) : -1;
    return {
      text,
      highlights: at < 0 ? [] : [[at, at + highlighted.length] as const],
    } as unknown as AnswerPassage;
  };
  const named = quoted("Жиында Ахмет Салжанов сөз сөйледі.", "Салжанов");
  const anniversary = quoted("Биыл біз Елорданың 20 жылдығын атап өтеміз.");

  it("states the fact when no quoted passage holds the question's words", () => {
    expect(isStated(age, [anniversary], find, known)).toBe(true);
  });

  it("does not, when another quoted passage holds them: it is about something else", () => {
    // "How old is Salzhanov?": the name is found, and a capital's anniversary is no age of his.
    expect(isStated(age, [named, anniversary], find, known)).toBe(false);
  });

  it("takes no year for an age", () => {
    expect(isStated(age, [quoted("Ассамблеяның 2025 жылға дейінгі жоспары.")], find, known)).toBe(false);
  });
});

/** A made-up forum: four speakers in one list, and one speaker quoted on his own. */
const FORUM = [
  "Алматыда экология форумы өтті",
  "",
  "Форумда облыс әкімінің орынбасары Д.Серіков, «Жасыл ел» қорының директоры А.Нұрланова, профессор Б.Омаров, эколог Г.Ахметова сөз сөйлеп, өз салаларындағы жұмыстар туралы баяндады.",
  "Форумды ашқан министр Ержан Тұрсынов: «Қалада ағаш отырғызу үш есе көбейеді» деді.",
  "",
].join("\n");

describe("what someone said", () => {
  it("is asked by 'what did X say', not by 'did X speak'", () => {
    expect(need("Омаров форумда не айтты?")).toBe("speech");
    expect(need("что сказал Омаров про воду")).toBe("speech");
    expect(need("what did Omarov say about water")).toBe("speech");
    expect(need("Омаров сөз сөйледі ме?")).toBeNull();
  });

  it("is not stated for someone the article only lists among the speakers", async () => {
    const engine = await engineOver({ "forum.txt": FORUM, "clinic.txt": OTHER });
    for (const question of [
      "Омаров форумда нақты не айтты?",
      "что сказал Омаров на форуме",
      "Нурланова форумда не деди",
    ]) {
      const answer = await engine.answer(question);
      expect([answer.reason, answer.missing], question).toEqual(["not-stated", "speech"]);
      expect(answer.context?.text, question).toContain("Б.Омаров");
    }
  });

  it("is answered for someone quoted on their own, and when nobody is named", async () => {
    const engine = await engineOver({ "forum.txt": FORUM, "clinic.txt": OTHER });
    for (const [question, expected] of [
      ["Тұрсынов не деді?", "ағаш отырғызу"],
      ["что сказал министр Турсынов", "ағаш отырғызу"],
      ["Форумда сөз сөйлегендер не туралы баяндады?", "өз салаларындағы жұмыстар"],
    ] as const) {
      const answer = await engine.answer(question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.passages[0]?.text, question).toContain(expected);
    }
  });
});

/** A made-up congress: it names a resolution and three programmes without their contents, and lists its cities. */
const CONGRESS = [
  "Шымкентте жастар съезі өтті",
  "",
  "Съезд соңында қатысушылар Қарар қабылдады. Съезд үш жаңа бағдарламаны іске қосуды ұсынды.",
  "Съезге Алматы, Астана, Тараз және Түркістан қалаларының жастары келді.",
  "",
].join("\n");

describe("the contents of something", () => {
  it("are asked for by a list, a text or titles — not when the list is of the numbered sections", () => {
    expect(need("бағдарламаларды тізіп берші")).toBe("contents");
    expect(need("какой текст резолюции приняли")).toBe("contents");
    expect(need("what exactly are the three programmes")).toBe("contents");
    expect(need("titles of the books they published")).toBe("contents");
    expect(need("занга накты кандай озгеристер енгизилди")).toBe("contents");
    // What a document "says" is its text.
    expect(need("what does the resolution adopted at the end say")).toBe("contents");
    expect(need("что сказано в обращении")).toBe("contents");
    // What someone said is its own need; the numbered sections are a list the article makes.
    expect(need("что конкретно сказал Омаров")).toBe("speech");
    expect(need("перечисли все поручения")).toBeNull();
    expect(need("list the directives")).toBeNull();
  });

  it("are not stated by a passage that only names the thing, nor by a list of something else", async () => {
    const engine = await engineOver({ "congress.txt": CONGRESS, "clinic.txt": OTHER });
    for (const question of [
      "Съезде қабылданған Қарардың мәтіні қандай?",
      "Съезд ұсынған үш бағдарламаны тізіп берші",
    ]) {
      const answer = await engine.answer(question);
      expect([answer.reason, answer.missing], question).toEqual(["not-stated", "contents"]);
    }
  });

  it("are stated by a list: short items between commas, or people named", async () => {
    const engine = await engineOver({ "congress.txt": CONGRESS, "clinic.txt": OTHER });
    const cities = await engine.answer("Съезге жастары келген қалаларды тізіп берші");
    expect(cities.abstained).toBe(false);
    expect(cities.passages[0]?.text).toContain("Тараз");
    const forum = await engineOver({ "forum.txt": FORUM, "clinic.txt": OTHER });
    const speakers = await forum.answer("Форумда сөз сөйлегендерді тізіп берші");
    expect(speakers.abstained).toBe(false);
    expect(speakers.passages[0]?.text).toContain("Б.Омаров");
  });
});

describe("a count answered by the people it counts", () => {
  const APPOINTED = [
    "Қоғамдық кеңестің отырысы өтті",
    "",
    "Отырыста кеңестің жаңа мүшелері сайланып, бұл қызметке Асқар Бекұлы Нұрланов пен Гүлнар Серікқызы Оспанова тағайындалды.",
    "Кеңес келесі жылы қала бюджетін талқылайды. Отырысқа қала әкімі Марат Әбенов қатысты.",
    "",
  ].join("\n");

  it("takes people named one by one after the counted word as the figure, and leads with their names", async () => {
    const engine = await engineOver({ "council.txt": APPOINTED, "clinic.txt": OTHER });
    const answer = await engine.answer("Кеңестің қанша жаңа мүшесі тағайындалды?");
    expect(answer.abstained).toBe(false);
    const lead = answer.leads[0];
    expect(lead?.emphasis.map(([s, e]) => lead.text.slice(s, e))).toEqual([
      "Асқар Бекұлы Нұрланов",
      "Гүлнар Серікқызы Оспанова",
    ]);
  });

  it("not one person beside a title, nor people beside no word for what is counted", async () => {
    const engine = await engineOver({ "council.txt": APPOINTED, "clinic.txt": OTHER });
    for (const question of [
      "Қанша әкім қатысты?",
      "Отырысқа қанша адам қатысты?",
      // Asks more than the sentence says: the members at work in all, not the new ones.
      "Кеңесте қанша мүше жұмыс істейді?",
    ]) {
      const answer = await engine.answer(question);
      expect([answer.abstained, answer.reason], question).toEqual([true, "not-stated"]);
    }
  });
});

describe("the name of an institution", () => {
  const VISIT = [
    "Жастар форумы өтті",
    "",
    "Форумға «Жарқын болашақ» мектебінің оқушылары мен жергілікті университеттердің студенттері қатысты.",
    "Форумды Білім және ғылым министрлігі ұйымдастырды.",
    "",
  ].join("\n");

  it("is asked by 'which school', 'какие вузы', 'what ministry' — not by 'which directive'", () => {
    expect(needOf("Қай мектептің оқушылары қатысты?")).toMatchObject({ need: "name", named: ["мектептің"] });
    expect(need("какие вузы участвовали")).toBe("name");
    expect(need("what ministry organised it")).toBe("name");
    expect(needOf("which ministry is named in the seventh directive")).toBeNull();
  });

  it("is stated by a quoted or capitalised name beside the institution word, and only then", async () => {
    const engine = await engineOver({ "forum.txt": VISIT, "clinic.txt": OTHER });
    for (const question of ["Қай мектептің оқушылары қатысты?", "Қай министрлік форумды ұйымдастырды?"])
      expect((await engine.answer(question)).abstained, question).toBe(false);
    const universities = await engine.answer("Қай университеттердің студенттері қатысты?");
    expect([universities.reason, universities.missing]).toEqual(["not-stated", "name"]);
  });

  it("is not stated for someone named when the passages never use the word; a bare 'which' is answered", () => {
    const company = { need: "name", roles: [], counted: [], named: ["company"] } as const;
    const known = { knownConcepts: 1, knownShare: 1 };
    const find = () => [];
    const text = "Жиында «Жасыл ел» қорының директоры Ахмет Салжанов сөз сөйледі.";
    const passage = (highlighted: string) =>
      ({
        text,
        highlights: highlighted
          ? [[text.indexOf(highlighted), text.indexOf(highlighted) + highlighted.length]]
          : [],
      }) as unknown as AnswerPassage;
    // "What company does Salzhanov own": only his name is found, and no company is ever mentioned.
    expect(isStated(company, [passage("Салжанов")], find, known)).toBe(false);
    // "Which company is mentioned": no one is asked about.
    expect(isStated(company, [passage("")], find, known)).toBe(true);
    // "Which company does the fund's director own": a word beside the name is asked about too.
    expect(isStated(company, [passage("директоры")], find, known)).toBe(true);
  });
});

describe("a person asked for by role", () => {
  const LIST = [
    "Астанада денсаулық форумы өтті",
    "",
    "Форумда денсаулық сақтау министрі Б.Омаров, «Жасыл ел» қорының директоры А.Нұрланова, мәдениет орталығының жетекшісі Г.Ахметова сөз сөйледі.",
    "",
  ].join("\n");

  it("is named only where the question's other words stand beside the role, not elsewhere in a list", async () => {
    const engine = await engineOver({ "forum.txt": LIST, "clinic.txt": OTHER });
    const named = await engine.answer("денсаулық сақтау министрі кім");
    expect(named.abstained).toBe(false);
    expect(named.leads[0]?.text).toContain("Б.Омаров");
    // "мәдениет" stands three names from "министрі": no culture minister is named.
    const culture = await engine.answer("мәдениет министрі кім");
    expect([culture.abstained, culture.reason]).toEqual([true, "not-stated"]);
  });

  it("is named by a list of speakers whose 'spoke' the source broke onto the next line", async () => {
    // The article's own shape: the names on one line, "сөз сөйлеп, …" opening the next.
    const BROKEN = LIST.replace(" сөз сөйледі.", "\nсөз сөйлеп, қорытынды жасады.");
    const engine = await engineOver({ "forum.txt": BROKEN, "clinic.txt": OTHER });
    for (const question of ["кто из министров выступал", "какой министр выступал на форуме"]) {
      const answer = await engine.answer(question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.passages[0]?.text, question).toContain("Б.Омаров");
    }
    // What people did qualifies no role; the culture minister is still not named.
    const culture = await engine.answer("мәдениет министрі кім");
    expect([culture.abstained, culture.reason]).toEqual([true, "not-stated"]);
  });

  it("is asked by 'what is the name of' and 'как зовут' as by 'who'", () => {
    expect(questionKindOf("whats the name of the culture minister")).toBe("who");
    expect(questionKindOf("как зовут министра культуры")).toBe("who");
  });
});

describe("a date the question itself names", () => {
  it("is no answer: 'qai jyly' typed in Latin finds 'жыл сайын', which says no year", async () => {
    const SCHOOL = [
      "Қалада жаңа мектеп ашылды",
      "",
      "Қалада жаңа мектеп ашылды, ол жыл сайын жүз оқушыны қабылдайды.",
      "",
    ].join("\n");
    const engine = await engineOver({ "school.txt": SCHOOL, "clinic.txt": OTHER });
    const answer = await engine.answer("mektep qai jyly ashyldy");
    expect([answer.abstained, answer.reason, answer.missing]).toEqual([true, "not-stated", "date"]);
    const dated = await engineOver({
      "school.txt": SCHOOL.replace("мектеп ашылды, ол жыл сайын", "мектеп 2019 жылы ашылды, ол"),
      "clinic.txt": OTHER,
    });
    expect((await dated.answer("mektep qai jyly ashyldy")).abstained).toBe(false);
  });
});
