import {
  type CorpusDocument,
  type DocumentSource,
  type ExampleQuestions,
  loadExampleQuestions,
  loadGlossary,
  loadSources,
} from "../corpus/index.js";
import { BYLINE_LABEL, type Embedder, type Indexes, type OpenResult, openIndexes } from "../indexes/index.js";
import type { Passage } from "../passages/index.js";
import { type Retrieval, Retriever } from "../retriever/index.js";
import { detectLanguage } from "../text/index.js";
import { AnswerCache } from "./answer-cache.js";
import { answerNeedOf, type NeedOf } from "./answer-need.js";
import { citeOf } from "./citation.js";
import { covers } from "./coverage.js";
import { asksAboutEarlier, presentsAsNew } from "./earlier.js";
import { resolveEmbedder } from "./embeddings.js";
import type { AskOptions, EngineOptions } from "./engine-options.js";
import { Highlighter } from "./highlight.js";
import { leadsFor, withLeadPassageFirst } from "./leads.js";
import { type PreparedQuestion, prepareQuestion } from "./prepared-question.js";
import { type QuestionKind, questionKindOf } from "./question-kind.js";
import { isStated, lowerCaseWordsOf } from "./stated.js";
import type { Answer, AnswerPassage, Language } from "./types.js";

/**
 * The one entry point every presentation shares: opened once (corpus read, index loaded or
 * rebuilt, model loaded or declined), then `answer(question)` as often as needed.
 */
export class AnswerEngine {
  private constructor(
    private readonly opened: OpenResult,
    private readonly retriever: Retriever,
    readonly embedder: Embedder | null,
    private readonly maxQuestionChars: number,
    private readonly highlighter: Highlighter,
    /** Example questions that come with the corpus (`examples.json`), per interface language. */
    readonly examples: ExampleQuestions,
    /** Each document's short title and origin (`sources.json`, else derived), by document id. */
    readonly sources: ReadonlyMap<string, DocumentSource>,
    private readonly cache: AnswerCache<Answer>,
  ) {
    this.bylineTerms = opened.indexes.keyword.queryConcepts(BYLINE_LABEL, "kk").flat();
  }

  /** The byline mark as the keyword index analyses it. */
  private readonly bylineTerms: readonly string[];
  private lowerCaseWordsMade: ReadonlySet<string> | null = null;

  /** Words the corpus writes in lower case somewhere (see `CorpusCase`): made at first need. */
  private get lowerCaseWords(): ReadonlySet<string> {
    this.lowerCaseWordsMade ??= lowerCaseWordsOf(this.indexes.passages.map((p) => p.text));
    return this.lowerCaseWordsMade;
  }

  static async open(options: EngineOptions): Promise<AnswerEngine> {
    const log = options.log ?? (() => {});
    const embedder =
      options.embedderInstance !== undefined
        ? options.embedderInstance
        : await resolveEmbedder(options.embeddings ?? "auto", options.embedder ?? {}, log);
    const opened = await openIndexes({
      corpusDir: options.corpusDir ?? "corpus",
      indexDir: options.indexDir ?? "index",
      analyzer: options.analyzer,
      embedder,
      force: options.forceRebuild ?? false,
      ...(options.passages ? { passages: options.passages } : {}),
      ...(options.keyword ? { keyword: options.keyword } : {}),
      log,
      ...(options.progress ? { progress: options.progress } : {}),
    });
    const glossary = await loadGlossary(options.corpusDir ?? "corpus");
    const retriever = new Retriever(opened.indexes, embedder, {
      glossary,
      onEmbeddingError: (error) =>
        log(
          `the question could not be embedded (${error instanceof Error ? error.message : String(error)}); answering with the other legs, and pausing meaning-based search briefly`,
        ),
      ...options.retriever,
    });
    const deadEntries = retriever.unmatchedGlossaryEntries;
    if (deadEntries.length > 0)
      log(
        `WARNING: glossary.json has ${deadEntries.length === 1 ? "an entry" : `${deadEntries.length} entries`} whose Kazakh words the corpus never uses, so its Russian and English words reach nothing: ${deadEntries.map((e) => `[${e}]`).join(" ")}`,
      );
    const highlighter = new Highlighter(options.analyzer);
    const examples = await loadExampleQuestions(options.corpusDir ?? "corpus");
    const { sources, unmatched } = await loadSources(options.corpusDir ?? "corpus", opened.documents);
    if (unmatched.length > 0)
      log(`WARNING: sources.json names files the corpus does not have: ${unmatched.join(", ")}`);
    return new AnswerEngine(
      opened,
      retriever,
      embedder,
      options.maxQuestionChars ?? 1000,
      highlighter,
      examples,
      sources,
      new AnswerCache<Answer>(options.answerCacheSize ?? 500),
    );
  }

  get indexes(): Indexes {
    return this.opened.indexes;
  }

  get documents(): readonly CorpusDocument[] {
    return this.opened.documents;
  }

  /** What opening did (loaded, built…), for start-up reports. */
  get openResult(): OpenResult {
    return this.opened;
  }

  /** Legs in use, e.g. ["structure", "keyword"] without a model. */
  get legs(): readonly string[] {
    return this.retriever.legs;
  }

  /** Numbered sections (the directives) in corpus order: one entry per section, first passage. */
  sections(): Passage[] {
    const seen = new Set<string>();
    return this.indexes.passages.filter((p) => {
      if (p.ordinal === null) return false;
      const key = `${p.doc}#${p.ordinal}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** All passages of one numbered section, in order (a long section may span several). */
  section(ordinal: number, doc?: string): Passage[] {
    const first = this.sections().find((p) => p.ordinal === ordinal && (doc === undefined || p.doc === doc));
    return first ? this.indexes.passages.filter((p) => p.doc === first.doc && p.ordinal === ordinal) : [];
  }

  /** One question's answer; the same question with the same options again is served from {@link AnswerCache}. */
  answer(question: string, options: AskOptions = {}): Promise<Answer> {
    const key = `${options.languageHint ?? ""}\u0000${options.k ?? ""}\u0000${question}`;
    return this.cache.get(key, async () => {
      const [made] = await this.answerWithLegs([question], options);
      return made as { value: Answer; keep: boolean };
    });
  }

  /** Batch mode: one model call for all questions' vectors. */
  async answerMany(questions: readonly string[], options: AskOptions = {}): Promise<Answer[]> {
    return (await this.answerWithLegs(questions, options)).map((made) => made.value);
  }

  /** Answers, each with whether every leg took part in it (`keep`: fit to be served again). */
  private async answerWithLegs(
    questions: readonly string[],
    options: AskOptions,
  ): Promise<{ value: Answer; keep: boolean }[]> {
    const prepared = questions.map((q) => prepareQuestion(q, this.maxQuestionChars));
    const searchable = prepared.filter((p) => p.search.length > 0);
    const retrievals = await this.retriever.searchMany(
      searchable.map((p) => p.search),
      options.k,
    );
    const byQuestion = new Map(searchable.map((p, i) => [p, retrievals[i] as Retrieval]));
    return prepared.map((p) => {
      const retrieval = byQuestion.get(p) ?? null;
      return {
        value: this.toAnswer(p, retrieval, options.languageHint),
        keep: retrieval === null || retrieval.legs.length === this.retriever.legs.length,
      };
    });
  }

  /**
   * The raw retrievals, candidates kept even when abstaining: what evaluation measures ranking on.
   */
  retrieveMany(questions: readonly string[], k?: number): Promise<Retrieval[]> {
    return this.retriever.searchMany(
      questions.map((q) => prepareQuestion(q, this.maxQuestionChars).search),
      k,
    );
  }

  private toAnswer(
    prepared: PreparedQuestion,
    retrieval: Retrieval | null,
    hint: Language | undefined,
  ): Answer {
    const language = detectLanguage(prepared.text) ?? hint ?? "kk";
    const kind = questionKindOf(prepared.search);
    const base = {
      question: prepared.original,
      language,
      truncated: prepared.truncated,
      kind,
      missing: null,
      missingWords: [],
      context: null,
    };
    if (retrieval === null) {
      return { ...base, abstained: true, reason: "empty-question", passages: [], ordinal: null, leads: [] };
    }
    const ordinal = retrieval.ordinal?.ordinal ?? null;
    if (retrieval.ordinal && !retrieval.ordinal.found) {
      return { ...base, abstained: true, reason: "no-such-section", passages: [], ordinal, leads: [] };
    }
    const uncovered = !covers(prepared.search, retrieval);
    const quoted = uncovered ? [] : retrieval.passages;
    const passages: AnswerPassage[] = quoted.map(({ rank, passage, score, matchedTerms, legs }) => {
      const { id: _id, ...fields } = passage;
      const highlights = this.highlighter.highlights(passage.text, matchedTerms);
      return { rank, ...fields, score, cite: citeOf(passage), highlights, legs };
    });
    const need = answerNeedOf(prepared.search, kind);
    // "Who were the deputy chairs before?": a first passage presenting them as new is no answer.
    const earlier =
      passages[0]?.legs.structure !== true && asksAboutEarlier(prepared.search) && presentsAsNew(passages[0]);
    if (earlier || (need !== null && !this.statesWhatIsAsked(need, kind, passages, retrieval, language))) {
      return {
        ...base,
        abstained: true,
        reason: "not-stated",
        passages: [],
        ordinal,
        leads: [],
        missing: earlier ? "earlier" : (need?.need ?? null),
        missingWords: earlier || !need ? [] : [...need.roles, ...need.counted, ...need.named],
        context: passages[0] ?? null,
      };
    }
    const askedByline = (passage: AnswerPassage) => this.askedByline(passage, retrieval);
    const excluded = (text: string) =>
      prepared.excluded.flatMap((word) =>
        this.highlighter.highlights(text, this.retriever.termsFor(word, language)),
      );
    const leads = retrieval.ordinal
      ? []
      : leadsFor(kind, passages, {
          askedByline,
          excluded,
          question: prepared.search,
        });
    const reason = uncovered ? "not-covered" : null;
    return {
      ...base,
      abstained: uncovered,
      reason,
      ordinal,
      ...withLeadPassageFirst(passages, leads),
    };
  }

  /**
   * Whether the quoted passages state what the question's need asks for (see `isStated`); true
   * when there is nothing to check: nothing quoted, or a section or byline the structure leg led
   * with. "Where was it?" is led by the document's lead (no section named): the place, date or
   * number ("which session number was it") must stand in it, whatever words the question has
   * ("when was it?" has none).
   */
  private statesWhatIsAsked(
    need: NeedOf,
    kind: QuestionKind,
    passages: readonly AnswerPassage[],
    retrieval: Retrieval,
    language: Language,
  ): boolean {
    if (retrieval.abstained || passages.length === 0) return true;
    const ledByStructure = passages[0]?.legs.structure === true;
    const askedOfLead =
      ledByStructure &&
      retrieval.ordinal === null &&
      (kind === "where" || kind === "when" || kind === "count");
    if (ledByStructure && !askedOfLead) return true;
    const find = (text: string, word: string) =>
      this.highlighter.highlights(text, this.retriever.termsFor(word, language));
    return askedOfLead
      ? isStated(
          need,
          passages.filter((p) => p.legs.structure === true),
          find,
          { knownConcepts: 1, knownShare: 1 },
        )
      : isStated(need, passages, find, retrieval, { isCommonWord: (word) => this.lowerCaseWords.has(word) });
  }

  /**
   * The byline of a passage the question asked for: led with by the structure leg ("Who wrote
   * the article?") or matched through its author mark. Else `null`.
   */
  private askedByline(passage: AnswerPassage, retrieval: Retrieval): string | null {
    const author = this.documents.find((doc) => doc.id === passage.doc)?.author ?? null;
    const matched = retrieval.passages.find((p) => p.rank === passage.rank)?.matchedTerms ?? [];
    const asked = passage.legs.structure === true || matched.some((term) => this.bylineTerms.includes(term));
    if (author === null || !asked) return null;
    return passage.text.split("\n").includes(author) ? author : null;
  }
}
