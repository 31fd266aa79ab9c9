import { DEFAULT_EMBEDDING_MODEL, type Embedder, type EmbedderOptions, loadEmbedder } from "./embedder.js";
import { connectHttpEmbedder } from "./http-embedder.js";

/**
 * The one way the product gets its embedder: an OpenAI-compatible server when `server` is set
 * (an operator who already runs one), else the model in process. Both fail the same way — a
 * {@link ModelLoadError} — so callers treat "server down" like "model missing".
 */
export function openEmbedder(options: EmbedderOptions = {}): Promise<Embedder> {
  if (!options.server) return loadEmbedder(options);
  return connectHttpEmbedder({
    ...options.server,
    model: options.model ?? DEFAULT_EMBEDDING_MODEL,
    ...(options.profile ? { profile: options.profile } : {}),
  });
}
