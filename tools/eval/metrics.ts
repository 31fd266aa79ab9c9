/**
 * Ranking metrics shared by the article evaluation and the KazQAD benchmark. A "rank" is the
 * 1-based position of the first correct item, or `null` when none was returned.
 */
export interface RankSummary {
  readonly n: number;
  readonly hitAt1: number;
  readonly hitAt3: number;
  readonly hitAt5: number;
  readonly mrr: number;
}

/** Averages ranks into hit@1/3/5 and MRR (MRR cut at `cutoff`, e.g. MRR@10). */
export function summarise(ranks: readonly (number | null)[], cutoff = 10): RankSummary {
  const n = ranks.length;
  const share = (limit: number) => (n === 0 ? 0 : ranks.filter((r) => r !== null && r <= limit).length / n);
  const mrr =
    n === 0 ? 0 : ranks.reduce<number>((sum, r) => sum + (r !== null && r <= cutoff ? 1 / r : 0), 0) / n;
  return { n, hitAt1: share(1), hitAt3: share(3), hitAt5: share(5), mrr };
}

/** Renders rows as an aligned plain-text table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** 0.8734 → "0.873". */
export const fmt = (x: number) => x.toFixed(3);

/** 0.95 → "95.0%". */
export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
