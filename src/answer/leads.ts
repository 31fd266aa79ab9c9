import { sentencesOf } from "../passages/index.js";
import {
  type AnswerSpan,
  answerSpans,
  asksForSettlement,
  type Clause,
  clausesOf,
  refersBack,
} from "./lead-clauses.js";
import { outranks, type PeopleLead, peopleLead } from "./lead-people.js";
import { peopleIn } from "./names.js";
import type { QuestionKind } from "./question-kind.js";
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
  /**
   * Where a text names what the question sets apart ("besides the President"): people named
   * there are left out of the lead. Default: nothing set apart.
   */
  excluded?: (text: string) => readonly (readonly [number, number])[];
  /** The question as searched: a "where" question asking for a town leads with one. Default "". */
  question?: string;
}

/**
 * The lines an answer leads with, for questions that want a specific thing: the people (with
 * their roles) for "who", the sentence holding the figure for "how many", the date for "when",
 * the place for "where" — the thing asked for whole, in bold. A figure, date or place comes from
 * the best-ranked passage that has one; people from the quoted passage whose people match the
 * question best, because the passage ranked first may name someone only in passing ("Lituanica"
 * бірлестігінің төрағасы) while the next one names the person asked about (Ассамблеясының
 * Төрағасы Нұрсұлтан Назарбаев).
 */
export function leadsFor(
  kind: QuestionKind,
  passages: readonly AnswerPassage[],
  options: LeadOptions = {},
): LeadLine[] {
  if (kind === "other") return [];
  if (kind === "summary") return summaryLead(passages);
  if (kind !== "who") {
    const settlement = asksForSettlement(options.question ?? "");
    for (const passage of passages) {
      const line = sentenceLine(kind, passage, settlement);
      if (line !== null) return [line];
    }
    return [];
  }
  let best: { lead: PeopleLead; rank: number } | null = null;
  for (const passage of passages) {
    const byline = options.askedByline?.(passage) ?? null;
    if (byline !== null) return [{ text: byline, emphasis: [[0, byline.length]], rank: passage.rank }];
    const lead = peopleLead(passage, options.excluded?.(passage.text) ?? []);
    if (lead !== null && (best === null || outranks(lead, best.lead))) best = { lead, rank: passage.rank };
  }
  // "Who" is often a body ("Ақпарат және коммуникациялар министрлігі … дайындауы қажет",
  // "Үкімет … тиіс"): when the first passage has a clause naming nobody that matches more of
  // the question than the people's clause does (or nobody is named), that clause is the answer.
  const [first] = passages;
  const clause = first ? bestClause(first, (c) => peopleIn(c.text).length === 0) : null;
  if (first && clause && (best === null || clause.score > best.lead.inSentence + best.lead.carried))
    return [{ text: oneLine(clause.text), emphasis: [], rank: first.rank }];
  if (best === null) return [];
  const { rank } = best;
  return best.lead.lines.map((line) => ({ text: line.text, emphasis: [line.name], rank }));
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

/**
 * The clause of the passage that best matches the question among those holding what the kind
 * asks for — a place, a date, a figure — with that thing in bold. A place, date or figure the
 * question itself names ("Астанада" in "where in Astana…") is what is known, not the answer. A
 * clause that points back at the one before ("Ол үшін …") matches as well as that one; among
 * clauses that match alike, the one holding the more exact answer leads (a named venue over a
 * city), so "where should the House of Friendship open?" leads with "Бейбітшілік және келісім
 * сарайы", not with the sentence before it.
 */
function sentenceLine(kind: QuestionKind, passage: AnswerPassage, settlement: boolean): LeadLine | null {
  const unasked = (span: AnswerSpan, clause: Clause) =>
    !passage.highlights.some(([s, e]) => s < clause.start + span.end && clause.start + span.start < e);
  const answersIn = (clause: Clause, strict: boolean) =>
    answerSpans(kind, clause.text, settlement).filter((span) => !strict || unasked(span, clause));
  const best =
    bestClause(passage, (clause) => answersIn(clause, true)) ??
    bestClause(passage, (clause) => answersIn(clause, false));
  if (best === null) return null;
  const emphasis = joinAdjacent(
    best.text,
    best.answers.map((span) => [span.start, span.end] as const),
  );
  return { text: oneLine(best.text), emphasis, rank: passage.rank };
}

/**
 * The clause of a passage with the most matched words (or those of the clause it points back
 * to) among the clauses where `answers` finds something, ties going to the more exact answer
 * and then to the earlier clause; with that count as its score and the answers found.
 */
function bestClause(
  passage: AnswerPassage,
  answers: (clause: Clause) => readonly AnswerSpan[] | boolean,
): (Clause & { score: number; answers: readonly AnswerSpan[] }) | null {
  let best: (Clause & { score: number; answers: readonly AnswerSpan[]; exactness: number }) | null = null;
  let previous = 0;
  for (const clause of clausesOf(passage.text)) {
    const own = passage.highlights.filter(([s, e]) => s >= clause.start && e <= clause.end).length;
    const score = refersBack(clause) ? Math.max(own, previous) : own;
    previous = score;
    const found = answers(clause);
    if (found === false || (Array.isArray(found) && found.length === 0)) continue;
    // A passage the structure leg found for a question with no words in it ("where was it?")
    // has no matched words: its first clause holding the answer leads.
    if (score === 0 && !(passage.legs.structure === true && passage.highlights.length === 0)) continue;
    const spans = Array.isArray(found) ? found : [];
    const exactness = Math.max(0, ...spans.map((span) => span.exactness));
    if (best === null || score > best.score || (score === best.score && exactness > best.exactness))
      best = { ...clause, score, answers: spans, exactness };
  }
  return best;
}

/** A clause joined across a line break reads as one line (offsets kept: one space per break). */
function oneLine(text: string): string {
  return text.replace(/\n/g, " ");
}

/** Sorts ranges and joins those separated only by spaces ("60 мың" is one figure). */
function joinAdjacent(text: string, ranges: readonly (readonly [number, number])[]): [number, number][] {
  const joined: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = joined.at(-1);
    if (last && start >= last[1] && /^\s*$/.test(text.slice(last[1], start)))
      last[1] = Math.max(last[1], end);
    else if (!last || start >= last[1]) joined.push([start, end]);
    else last[1] = Math.max(last[1], end);
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
