/**
 * Stop words: question words and function words of Kazakh, Russian and English.
 *
 * Questions are full of words that say nothing about WHICH passage answers them ("не туралы?",
 * "что такое", "how many"); left in, they match every passage and blur BM25 ranking. Only
 * closed-class words are listed (pronouns, particles, conjunctions, postpositions, copulas,
 * question words), in their surface forms, because they are checked before stemming. Content
 * words are never listed, even frequent ones ("жыл", "бар", "жоқ"): BM25's IDF handles those.
 * "мен" is both "and/with" and "I": a stop word either way.
 */

import { foldKazakh } from "./fold.js";
import { latinToCyrillicVariants } from "./transliterate.js";

/** Kazakh question words, particles, conjunctions, pronouns, postpositions and copulas. */
export const KAZAKH_STOPWORDS: ReadonlySet<string> = new Set(
  // question words and question particles
  (
    "не неге неден нені ненің немен немене нелер нелерді нешінші неше нешеу нешеуі нешесі неліктен " +
    "қандай қандайы қай қайда қайдан қайдағы қашаннан қаншасы қаншаға қаншадан кімдерге кімдердің " +
    "қайсы қайсысы қашан қанша қаншалықты кім кімнің кімге кімді кімнен кіммен кімдер кімдерді " +
    "қалай қалайша ма ме ба бе па пе ше шы " +
    // conjunctions and particles
    "және мен бен пен да де та те ғой ғана тек әрі немесе я яки бірақ алайда сондықтан " +
    "өйткені себебі егер онда әлде тағы енді ал " +
    // pronouns and demonstratives
    "бұл осы сол ол олар оның олардың оны оларды оған оларға одан онда мұның бұның бұған " +
    "мұны бұны осының осыған осыны осында сонда соның соған соны менің маған мені біз біздің " +
    "бізге бізді сен сенің сіз сіздің өз өзі өзінің өзіне өзін бәрі барлық әр әрбір ең " +
    // postpositions and relational words
    "туралы жайлы жөнінде үшін арқылы бойынша сияқты секілді дейін кейін бері сайын қарай " +
    "бірге кезде кезінде арасында ішінде " +
    // request verbs: they ask for a list, never name its subject
    "тізіп тізімдеп " +
    // copulas, auxiliaries and quotative verbs
    "деп деді деген дегеніміз дегеніңіз дейді дегенде болып табылады табылатын екен еді емес " +
    "болды болған болады"
  ).split(" "),
);

/** Russian question words, prepositions, conjunctions, particles, pronouns and copulas. */
export const RUSSIAN_STOPWORDS: ReadonlySet<string> = new Set(
  (
    "что чего чему чем чём какой какая какое какие какого каким какую каких кто кого кому " +
    "кем ком когда где куда откуда сколько скольких скольким почему зачем как каков какова ли разве там тут " +
    "о об обо в во на с со к ко по из от до за для при про у над под без через между " +
    "и а но или либо да же бы то не ни это этот эта эту эти этого этой этом этих тот та ту те " +
    "он она оно они его ее её их ему ей им ним ней них я мы вы ты мне нас вас меня себя " +
    "был была было были быть есть является являются который которая которое которые " +
    "такой такая такое также тоже расскажи расскажите скажи скажите пожалуйста " +
    "перечисли перечислите перечислить " +
    // modal and auxiliary words: they frame the question, never name its subject
    "должен должна должно должны нужно надо можно может могут будет будут вместе еще уже очень"
  ).split(" "),
);

/** English question words, articles, prepositions, auxiliaries, pronouns and request verbs. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  (
    "what which who whom whose when where why how many much the a an of about is are was " +
    "were be been being do does did done tell me please in on at to for from by with and " +
    "or not no it its this that these those there their they them he she his her him i you " +
    "we us our your as into can could would should will shall has have had any some give " +
    "list describe explain say said must may might"
  ).split(" "),
);

/**
 * True for a normalized word that is a stop word in any of the three languages. The three
 * lists barely collide (a Cyrillic "а" is Russian, a Latin "a" English), so no language needed.
 * Kazakh stop words typed without Kazakh letters count too ("кандай", "ким", "ушин"), from three
 * letters up: shorter folded forms are Kazakh content words ("ар" is "honour", not "әр").
 */
export function isStopword(word: string): boolean {
  return (
    KAZAKH_STOPWORDS.has(word) ||
    RUSSIAN_STOPWORDS.has(word) ||
    ENGLISH_STOPWORDS.has(word) ||
    FOLDED_KAZAKH_STOPWORDS.has(word)
  );
}

/** Kazakh stop words as a Russian keyboard types them (see {@link isStopword}). */
const FOLDED_KAZAKH_STOPWORDS: ReadonlySet<string> = new Set(
  [...KAZAKH_STOPWORDS]
    .map(foldKazakh)
    .filter((folded) => [...folded].length >= 3 && !KAZAKH_STOPWORDS.has(folded)),
);

/** Every Kazakh stop word folded, short ones included: to recognise Kazakh typed in Latin letters. */
export const FOLDED_KAZAKH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  [...KAZAKH_STOPWORDS].map(foldKazakh),
);

/**
 * True for a Latin word that is a Kazakh or Russian stop word typed in Latin letters ("turaly",
 * "kandai", "kto", "kogda"), judged in the question's language: only Kazakh or Russian questions
 * are read this way, so an English "men" or "on" keeps its meaning.
 */
export function isLatinTypedStopword(word: string, language: "kk" | "ru"): boolean {
  const readings = latinToCyrillicVariants(word).map((c) => c.replace(/ё/g, "е"));
  return language === "kk"
    ? readings.some((c) => FOLDED_KAZAKH_FUNCTION_WORDS.has(foldKazakh(c)))
    : readings.some((c) => RUSSIAN_STOPWORDS.has(c));
}

/**
 * Words that are content words elsewhere but, right after a question word, only make up the
 * question ("қай жерде" — where, "саны қанша" — how many, "по счёту" — ordinal which). Keyed by
 * the word before them. Left in, "жер" (land) or "сан" (number) would weigh as words the corpus
 * must contain, and a covered question would look uncovered.
 */
const QUESTION_PHRASE_TAILS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["қай", new Set(["жерде", "жерден", "жерге", "кезде", "уақытта", "күні", "жылы"])],
  ["кай", new Set(["жерде", "жерден", "жерге", "кезде", "уакытта", "куни", "жылы"])],
  ["по", new Set(["счету", "счёту"])],
  // "неше жаста" (how old), "сколько лет", "how old": the age asked about, not a word to find.
  ["неше", new Set(["жаста", "жасқа", "жасында", "жаска", "жыл", "жылға", "жылга"])],
  ["қанша", new Set(["жаста", "жасқа", "жасында", "жыл", "жылға"])],
  ["канша", new Set(["жаста", "жаска", "жасында", "жыл", "жылга"])],
  ["сколько", new Set(["лет"])],
  ["how", new Set(["old"])],
  ["каком", new Set(["году", "месяце", "городе", "месте"])],
  ["какого", new Set(["числа", "года"])],
  ["what", new Set(["number", "place", "year", "date"])],
  ["which", new Set(["place", "year", "date"])],
]);
/** Words before a question word that make up the question with it ("саны қанша" — how many). */
const QUESTION_PHRASE_HEADS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["саны", new Set(["қанша", "нешеу", "неше"])],
  ["мөлшері", new Set(["қанша"])],
]);

/**
 * Drops the content-looking words of question phrases from a normalized word sequence (see
 * {@link QUESTION_PHRASE_TAILS}); every other word is kept, in order.
 */
export function withoutQuestionPhrases(words: readonly string[]): string[] {
  return words.filter((word, i) => {
    const before = words[i - 1];
    const after = words[i + 1];
    if (before !== undefined && QUESTION_PHRASE_TAILS.get(before)?.has(word)) return false;
    if (after !== undefined && QUESTION_PHRASE_HEADS.get(word)?.has(after)) return false;
    return true;
  });
}
