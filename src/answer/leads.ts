import { sentencesOf } from "../passages/index.js";
import { type NamedPerson, peopleIn } from "./names.js";
import type { QuestionKind } from "./question-kind.js";
import { DATE_WORD, FIGURE, PLACE } from "./text-patterns.js";
import type { AnswerPassage } from "./types.js";

/**
 * A line an answer leads with: a span of one quoted passage (extractive — nothing invented),
 * with the part to emphasise (a name, a figure) and the rank of the passage it came from, so the
 * presentation can link the line to its quote.
 */
export interface LeadLine {
  readonly text: string;
  /** Ranges of `text` to show in bold. */
  readonly emphasis: readonly (readonly [number, number])[];
  /** Rank of the passage the line comes from. */
  readonly rank: number;
}

/** Options of {@link leadsFor}. */
export interface LeadOptions {
  /**
   * The byline a passage holds when the question matched it as the author's ("who wrote the
   * article?"), else `null`. A signature line names its author without saying so, so the
   * people finder cannot read it as an answer on its own. Default: never.
   */
  askedByline?: (passage: AnswerPassage) => string | null;
}

/**
 * The lines an answer leads with, for questions that want a specific thing: the people (with
 * their roles) for "who", the sentence holding the figure for "how many", the date for "when",
 * the best sentence for "where". A figure, date or place comes from the best-ranked passage that
 * has one; people from the quoted passage whose people match the question best, because the
 * passage ranked first may name someone only in passing ("Lituanica" бірлестігінің төрағасы)
 * while the next one names the person asked about (Ассамблеясының Төрағасы Нұрсұлтан Назарбаев).
 */
export function leadsFor(
  kind: QuestionKind,
  passages: readonly AnswerPassage[],
  options: LeadOptions = {},
): LeadLine[] {
  if (kind === "other") return [];
  if (kind === "summary") return summaryLead(passages);
  if (kind !== "who") {
    for (const passage of passages) {
      const lines = sentenceLine(kind, passage);
      if (lines.length > 0) return lines;
    }
    return [];
  }
  let best: PeopleLead | null = null;
  for (const passage of passages) {
    const byline = options.askedByline?.(passage) ?? null;
    if (byline !== null) return [{ text: byline, emphasis: [[0, byline.length]], rank: passage.rank }];
    const lead = peopleLead(passage);
    if (lead !== null && (best === null || outranks(lead, best))) best = lead;
  }
  // "Who" is often a body ("Ақпарат және коммуникациялар министрлігі … дайындауы қажет",
  // "Үкімет … тиіс"): when the first passage has a sentence matching more of the question than
  // the people's sentence does (or nobody is named), that sentence is the answer.
  const [first] = passages;
  const sentence = first ? bestSentence(first, null) : null;
  if (first && sentence && (best === null || sentence.score > best.inSentence))
    return [{ text: sentence.text, emphasis: [], rank: first.rank }];
  return best?.lines ?? [];
}

/**
 * "What is it about?": the document's title and the first sentence after it, from the lead
 * passage the structure leg put first (a passage that starts with its document's title).
 */
function summaryLead(passages: readonly AnswerPassage[]): LeadLine[] {
  const lead = passages.find((p) => p.legs.structure === true && p.text.startsWith(p.docTitle));
  if (!lead) return [];
  const title: LeadLine = { text: lead.docTitle, emphasis: [[0, lead.docTitle.length]], rank: lead.rank };
  const next = sentencesOf(lead.text).find((s) => s.start >= lead.docTitle.length);
  return next ? [title, { text: next.text, emphasis: [], rank: lead.rank }] : [title];
}

/** People lines of one passage, with how well they match the question. */
interface PeopleLead {
  readonly lines: LeadLine[];
  /** Matched words inside the best-matching person's name and role. */
  readonly inPerson: number;
  /** Matched words in the sentence the people come from. */
  readonly inSentence: number;
}

/** Better match inside a person's name and role first, then in their sentence; ties keep rank. */
function outranks(a: PeopleLead, b: PeopleLead): boolean {
  return a.inPerson > b.inPerson || (a.inPerson === b.inPerson && a.inSentence > b.inSentence);
}

/**
 * "Name — role" lines for the people of the sentence that best matches the question. When the
 * question matched that sentence only inside some people's names or roles ("who spoke from
 * Shymkent?"), or matched two words of one person's ("the education minister who spoke"), just
 * those people; when it matched the sentence around them ("who were appointed deputy chairs?"),
 * everyone the sentence names.
 */
function peopleLead(passage: AnswerPassage): PeopleLead | null {
  const inside = (range: readonly [number, number], from: number, to: number) =>
    range[0] >= from && range[1] <= to;
  let best: { people: NamedPerson[]; hits: (readonly [number, number])[] } | null = null;
  for (const sentence of sentencesOf(passage.text)) {
    const end = sentence.start + sentence.text.length;
    const people = peopleIn(passage.text).filter((p) => inside(p.name, sentence.start, end));
    const hits = passage.highlights.filter((h) => inside(h, sentence.start, end));
    if (people.length > 0 && hits.length > 0 && (best === null || hits.length > best.hits.length))
      best = { people, hits };
  }
  if (best === null) return null;
  const spanOf = (p: NamedPerson): readonly [number, number] => [p.role?.[0] ?? p.name[0], p.name[1]];
  const hitsOf = (p: NamedPerson) => best.hits.filter((h) => inside(h, ...spanOf(p))).length;
  const most = Math.max(0, ...best.people.map(hitsOf));
  const touched = best.people.filter((p) => most > 0 && hitsOf(p) === most);
  const aroundPeople = best.hits.some((h) => !best.people.some((p) => inside(h, ...spanOf(p))));
  // Two matched words in someone's own name or role ("білім … министрі") single them out even in
  // a sentence that matched around everyone ("Жиында … сөз сөйлеп").
  const chosen = touched.length > 0 && (!aroundPeople || most >= 2) ? touched : best.people;
  const lines = chosen.map((person): LeadLine => {
    const name = passage.text.slice(...person.name);
    const role = person.role ? passage.text.slice(...person.role) : "";
    return { text: role ? `${name} — ${role}` : name, emphasis: [[0, name.length]], rank: passage.rank };
  });
  return { lines, inPerson: most, inSentence: best.hits.length };
}

/** The sentence of the passage that best matches the question and holds what the kind needs. */
function sentenceLine(kind: QuestionKind, passage: AnswerPassage): LeadLine[] {
  const needed = kind === "where" ? PLACE : kind === "when" ? DATE_WORD : FIGURE;
  const best = bestSentence(passage, needed, kind === "when" ? FIGURE : null);
  if (best === null) return [];
  const emphasis =
    kind === "where"
      ? [...best.text.matchAll(PLACE)]
      : [...best.text.matchAll(FIGURE), ...(kind === "when" ? [...best.text.matchAll(DATE_WORD)] : [])];
  return [
    {
      text: best.text,
      emphasis: joinAdjacent(
        best.text,
        emphasis.map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const),
      ),
      rank: passage.rank,
    },
  ];
}

/**
 * The sentence of a passage with the most matched words among those holding `needed` (or
 * `alsoAccepted`) — any sentence when `needed` is null — with that count as its score.
 */
function bestSentence(
  passage: AnswerPassage,
  needed: RegExp | null,
  alsoAccepted: RegExp | null = null,
): { text: string; start: number; score: number } | null {
  // Non-global copies: a global pattern's test() would carry lastIndex from one sentence to the next.
  const patterns = [needed, alsoAccepted].flatMap((p) =>
    p ? [new RegExp(p.source, p.flags.replace("g", ""))] : [],
  );
  let best: { text: string; start: number; score: number } | null = null;
  for (const sentence of sentencesOf(passage.text)) {
    if (needed !== null && !patterns.some((pattern) => pattern.test(sentence.text))) continue;
    const end = sentence.start + sentence.text.length;
    const score = passage.highlights.filter(([s, e]) => s >= sentence.start && e <= end).length;
    if (score > 0 && (best === null || score > best.score)) best = { ...sentence, score };
  }
  return best;
}

/** Sorts ranges and joins those separated only by spaces ("60 мың" is one figure). */
function joinAdjacent(text: string, ranges: readonly (readonly [number, number])[]): [number, number][] {
  const joined: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = joined.at(-1);
    if (last && start >= last[1] && /^\s*$/.test(text.slice(last[1], start)))
      last[1] = Math.max(last[1], end);
    else if (!last || start >= last[1]) joined.push([start, end]);
  }
  return joined;
}

/**
 * The passages with the one the lead lines came from moved first, ranks renumbered and the leads
 * pointing at the new numbers. The answer leads with "Нұрсұлтан Назарбаев — … Төрағасы"; the
 * first quote under it must be where that line stands, not a passage ranked above it for words
 * the question shares with it ("ҚХА Төрағасының жаңа орынбасарлары").
 */
export function withLeadPassageFirst(
  passages: readonly AnswerPassage[],
  leads: readonly LeadLine[],
): { passages: AnswerPassage[]; leads: LeadLine[] } {
  const from = leads[0]?.rank;
  if (from === undefined || from === 1 || !passages.some((p) => p.rank === from)) {
    return { passages: [...passages], leads: [...leads] };
  }
  const reordered = [...passages.filter((p) => p.rank === from), ...passages.filter((p) => p.rank !== from)];
  const renumbered = new Map(reordered.map((p, i) => [p.rank, i + 1]));
  return {
    passages: reordered.map((p, i) => ({ ...p, rank: i + 1 })),
    leads: leads.map((lead) => ({ ...lead, rank: renumbered.get(lead.rank) ?? lead.rank })),
  };
}
