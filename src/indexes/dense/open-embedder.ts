import { DEFAULT_EMBEDDING_MODEL, type Embedder, type EmbedderOptions, loadEmbedder } from "./embedder.js";
import { ModelLoadError } from "./errors.js";
import { connectHttpEmbedder } from "./http-embedder.js";
import { vectorLibrary } from "./vector-index.js";

/**
 * The one way the product gets its embedder: an OpenAI-compatible server when `server` is set
 * (an operator who already runs one), else the model in process. Both fail the same way — a
 * {@link ModelLoadError} — so callers treat "server down" like "model missing". So does a missing
 * vector index library (hnswlib-node, whose native build can fail), checked first: without it
 * vectors could not be searched, and loading a model for nothing would only cost start-up time.
 */
export function openEmbedder(options: EmbedderOptions = {}): Promise<Embedder> {
  const model = options.model ?? DEFAULT_EMBEDDING_MODEL;
  try {
    vectorLibrary();
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    return Promise.reject(
      new ModelLoadError(
        `the vector index library hnswlib-node cannot be loaded (${reason}); its native build needs python3, make and g++: install them and run \`npm rebuild hnswlib-node\``,
        model,
        options.modelDir ?? "models",
        error,
      ),
    );
  }
  if (!options.server) return loadEmbedder(options);
  return connectHttpEmbedder({
    ...options.server,
    model,
    ...(options.profile ? { profile: options.profile } : {}),
  });
}
