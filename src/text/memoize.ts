/**
 * Remembers a pure function's results by key, for the words a bot sees again and again: a typing-
 * slip search compares a word with every word of a glossary or a corpus, and the same question
 * words come back in question after question. At `capacity` results it starts afresh, so memory
 * stays bounded however many distinct words arrive.
 */
export function memoize<T>(compute: (key: string) => T, capacity = 10_000): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    if (results.has(key)) return results.get(key) as T;
    const result = compute(key);
    if (results.size >= capacity) results.clear();
    results.set(key, result);
    return result;
  };
}
