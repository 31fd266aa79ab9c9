import type { Language } from "./language.js";

/** Finite and participle endings of Kazakh verbs: жаса-ды, өт-еді, ашыл-ған, атал-атын. */
const KAZAKH_VERB = /(?:ады|еді|йды|йді|ды|ді|ты|ті|ған|ген|қан|кен|атын|етін|йтын|йтін|ады|ыпты|іпті)$/u;
/**
 * Russian infinitive, present and past endings: исполня-ется, дела-ет, проход-ила, выступ-ал.
 * Bare -ет, -ит, -ат, -ут are left out: as many nouns end so (бюджет, кредит, результат).
 */
const RUSSIAN_VERB =
  /(?:ть|ться|ется|ится|ются|ятся|ает|яет|еет|ует|ают|яют|еют|уют|ал|ял|ил|ел|ала|яла|ила|ела|ыла|ало|яло|ило|ело|ыло|али|яли|или|ели|ыли|лся|лась|лось|лись)$/u;
/** English verb forms and the common verbs questions are built around. */
const ENGLISH_VERB =
  /^(?:\p{L}+ed|\p{L}+ing|do|does|did|make|makes|made|get|gets|got|give|gives|gave|take|takes|took|lead|leads|led|happen|happens|call|calls|say|says|see|sees|saw|mean|means|meant|become|becomes|became|go|goes|went|come|comes|came|hold|holds|speak|speaks|spoke|talk|talks|want|wants|need|needs|work|works|run|runs|help|helps)$/u;

/**
 * Whether a question word looks like a verb form. Verbs say how a question asks ("аталды",
 * "исполняется", "leads") more than what it is about, and a paraphrase changes them first, so
 * they weigh less as evidence (see {@link TermAnalyzer}'s `queryWeights`). Endings only, no
 * dictionary: a noun in the accusative ("жылды") passes for a verb now and then, which costs it
 * only some weight. Words under five letters are never taken for verbs.
 */
export function looksLikeVerb(word: string, language: Language | null | undefined): boolean {
  if ([...word].length < 5) return false;
  if (/^\p{Script=Latin}+$/u.test(word)) return ENGLISH_VERB.test(word);
  if (language === "ru") return RUSSIAN_VERB.test(word);
  return KAZAKH_VERB.test(word);
}
