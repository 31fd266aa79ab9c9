import { describe, expect, it } from "vitest";
import {
  findOrdinalReference,
  headingOrdinalOf,
  isEnumerationAdverb,
  ordinalOf,
} from "../src/passages/index.js";

describe("findOrdinalReference", () => {
  const cases: [string, number | null][] = [
    ["Төртінші тапсырмада не айтылған?", 4],
    ["Елбасының төртінші тапсырмасы қандай?", 4],
    ["4-ші тапсырма не туралы?", 4],
    ["Он екінші тапсырма қандай?", 12],
    ["on ekinshi tapsyrma", 12],
    ["What is on the second directive?", 2],
    ["Бесінші тапсырма не туралы?", 5],
    ["Алтыншы тапсырмада Астана туралы не делінген?", 6],
    ["Тапсырма нөмірі 3 қандай?", 3],
    ["А сегізіншісі ше?", 8],
    ["О чём четвёртое поручение?", 4],
    ["Что сказано в четвертом поручении?", 4],
    ["Что в пятом поручении?", 5],
    ["Расскажи про поручение №6", 6],
    ["Какая третья задача?", 3],
    ["В 7-м поручении что?", 7],
    ["поручение номер два", 2],
    ["А шестое?", 6],
    // Colloquial fillers beside a bare ordinal.
    ["а шестое чё там", 6],
    ["whats in the 3rd one", 3],
    ["and the last one, the eigth?", 8],
    ["бесиншиси туралы не жазылган", 5],
    // A possessive ordinal names a section understood; "number N" alone opens a question.
    ["бесіншісінде кімдерге не жүктеді", 5],
    ["number eight, what did they put out last yr", 8],
    ["а номер семь?", 7],
    ["whats the 1st tsk about", 1],
    ["Tell me about directive number four", 4],
    ["number two directive in short", 2],
    ["номер 5 поручение", 5],
    ["What is the 7th directive?", 7],
    ["What does the second instruction say?", 2],
    ["directive 8", 8],
    ["Show me the fourth directive", 4],
    // Kazakh without Kazakh letters, and Kazakh or Russian typed in Latin letters.
    ["сегизинши тапсырмада не бар", 8],
    ["тортиншиси кандай", 4],
    ["ekinshi tapsyrma turaly", 2],
    ["tretie poruchenie", 3],
    ["vosmoe poruchenie", 8],
    ["sedmoe poruchenie chto tam", 7],
    // Bare digits and short forms, with a typing slip in the noun.
    ["3 тапсырма?", 3],
    ["3-тапсырма қысқаша", 3],
    ["7-пункт что там", 7],
    ["8 поручение что там", 8],
    ["тапсрыма 5", 5],
    ["instrction seven", 7],
    ["the second one pls", 2],
    ["no. 4?", 4],
    ["#3", 3],
    // Not references to a numbered section:
    ["Ассамблея бірінші рет қашан өтті?", null],
    ["Первый раз сессия прошла когда?", null],
    ["When was the first time the Assembly met?", null],
    ["Біріншіден не айтылды?", null],
    ["Who spoke first at the session?", null],
    ["Кім сөз сөйледі?", null],
    ["Сколько стоит доллар?", null],
    ["is this session number 26?", null],
    ["кім бірінші сөйледі", null],
  ];
  it.each(cases)("%s → %s", (question, expected) => {
    expect(findOrdinalReference(question)?.ordinal ?? null).toBe(expected);
  });
});

describe("ordinal words and headings", () => {
  it("reads ordinals in three languages and their inflections", () => {
    expect(ordinalOf("төртінші")).toBe(4);
    expect(ordinalOf("төртіншісі")).toBe(4);
    expect(ordinalOf("алтыншыда")).toBe(6);
    expect(ordinalOf("четвёртое")).toBe(4);
    expect(ordinalOf("третьей")).toBe(3);
    expect(ordinalOf("eighth")).toBe(8);
    expect(ordinalOf("4-ші")).toBe(4);
    expect(ordinalOf("4th")).toBe(4);
    // A digit with its Kazakh or Russian ending typed in Latin letters.
    expect(ordinalOf("7-shi")).toBe(7);
    expect(ordinalOf("4inshi")).toBe(4);
    expect(ordinalOf("5-oe")).toBe(5);
    expect(ordinalOf("7-den")).toBeNull();
    expect(ordinalOf("біріншіден")).toBeNull();
    expect(ordinalOf("пятница")).toBeNull();
  });

  it("forgives one slip in a long English ordinal, not in a short one or another number word", () => {
    expect(ordinalOf("eigth")).toBe(8);
    expect(ordinalOf("fouth")).toBe(4);
    expect(ordinalOf("sevnth")).toBe(7);
    for (const word of ["eighty", "seventy", "seconds", "forth", "sixty", "fifty", "fith"])
      expect(ordinalOf(word), word).toBeNull();
  });

  it("takes only a line that is nothing but an ordinal for a heading", () => {
    expect(headingOrdinalOf("«Бірінші")).toEqual({ ordinal: 1, label: "Бірінші" });
    expect(headingOrdinalOf("Сегізінші")).toEqual({ ordinal: 8, label: "Сегізінші" });
    expect(headingOrdinalOf("Second:")).toEqual({ ordinal: 2, label: "Second" });
    expect(headingOrdinalOf("Бірінші кезекте жастар")).toBeNull();
    expect(headingOrdinalOf("«Біріншіден, жаңа ғасырдың")).toBeNull();
  });

  it("knows the speech-point adverbs are a different list", () => {
    expect(isEnumerationAdverb("«Біріншіден,")).toBe(true);
    expect(isEnumerationAdverb("Үшіншіден")).toBe(true);
    expect(isEnumerationAdverb("Үшінші")).toBe(false);
  });
});
