/**
 * Rule-based Kazakh stemmer: strips suffixes slot by slot from the end (person → case →
 * possessive → plural → derivation), each only where Kazakh phonology would have produced that
 * exact variant (vowel harmony, consonant assimilation), with minimum stem lengths.
 *
 * Measured on KazQAD dev (697 passages, 194 questions; MiniSearch, fields title+text, defaults
 * unless noted; R@1 / R@5 / MRR@10). Lexical retrieval plateaus near 0.75 MRR here: most of the
 * remaining misses share no content word with the gold passage (the dense leg's job).
 *   surface \w+, no stopwords ......... 0.521 0.737 0.609   (README plain BM25: 0.526 / 0.624)
 *   normalize + stopwords, surface ..... 0.562 0.753 0.647
 *   prefix4 / prefix5 / prefix6 ........ 0.639 0.840 0.721 / 0.598 0.845 0.702 / 0.639 0.809 0.713
 *   this stemmer, defaults ............. 0.665 0.845 0.747   (+ bm25 k1.2 b.75 d0: 0.680 0.856 0.755)
 *     without stopwords ................ 0.629 0.851 0.723
 *     minStem 3 / 4 (weak 4) ........... 0.670 0.845 0.750 / 0.665 0.851 0.743
 *     no derivation / any base ......... 0.660 0.856 0.742 / 0.660 0.840 0.743
 *     + verbal forms and voice ......... 0.644 0.845 0.733
 *     no harmony / no fixpoint ......... 0.665 0.845 0.747 / 0.665 0.845 0.743
 *     then cut to 6 / 7 letters ........ 0.634 0.840 0.725 / 0.649 0.851 0.737
 *     + 5-prefix as a second term ...... 0.686 0.845 0.754
 *     title boost 2 / 0.5 .............. 0.644 0.861 0.739 / 0.670 0.835 0.741
 *     prefix search / fuzzy 0.2 ........ 0.655 0.851 0.735 / 0.624 0.845 0.721
 * Differences under ~0.01 are one or two questions: defaults follow the linguistics (CVC roots
 * such as жыл-ы, ел-і are stemmed) rather than the last decimal.
 */

import { foldKazakh } from "./fold.js";
import {
  FOLDED_SUFFIXES,
  HARMONY_NEUTRAL,
  KAZAKH_SUFFIXES,
  type Suffix,
  type SuffixSlots,
} from "./kazakh-suffixes.js";

/** Tunables of the Kazakh stemmer; defaults chosen from the measurements above. */
export interface KazakhStemOptions {
  /** Shortest stem left by a clear consonant-initial suffix (-дың, -ға, -лар...). */
  minStem?: number;
  /** Shortest stem left by a one-letter or vowel-initial suffix (-ы, -н, -м, -у, -ып...). */
  minStemWeak?: number;
  /** Strip derivational suffixes -лық/-лік/-дық..., -шы/-ші, -лы/-лі. */
  derivational?: boolean;
  /**
   * Shortest base a derivational suffix may leave: short bases make lexicalized words of their
   * own (бір-лік "unity", дос-тық, ба-лық), long ones do not (орынбасар-лық, министр-лік).
   */
  minDerivedStem?: number;
  /**
   * Strip verb forms (present -ады, participles -ған/-атын, verbal noun -у, converb -ып) and then
   * the passive/reflexive -л/-ын. Off by default: it lost 0.5–1.5 MRR points on the dev set,
   * because question verbs ("аталады", "болған") then match every passage.
   */
  verbal?: boolean;
  /** Require a suffix's back/front vowel to agree with the stem's last vowel. */
  harmony?: boolean;
  /** Re-run the slots on the result until nothing changes (makes the stemmer idempotent). */
  fixpoint?: boolean;
  /** Strip the deverbal noun suffix -ыс/-іс (көтеріл-іс, қозғал-ыс). */
  deverbal?: boolean;
  /**
   * The word is Kazakh typed without Kazakh letters (ә→а, і→и, ң→н, ғ→г, қ→к…): strip the
   * suffixes as they are typed so ("тораганын" is "торага" + "нын", the folded "ның"). The stem
   * comes out folded too, to be matched against folded stems.
   */
  folded?: boolean;
}

const DEFAULTS: Required<KazakhStemOptions> = {
  minStem: 2,
  minStemWeak: 3,
  derivational: true,
  minDerivedStem: 5,
  verbal: false,
  harmony: true,
  fixpoint: true,
  deverbal: true,
  folded: false,
};

const VOWELS = "аәеёиоөұүыіэюя";
const BACK = "аоұыяё";
const FRONT = "әеөүіэ";
const isVowel = (ch: string | undefined): boolean => ch !== undefined && VOWELS.includes(ch);

/** Back (1) / front (-1) / neutral (0) class of a suffix, from its vowels. */
function suffixHarmony(suffix: string): number {
  if ([...suffix].some((ch) => BACK.includes(ch))) return 1;
  if ([...suffix].some((ch) => FRONT.includes(ch))) return -1;
  return 0;
}

/**
 * Vowel harmony: a back suffix follows a back last vowel, a front suffix a front one. "и" and
 * "у" are neutral (паразит-ті, министр-лігі), and a stem with any vowel of the suffix's class
 * passes too, for names whose last syllable is borrowed (Әуезов-тің).
 */
function harmonyOk(stem: string, suffix: string): boolean {
  const h = suffixHarmony(suffix);
  if (h === 0) return true;
  const own = h === 1 ? BACK : FRONT;
  const last = [...stem].reverse().find(isVowel);
  if (last === undefined || last === "и" || last === "у" || own.includes(last)) return true;
  // A loanword ending in к/г takes front endings whatever its vowels: банк-ті, парк-ке, блог-тың.
  if (h === -1 && /[кг]$/.test(stem)) return true;
  return [...stem].some((ch) => own.includes(ch));
}

/**
 * Stem-final voiced consonants are the voiceless ones before a vowel-initial suffix
 * (кітап → кітабы, орынбасарлық → орынбасарлығы): map them back so both forms meet.
 */
const DEVOICE: Readonly<Record<string, string>> = { б: "п", ғ: "қ", г: "к" };
function devoice(stem: string): string {
  const last = stem.at(-1) ?? "";
  const to = DEVOICE[last];
  // Only a consonant after a vowel alternates (жүрек → жүрегі); after a consonant it is the word's own.
  return to && isVowel(stem.at(-2)) ? stem.slice(0, -1) + to : stem;
}

/**
 * Stems whose last vowel drops before a vowel-initial suffix (халық → халқы, орын → орны);
 * a closed class in Kazakh, so a small table repairs it.
 */
const ELIDED: Readonly<Record<string, string>> = Object.fromEntries(
  "халық орын ауыз ерін мұрын қарын мойын қойын дауыс көрік"
    .split(" ")
    .map((w) => [w.slice(0, -2) + w.slice(-1), w]),
);
/** The same stems typed without Kazakh letters ("халк" → "халык"). */
const FOLDED_ELIDED: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ELIDED).map(([elided, whole]) => [foldKazakh(elided), foldKazakh(whole)]),
);

/**
 * Shortest stem a suffix may leave. Suffixes that are easy to mistake for the end of a root
 * need more left: vowel-initial ones and the -н/-на/-нда family (which also take the -ы/-і before
 * them) need `minStemWeak`; a lone consonant needs 4 letters, and the possessive -м/-ң, which
 * ends so many roots (адам, атом, терең), needs 5 (тапсырма-м).
 */
function minStemFor(suffix: string, o: Required<KazakhStemOptions>): number {
  if (suffix === "м" || suffix === "ң") return Math.max(5, o.minStemWeak);
  if (suffix.length === 1 && !isVowel(suffix)) return Math.max(4, o.minStemWeak);
  if (isVowel(suffix[0]) || suffix[0] === "н") return o.minStemWeak;
  return o.minStem;
}

/**
 * A Kazakh root has at least the shape (C)VC or Cу (ел, ат, үй, су): a two-letter stem must be
 * vowel + consonant or end in "у", so "до-сы", "қы-на" are not cut to "до", "қы".
 */
function validStem(stem: string, min: number): boolean {
  if (![...stem].some(isVowel)) return false;
  if (stem.length === 2 && min <= 3) return (isVowel(stem[0]) && !isVowel(stem[1])) || stem[1] === "у";
  return stem.length >= min;
}

/** Removes at most one suffix of a slot (longest first) if the rest stays a valid stem. */
function stripSlot(word: string, slot: readonly Suffix[], o: Required<KazakhStemOptions>, min = 0): string {
  let best: string | undefined;
  for (const suffix of slot) {
    if (!word.endsWith(suffix.text)) continue;
    if (best !== undefined && best.length >= suffix.text.length) continue;
    const stem = word.slice(0, -suffix.text.length);
    if (!validStem(stem, Math.max(min, minStemFor(suffix.text, o)))) continue;
    const after = suffix.after;
    if (typeof after === "string" ? !after.includes(stem.at(-1) ?? "") : !after.test(stem)) continue;
    if (o.harmony && !HARMONY_NEUTRAL.has(suffix.text) && !harmonyOk(stem, suffix.text)) continue;
    best = suffix.text;
  }
  return best === undefined ? word : word.slice(0, -best.length);
}

function stemOnce(word: string, o: Required<KazakhStemOptions>): string {
  const slots: SuffixSlots = o.folded ? FOLDED_SUFFIXES : KAZAKH_SUFFIXES;
  let w = stripSlot(word, slots.predicate, o);
  let verb = false;
  if (o.verbal) {
    const finite = stripSlot(w, slots.finite, o);
    verb = finite !== w;
    w = finite;
  }
  w = stripSlot(w, slots.case, o);
  w = stripSlot(w, slots.possessive, o);
  w = stripSlot(w, slots.plural, o);
  w = devoice(w);
  w = (o.folded ? FOLDED_ELIDED : ELIDED)[w] ?? w;
  if (o.verbal) {
    // Verbal noun -у after a stem in -й is spelled "ю": көбей-у → көбею.
    const v = w.endsWith("ю") && w.length >= 5 ? `${w.slice(0, -1)}й` : stripSlot(w, slots.verbal, o);
    verb ||= v !== w;
    w = v;
  }
  if (o.derivational) w = stripSlot(w, slots.derivational, o, o.minDerivedStem);
  if (o.deverbal) {
    const d = stripSlot(w, slots.deverbal, o, Math.min(4, o.minDerivedStem));
    verb ||= d !== w;
    w = d;
  }
  if (verb && o.verbal) w = stripSlot(w, slots.voice, o);
  return devoice(w);
}

/**
 * Stems one normalized (lower-case) Kazakh word by stripping inflection from the end, slot by
 * slot as Kazakh stacks it (root + derivation + plural + possessive + case + person), so that
 * "тапсырмасында", "тапсырмалар", "тапсырмам" all become "тапсырма". Never returns an empty
 * string: words that are too short or not Cyrillic come back unchanged.
 */
export function stemKazakh(word: string, options?: KazakhStemOptions): string {
  const o = options ? { ...DEFAULTS, ...options } : DEFAULTS;
  let w = word;
  for (let i = 0; i < (o.fixpoint ? 4 : 1); i++) {
    const next = stemOnce(w, o);
    if (next === w) break;
    w = next;
  }
  return w || word;
}
