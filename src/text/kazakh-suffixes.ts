import { foldKazakh } from "./fold.js";

/**
 * The Kazakh stemmer's suffixes, slot by slot (see kazakh-stemmer.ts), each with the letters the
 * stem may end with before it. Kept apart from the stripping so the rules read as a table, and so
 * the same table can be folded for Kazakh typed without Kazakh letters.
 */
/*
 * Sound classes of a stem's last letter. The first consonant of a Kazakh suffix assimilates to
 * it (жыл-дың, қала-ның, кітап-тың; қала-лар, жыл-дар, кітап-тар), so a suffix is only stripped
 * where its own variant is the one the grammar would have chosen. This one check removes most
 * false cuts of roots that merely end like a suffix ("мемлекеті" is мемлекет-і, not мемлеке-ті).
 */
const V = "аәеёиоөұүыіэюя";
/** Sonorants р, й, у (and и = ій) take -лар, -дың, -ды, -ға, -да, -дан, -мен. */
const R = "рйуи";
const L = "ль";
/** Nasals take -дар, -ның, -ды, -ға, -да, -нан, -мен. */
const N = "мнң";
const Z = "жз";
/** Voiceless consonants (and б в г д, devoiced at a word's end) take -тар, -тың, -ты, -қа... */
const VL = "кқпстфхцчшщбвгдғ";

/** A suffix of one slot with the letters the stem may end with after removing it. */
export interface Suffix {
  text: string;
  /** Letters the stem may end with, or a pattern the stem must match. */
  after: string | RegExp;
}

/** Builds suffixes from a space-separated list that share one "after" condition. */
function list(texts: string, after: string | RegExp): Suffix[] {
  return texts.split(" ").map((text) => ({ text, after }));
}

/** Suffixes whose form does not follow vowel harmony. */
export const HARMONY_NEUTRAL = new Set(["мен", "бен", "пен", "менен", "бенен", "пенен"]);

/** Personal/predicative endings and the adjectivizer -ғы (қазір-гі, жыл-ғы, ел-де-гі). */
const PREDICATE: Suffix[] = [
  ...list("мын мін мыз міз сың сің", V + R + L + N),
  ...list("бын бін быз біз", Z),
  ...list("пын пін пыз піз", VL),
  ...list("сыз сіз", V + R + L + N + Z + VL),
  /*
   * -ғы/-гі is cut only after the locative (Қазақстан-да-ғы, ел-де-гі): after other stems it is
   * as often the end of a root (белгі, ертегі, физигі) as the adjectivizer (жылғы, қазіргі).
   */
  ...list("ғы гі", /(?:[аәеёиоөұүыіэюярйулмнңжзь]д|[кқпстфхцчшщбвгдғ]т|[ыі]нд)[аеә]$/),
  ...list("дай дей", V + R + L + N + Z),
  ...list("тай тей", VL),
];
/** Finite verb endings: present -ады/-йды, past -ды after a vowel (ойна-ды). */
const FINITE: Suffix[] = [...list("ады еді", R + L + N + Z + VL), ...list("йды йді ды ді", V)];

/** Case endings (genitive, ablative, locative, dative, accusative, instrumental). */
const CASE: Suffix[] = [
  ...list("ның нің", V + N),
  ...list("дың дің", R + L + Z),
  ...list("тың тің ты ті", VL),
  ...list("ны ні", V),
  ...list("ды ді", R + L + N + Z),
  ...list("ға ге да де", V + R + L + N + Z),
  ...list("дан ден", V + R + L + Z),
  ...list("қа ке та те тан тен", VL),
  ...list("нан нен", `${N}ыі`),
  ...list("мен менен", V + R + L + N),
  ...list("бен бенен", Z),
  ...list("пен пенен", VL),
  /*
   * -н, -на, -нда follow the 3rd person possessive (тапсырма-сы-нда); -а, -е the 1st/2nd, cut
   * only after -ым/-ің (жол-ым-а): after a vowel + м it is usually the noun suffix -ма (бастама).
   */
  ...list("нда нде на не н", "ыі"),
  ...list("а е", /[^аәеоөұүыіэюя][ыі][мң]$/),
];

/** Possessive endings (1st/2nd/3rd person, singular/plural, polite). */
const NOT_HIGH_VOWEL = "аәеёоөұүэюя";
export const CONSONANT = R.replace("и", "") + L + N + Z + VL;
/**
 * A one-letter possessive -ы/-і follows a consonant, but not г/ғ after another consonant: there
 * the vowel belongs to the word or to the adjective suffix -ғы/-гі (белгі, негізгі, ежелгі), and
 * cutting it would split one word into two stems (белг-і vs белгі-сі).
 */
const SHORT_POSSESSIVE_BASE = new RegExp(`[${CONSONANT}]$`);
const CLUSTER_BEFORE_I = /[^аәеёиоөұүыіэюяу][гғ]$/;
const POSSESSIVE: Suffix[] = [
  ...list("ымыз іміз ыңыз іңіз ым ім ың ің", CONSONANT),
  ...list("ы і", {
    test: (stem: string) => SHORT_POSSESSIVE_BASE.test(stem) && !CLUSTER_BEFORE_I.test(stem),
  } as RegExp),
  ...list("мыз міз ңыз ңіз м ң сы сі", NOT_HIGH_VOWEL),
];

const PLURAL: Suffix[] = [...list("лар лер", V + R), ...list("дар дер", L + N + Z), ...list("тар тер", VL)];

/** Non-finite verb forms: participles, agent noun, intention, verbal noun, converb. */
const VERBAL: Suffix[] = [
  ...list("ған ген", V + R + L + N + Z),
  ...list("қан кен", VL),
  ...list("атын етін мақ мек ып іп", CONSONANT),
  ...list("ушы уші у", CONSONANT + V),
  ...list("йтын йтін п", V),
];

/** Passive / reflexive voice (атал-ған = ата-л-ған, бөлін-еді = бөл-ін-еді), cut only from verbs. */
const VOICE: Suffix[] = [...list("ыл іл ын ін", CONSONANT), ...list("л н", V)];

/** Derivational suffixes: abstract nouns -лық, agent nouns -шы, adjectives -лы / -сыз. */
const DERIVATIONAL: Suffix[] = [
  ...list("лық лік лы лі", V + R),
  ...list("дық дік ды ді", L + N + Z),
  ...list("тық тік ты ті", VL),
  ...list("шы ші", CONSONANT + V),
];

/** Deverbal nouns in -ыс/-іс (көтеріл-іс, қозғал-ыс); -ас/-ес are left: кеңес, Тварионас. */
const DEVERBAL: Suffix[] = list("ыс іс", CONSONANT);

/** The suffix slots the stemmer strips, in the order it strips them. */
export interface SuffixSlots {
  readonly predicate: readonly Suffix[];
  readonly finite: readonly Suffix[];
  readonly case: readonly Suffix[];
  readonly possessive: readonly Suffix[];
  readonly plural: readonly Suffix[];
  readonly verbal: readonly Suffix[];
  readonly voice: readonly Suffix[];
  readonly derivational: readonly Suffix[];
  readonly deverbal: readonly Suffix[];
}

/** The suffixes as Kazakh writes them. */
export const KAZAKH_SUFFIXES: SuffixSlots = {
  predicate: PREDICATE,
  finite: FINITE,
  case: CASE,
  possessive: POSSESSIVE,
  plural: PLURAL,
  verbal: VERBAL,
  voice: VOICE,
  derivational: DERIVATIONAL,
  deverbal: DEVERBAL,
};

/** One suffix as it is typed without Kazakh letters: its text and its stem letters folded. */
function foldSuffix(suffix: Suffix): Suffix {
  const after = suffix.after;
  return {
    text: foldKazakh(suffix.text),
    after:
      typeof after === "string"
        ? foldKazakh(after)
        : after instanceof RegExp
          ? new RegExp(foldKazakh(after.source), after.flags)
          : after,
  };
}

/**
 * The suffixes as typed on a keyboard without Kazakh letters (ә→а, і→и, ң→н, ғ→г, қ→к…): "ның"
 * is typed "нын", so "тораганын" is "торага" + "нын" as "төрағаның" is "төраға" + "ның". The
 * folded stem meets the folded spelling of the corpus's stem.
 */
export const FOLDED_SUFFIXES: SuffixSlots = Object.fromEntries(
  Object.entries(KAZAKH_SUFFIXES).map(([slot, suffixes]) => [
    slot,
    (suffixes as readonly Suffix[]).map(foldSuffix),
  ]),
) as unknown as SuffixSlots;
