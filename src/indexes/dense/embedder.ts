import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FeatureExtractionPipeline, ProgressInfo } from "@huggingface/transformers";
import { ModelLoadError } from "./errors.js";
import type { PrefixMode } from "./http-embedder.js";
import {
  contextTokens,
  type InContextVectors,
  type PassageInContext,
  type PieceTokenizer,
  poolInContext,
} from "./in-context.js";
import { withLeanUnigramTries } from "./lean-unigram-trie.js";
import { type ModelProfile, profileOf } from "./model-profile.js";
import { ModelQueue } from "./model-queue.js";

/** The default model: small (118M parameters, 384 dimensions), multilingual, Kazakh included. */
export const DEFAULT_EMBEDDING_MODEL = "Xenova/multilingual-e5-small";

/**
 * Turns text into unit vectors. The retriever and the vector index only know this interface, so
 * tests and benchmarks can swap the model without touching them.
 */
export interface Embedder {
  /**
   * Where the vectors come from ("transformers.js" in process, "http" from a server). With the
   * model id it is written into the index manifest: vectors of two models never mix.
   */
  readonly backend: string;
  /** Model id, written into the index manifest beside the backend. */
  readonly modelId: string;
  readonly dimensions: number;
  /** The model family's similarity floor for dense-only evidence (see {@link ModelProfile}). */
  readonly supportSimilarity?: number;
  /** The model family's off-topic margin (see {@link ModelProfile.offTopicMargin}). */
  readonly offTopicMargin?: number | null;
  /** The model family's off-topic veto (see {@link ModelProfile.offTopicVeto}). */
  readonly offTopicVeto?: number | null;
  embedQueries(texts: readonly string[]): Promise<Float32Array[]>;
  /**
   * Passages and their sentences from one forward pass each (see {@link PassageInContext}).
   * Only an in-process model can: a server returns pooled vectors, so the HTTP backend leaves
   * this out and sentences are embedded on their own there.
   */
  embedInContext?(
    passages: readonly PassageInContext[],
    onPassage?: (done: number, total: number) => void,
  ): Promise<InContextVectors[]>;
  /** `onBatch` is called after each batch with the number of texts done so far. */
  embedPassages(
    texts: readonly string[],
    onBatch?: (done: number, total: number) => void,
  ): Promise<Float32Array[]>;
}

/** A download step reported while the model is fetched on first run. */
export interface DownloadProgress {
  readonly loaded: number;
  readonly total: number;
}

/** Options of {@link loadEmbedder}; all optional. */
export interface EmbedderOptions {
  /** Hub model id. Default {@link DEFAULT_EMBEDDING_MODEL}. */
  model?: string;
  /** Where downloaded models are cached and looked up. Default `models` (relative to the working folder). */
  modelDir?: string;
  /** Never touch the network: use only what `modelDir` holds. Default false. */
  offline?: boolean;
  /** Another hub (a mirror, or a local server in tests), e.g. `http://127.0.0.1:8080/`. */
  remoteHost?: string;
  /**
   * Texts per forward pass. Default 1: on a CPU a batch gains nothing (one passage already fills
   * the matrix units) and pads every text to the longest, so one at a time is fastest and needs
   * the least memory (measured: 200 passages 9.3 s and 650 MB at 1, 13.7 s and 1.7 GB at 32).
   */
  batchSize?: number;
  /** Give up when loading makes no progress for this long (no network must not hang start-up). Default 15 s. */
  stallTimeoutMs?: number;
  /** Overrides of the model family's profile (prefixes, pooling, dtype). */
  profile?: Partial<ModelProfile>;
  /** Called while model files download (first run only: not when `modelDir` has the model). */
  onDownload?: (progress: DownloadProgress) => void;
  /**
   * An OpenAI-compatible embeddings server to use instead of the in-process model
   * (see {@link openEmbedder}); `model` is then the name sent to it.
   */
  server?: {
    url: string;
    apiKey?: string;
    prefixes?: PrefixMode;
    timeoutMs?: number;
    retries?: number;
  };
}

/**
 * Loads a transformers.js feature-extraction model: from `modelDir` when it is there, else from
 * the hub (caching it into `modelDir`), unless offline. Throws {@link ModelLoadError} — never
 * hangs — when the model cannot be had.
 */
export async function loadEmbedder(options: EmbedderOptions = {}): Promise<Embedder> {
  const modelId = options.model ?? DEFAULT_EMBEDDING_MODEL;
  const modelDir = resolve(options.modelDir ?? "models");
  const profile = profileOf(modelId, options.profile);
  // Imported on demand: the library takes a noticeable share of a cold start, and a keyword-only
  // run (EMBEDDINGS=off) never needs it.
  const library = await import("@huggingface/transformers");
  const { env, pipeline } = library;
  configureLibrary(env, modelDir, options);
  const cached = existsSync(join(modelDir, modelId, "config.json"));
  const stall = new StallWatchdog(options.stallTimeoutMs ?? 15_000);
  // Every request of this load is aborted when the watchdog gives up: an abandoned download must
  // not keep its socket, and so the process, alive for minutes after the caller moved on.
  libraryFetch ??= env.fetch;
  const fetchFirst = libraryFetch;
  env.fetch = (input, init) =>
    fetchFirst(input, {
      ...init,
      signal: init?.signal ? AbortSignal.any([init.signal, stall.signal]) : stall.signal,
    });
  try {
    const extractor = await stall.race(
      withLeanUnigramTries(library, () =>
        pipeline("feature-extraction", modelId, {
          dtype: profile.dtype,
          progress_callback: (info: ProgressInfo) => {
            stall.poke();
            if (info.status === "progress_total" && !cached)
              options.onDownload?.({ loaded: info.loaded, total: info.total });
          },
        }),
      ),
    );
    const embedder = new TransformersEmbedder(modelId, extractor, profile, options.batchSize ?? 1, library);
    await embedder.probe();
    return embedder;
  } catch (error) {
    throw new ModelLoadError(
      describeLoadFailure(modelId, modelDir, error, options.offline ?? false),
      modelId,
      modelDir,
      error,
    );
  } finally {
    stall.stop();
  }
}

/** transformers.js's own fetch, before {@link loadEmbedder} wrapped it to abort stalled requests. */
let libraryFetch: typeof import("@huggingface/transformers").env.fetch | undefined;

/** transformers.js keeps its settings in one global object; set them from our options each load. */
function configureLibrary(
  env: typeof import("@huggingface/transformers").env,
  modelDir: string,
  options: EmbedderOptions,
): void {
  env.cacheDir = modelDir;
  env.localModelPath = modelDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = !(options.offline ?? false);
  if (options.remoteHost)
    env.remoteHost = options.remoteHost.endsWith("/") ? options.remoteHost : `${options.remoteHost}/`;
}

function describeLoadFailure(modelId: string, modelDir: string, error: unknown, offline: boolean): string {
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const how = offline
    ? `put the model files in ${modelDir}/${modelId}/ or allow downloads (MODEL_OFFLINE=false)`
    : `check the network or download it once elsewhere into ${modelDir}/${modelId}/`;
  return `embedding model ${modelId} could not be loaded (${reason}); ${how}`;
}

class TransformersEmbedder implements Embedder {
  readonly backend = "transformers.js";
  dimensions = 0;
  private readonly queue = new ModelQueue((texts) => this.run(texts));

  constructor(
    readonly modelId: string,
    private readonly extractor: FeatureExtractionPipeline,
    private readonly profile: ModelProfile,
    private readonly batchSize: number,
    private readonly library: Pick<typeof import("@huggingface/transformers"), "Tensor">,
  ) {
    if (profile.pooling === "mean")
      this.embedInContext = (passages, onPassage) => this.inContext(passages, onPassage);
  }

  /** Embeds one text so the dimension count is known before any index is built. */
  async probe(): Promise<void> {
    const [vector] = await this.run(["probe"]);
    this.dimensions = vector?.length ?? 0;
  }

  get supportSimilarity(): number {
    return this.profile.supportSimilarity;
  }

  get offTopicMargin(): number | null {
    return this.profile.offTopicMargin;
  }

  get offTopicVeto(): number | null {
    return this.profile.offTopicVeto;
  }

  /** Questions wait for the model together and go in one call (see {@link ModelQueue}). */
  embedQueries(texts: readonly string[]): Promise<Float32Array[]> {
    return this.queue.gathered(texts.map((t) => this.profile.queryPrefix + t));
  }

  embedPassages(
    texts: readonly string[],
    onBatch?: (done: number, total: number) => void,
  ): Promise<Float32Array[]> {
    return this.inBatches(
      texts.map((t) => this.profile.passagePrefix + t),
      onBatch,
    );
  }

  /**
   * Only for mean pooling: a sentence's vector is the mean of its tokens, as the passage's is of
   * all of them; a model pooled by its first token has no such thing for a sentence.
   */
  readonly embedInContext?: (
    passages: readonly PassageInContext[],
    onPassage?: (done: number, total: number) => void,
  ) => Promise<InContextVectors[]>;

  private async inContext(
    passages: readonly PassageInContext[],
    onPassage?: (done: number, total: number) => void,
  ): Promise<InContextVectors[]> {
    const tokenizer = this.pieceTokenizer();
    const results: InContextVectors[] = [];
    for (const passage of passages) {
      const { ids, spans } = contextTokens(passage, this.profile.passagePrefix, tokenizer, this.maxTokens());
      results.push(await this.queue.turn(() => this.forward(ids, spans)));
      onPassage?.(results.length, passages.length);
    }
    return results;
  }

  private pieceTokenizer(): PieceTokenizer {
    const tokenizer = this.extractor.tokenizer;
    const pieceIds = (text: string) => tokenizer.encode(text, { add_special_tokens: false });
    const inner = pieceIds("a");
    const framed = tokenizer.encode("a");
    const start = framed.indexOf(inner[0] as number);
    return { pieceIds, bos: framed.slice(0, start), eos: framed.slice(start + inner.length) };
  }

  private maxTokens(): number {
    const max = Number(this.extractor.tokenizer.model_max_length);
    return Number.isFinite(max) && max > 0 && max <= 8192 ? max : 512;
  }

  private async forward(
    ids: readonly number[],
    spans: readonly [number, number][],
  ): Promise<InContextVectors> {
    const { Tensor } = this.library;
    const shape = [1, ids.length];
    const output = await this.extractor.model({
      input_ids: new Tensor("int64", BigInt64Array.from(ids, BigInt), shape),
      attention_mask: new Tensor("int64", new BigInt64Array(ids.length).fill(1n), shape),
    });
    const hidden = output.last_hidden_state as { data: Float32Array; dims: number[] };
    return poolInContext(hidden.data, hidden.dims.at(-1) as number, spans);
  }

  private async inBatches(
    texts: readonly string[],
    onBatch?: (done: number, total: number) => void,
  ): Promise<Float32Array[]> {
    // Batches of similar lengths pad least; vectors go back in the caller's order.
    const order = texts.map((_, i) => i);
    if (this.batchSize > 1) order.sort((a, b) => (texts[a] as string).length - (texts[b] as string).length);
    const vectors: Float32Array[] = new Array(texts.length);
    for (let start = 0; start < order.length; start += this.batchSize) {
      const ids = order.slice(start, start + this.batchSize);
      const batch = await this.queue.exclusive(ids.map((i) => texts[i] as string));
      ids.forEach((id, j) => {
        vectors[id] = batch[j] as Float32Array;
      });
      onBatch?.(Math.min(start + this.batchSize, texts.length), texts.length);
    }
    return vectors;
  }

  private async run(texts: readonly string[]): Promise<Float32Array[]> {
    const output = await this.extractor([...texts], { pooling: this.profile.pooling, normalize: true });
    const [rows, dims] = output.dims as [number, number];
    const data = output.data as Float32Array;
    return Array.from({ length: rows }, (_, row) => data.slice(row * dims, (row + 1) * dims));
  }
}

/**
 * Rejects a race when nothing has happened for `timeoutMs`, and aborts its `signal` then. A
 * download that keeps reporting progress may take minutes; a connection that never answers is
 * abandoned within seconds, its request aborted.
 */
class StallWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private reject: ((error: Error) => void) | undefined;
  private readonly controller = new AbortController();

  constructor(private readonly timeoutMs: number) {}

  /** Aborted when the watchdog gives up. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  race<T>(work: Promise<T>): Promise<T> {
    const stalled = new Promise<never>((_, reject) => {
      this.reject = reject;
      this.poke();
    });
    return Promise.race([work, stalled]);
  }

  poke(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const error = new Error(`no progress for ${this.timeoutMs} ms`);
      this.controller.abort(error);
      this.reject?.(error);
    }, this.timeoutMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
