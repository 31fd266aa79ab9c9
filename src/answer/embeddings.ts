import { type Embedder, type EmbedderOptions, ModelLoadError, openEmbedder } from "../indexes/index.js";

/** Whether to use the dense leg: `auto` tries and carries on without, `on` insists, `off` skips. */
export type EmbeddingsMode = "auto" | "on" | "off";

/**
 * Loads the embedding model according to the mode. In `auto`, a model that cannot be had is not
 * fatal: `warn` receives one loud line naming the model and how to provide it, and the engine
 * answers with the keyword and structure legs. In `on`, the {@link ModelLoadError} propagates.
 */
export async function resolveEmbedder(
  mode: EmbeddingsMode,
  options: EmbedderOptions,
  warn: (message: string) => void,
): Promise<Embedder | null> {
  if (mode === "off") return null;
  try {
    return await openEmbedder(options);
  } catch (error) {
    if (mode === "on" || !(error instanceof ModelLoadError)) throw error;
    warn(
      `WARNING: ${error.message}. Answering with the keyword and structure legs only (set EMBEDDINGS=off to silence this).`,
    );
    return null;
  }
}
