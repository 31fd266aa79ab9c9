/**
 * Answers to recent questions, by question text and options, for one engine (one index
 * version: a corpus change opens a new engine, and with it an empty cache). Many people ask a
 * bot the same few things — "what is the fourth directive?" — and an answer costs retrieval,
 * spelling bridges and, with the model, a forward pass; the same question asked again, or asked
 * by fifty people at once, is answered once. An answer made while a leg was unavailable (the
 * model failing) is handed out but not kept, so it is not served once the leg is back.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  /** `capacity`: answers kept, least recently asked dropped first; 0 keeps none. */
  constructor(private readonly capacity: number) {}

  /**
   * The answer for `key`: the one kept or in the making, else `make`'s. A `make` that fails, or
   * says its answer is not to be kept, leaves nothing behind.
   */
  get(key: string, make: () => Promise<{ value: T; keep: boolean }>): Promise<T> {
    if (this.capacity <= 0) return make().then((made) => made.value);
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const forget = () => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    };
    const pending: Promise<T> = make().then(
      (made) => {
        if (!made.keep) forget();
        return made.value;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    this.entries.set(key, pending);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return pending;
  }

  /** Answers kept or in the making. */
  get size(): number {
    return this.entries.size;
  }
}
