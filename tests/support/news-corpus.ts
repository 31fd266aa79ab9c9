import { answerNeedOf, questionKindOf } from "../../src/answer/index.js";
import { engineOver } from "./corpus-engine.js";

/** A made-up news item: it gives a count and names people, but no date, age, sum or mayor. */
export const NEWS = [
  "Қарағандыда жаңа мектеп ашылды",
  "",
  "Қарағанды қаласында үш жүз оқушыға арналған жаңа мектеп ашылды. Салтанатты жиында мектептің директоры Айгүл Серікова сөз сөйледі.",
  "Жиынға облыс әкімдері мен ата-аналар қатысты. Мектеп ғимаратында заманауи зертханалар бар.",
  "Марат Әбенов",
  "",
].join("\n");

/** A second item, so that word weights mean something. */
export const OTHER = [
  "Павлодарда емхана жөнделді",
  "",
  "Павлодар облысындағы аудандық емхананың ғимараты күрделі жөндеуден өтті. Емханада жаңа құрылғылар орнатылды.",
  "Дәрігерлер науқастарды қабылдауды жалғастырады. Жөндеу жұмыстары жазда басталып, үш ай бойы жүрді.",
  "",
].join("\n");

/** The kind of what a question's answer must hold, as the engine reads it (`null`: any matching passage will do). */
export const needKindOf = (q: string) => answerNeedOf(q, questionKindOf(q))?.need ?? null;

/** An engine over the two made-up news items: what the "is it stated?" tests ask. */
export function newsEngine() {
  return engineOver({ "school.txt": NEWS, "clinic.txt": OTHER });
}
