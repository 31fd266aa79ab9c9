import { type Clause, clausesOf } from "./lead-clauses.js";
import { type NamedPerson, peopleIn } from "./names.js";
import type { AnswerPassage } from "./types.js";

type Range = readonly [number, number];

/** "Name — role" lines of one passage, with how well they match the question. */
export interface PeopleLead {
  /** The people chosen, as "name — role" texts with the name's range to emphasise. */
  readonly lines: readonly { readonly text: string; readonly name: Range }[];
  /** Matched words inside the best-matching person's name and role. */
  readonly inPerson: number;
  /**
   * Matched words on the lines of the clause that name the people: words a line break carried
   * over ("… т.б / сөз сөйлеп") choose whom to list but do not make the list a better answer
   * than another passage's person named beside the question's own words.
   */
  readonly inSentence: number;
  /** Matched words the clause carries on past a line break after the people. */
  readonly carried: number;
}

/**
 * Whether `later`, from a passage ranked below `earlier`'s, is the better answer: a better match
 * inside a person's name and role in a clause that matches at least as much ("the Assembly's
 * chairman" is Назарбаев, not a chairman of «Lituanica»; but "who were appointed deputy chairs"
 * are the two the appointment names), or as good a match with more matched words on its people's
 * own lines than the earlier clause has in all. Otherwise the retriever's order stands.
 */
export function outranks(later: PeopleLead, earlier: PeopleLead): boolean {
  const all = (lead: PeopleLead) => lead.inSentence + lead.carried;
  return (
    (later.inPerson > earlier.inPerson && all(later) >= all(earlier)) ||
    (later.inPerson === earlier.inPerson && later.inSentence > all(earlier))
  );
}

const inside = (range: Range, from: number, to: number) => range[0] >= from && range[1] <= to;
const overlaps = (a: Range, b: Range) => a[0] < b[1] && b[0] < a[1];
/** Two forms of one word are one word ("Төрағасының", "төрағасы"): their first five letters, lower case. */
const stemOf = (text: string, [s, e]: Range) => [...text.slice(s, e).toLowerCase()].slice(0, 5).join("");

/**
 * "Name — role" lines for the people of the clause that best matches the question. When the
 * question matched that clause only inside some people's names or roles ("who spoke from
 * Shymkent?"), or matched there words found nowhere else in the clause, or two words of one
 * person's ("the education minister who spoke"), just those people; when it matched the clause
 * around them with the same words ("who were appointed deputy chairs?" — "Төрағасының …
 * орынбасарлары … төрағасы Тварионас"), everyone the clause names. People the question sets
 * apart (`excluded`: "besides the President") are left out: by a word of their name, or by a
 * capitalised title in their role ("Президенті" is the President, "тұңғыш президенті" is not).
 */
export function peopleLead(passage: AnswerPassage, excluded: readonly Range[]): PeopleLead | null {
  const everyone = peopleIn(passage.text).filter((p) => !isExcluded(passage.text, p, excluded));
  let best: { people: NamedPerson[]; hits: Range[]; clause: Clause } | null = null;
  for (const clause of clausesOf(passage.text)) {
    const people = everyone.filter((p) => inside(p.name, clause.start, clause.end));
    const hits = passage.highlights.filter((h) => inside(h, clause.start, clause.end));
    if (people.length > 0 && hits.length > 0 && (best === null || hits.length > best.hits.length))
      best = { people, hits, clause };
  }
  if (best === null) return null;
  const spanOf = (p: NamedPerson): Range => [p.role?.[0] ?? p.name[0], p.name[1]];
  const hitsOf = (p: NamedPerson) => best.hits.filter((h) => inside(h, ...spanOf(p)));
  const most = Math.max(0, ...best.people.map((p) => hitsOf(p).length));
  const tied = best.people.filter((p) => most > 0 && hitsOf(p).length === most);
  // Of people tied on a shared word ("жетекшісі" of two), the one with a word of their own ("банк").
  const stemsOf = (p: NamedPerson) => new Set(hitsOf(p).map((h) => stemOf(passage.text, h)));
  const own = tied.filter((p) =>
    [...stemsOf(p)].some((stem) => tied.every((other) => other === p || !stemsOf(other).has(stem))),
  );
  const touched = own.length > 0 ? own : tied;
  const around = best.hits.filter((h) => !best.people.some((p) => inside(h, ...spanOf(p))));
  const aroundStems = new Set(around.map((h) => stemOf(passage.text, h)));
  const distinct = touched.some((p) => hitsOf(p).some((h) => !aroundStems.has(stemOf(passage.text, h))));
  const chosen = touched.length > 0 && (around.length === 0 || most >= 2 || distinct) ? touched : best.people;
  const lines = chosen.map((person) => {
    const name = passage.text.slice(...person.name);
    const role = person.role ? passage.text.slice(...person.role).replace(/\s+/g, " ") : "";
    return { text: role ? `${name} — ${role}` : name, name: [0, name.length] as const };
  });
  const lastName = Math.max(...best.people.map((p) => p.name[1]));
  const lineEnd = passage.text.indexOf("\n", lastName);
  const onPeopleLines = best.hits.filter((h) => h[1] <= (lineEnd < 0 ? best.clause.end : lineEnd));
  return {
    lines,
    inPerson: most,
    inSentence: onPeopleLines.length,
    carried: best.hits.length - onPeopleLines.length,
  };
}

function isExcluded(text: string, person: NamedPerson, excluded: readonly Range[]): boolean {
  return excluded.some(
    (range) =>
      overlaps(range, person.name) ||
      (person.role !== null && inside(range, ...person.role) && /^\p{Lu}/u.test(text.slice(...range))),
  );
}
