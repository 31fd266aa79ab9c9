/**
 * The embedding model could not be had: not in the cache and not downloadable (offline, no
 * network, wrong id), or its files are broken. Carries the model id and cache folder so the one
 * warning line can tell the operator exactly what to provide.
 */
export class ModelLoadError extends Error {
  override readonly name = "ModelLoadError";
  constructor(
    message: string,
    readonly modelId: string,
    readonly modelDir: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}
