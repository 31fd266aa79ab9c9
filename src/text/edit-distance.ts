/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions) between two words,
 * by code point, giving up early once it exceeds `limit`. Typing slips are mostly one letter
 * wrong, missing, doubled or swapped ("тапсрыма", "dirctive", "presidnet"); a swap counts as one.
 * Returns `limit + 1` for anything farther than `limit`.
 */
export function editDistance(a: string, b: string, limit = 2): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[y.length] as number, limit + 1);
}

/** How many slips a word of `length` letters may carry and still be taken for another: 0 below 4, 1 up to 7, 2 from 8. */
export function slipsAllowed(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}
