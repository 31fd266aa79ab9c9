/**
 * One model call at a time, with questions that arrive meanwhile gathered into the next call.
 * Fifty readers asking at once would otherwise start fifty onnxruntime runs on two cores, each
 * with its own threads and buffers: slower for everyone and hundreds of megabytes more. Short
 * questions batch well (they pad little), so waiting questions go together; a corpus being
 * embedded in the background takes its turns between them.
 */
export class ModelQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting: { text: string; resolve: (v: Float32Array) => void; reject: (e: unknown) => void }[] = [];
  private draining = false;

  constructor(
    private readonly run: (texts: readonly string[]) => Promise<Float32Array[]>,
    private readonly maxBatch = 16,
  ) {}

  /** Runs `texts` as one call when the model is free. */
  exclusive(texts: readonly string[]): Promise<Float32Array[]> {
    return this.turn(() => this.run(texts));
  }

  /** Runs `work` (any use of the model) when the model is free, before calls queued after it. */
  turn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Embeds questions, batched with any others that wait for the model at the same time. */
  gathered(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors = Promise.all(
      texts.map(
        (text) =>
          new Promise<Float32Array>((resolve, reject) => this.waiting.push({ text, resolve, reject })),
      ),
    );
    void this.drain();
    return vectors;
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const vectors = await this.exclusive(batch.map((item) => item.text));
          batch.forEach((item, i) => {
            item.resolve(vectors[i] as Float32Array);
          });
        } catch (error) {
          for (const item of batch) item.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
