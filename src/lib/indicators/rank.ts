/**
 * Competition ranking ("1224"): equal values share a rank, the next rank skips.
 * Rank 1 is the highest value. Entries without a finite value get no rank.
 * @returns map id → rank, and n = number of ranked entries.
 */
export function rankDescending(entries: readonly { id: string; value: number | undefined }[]): {
  ranks: Map<string, number>;
  n: number;
} {
  const valid = entries.filter(
    (e): e is { id: string; value: number } => e.value !== undefined && Number.isFinite(e.value),
  );
  valid.sort((a, b) => b.value - a.value);
  const ranks = new Map<string, number>();
  let previous: number | undefined;
  let rank = 0;
  valid.forEach((e, i) => {
    if (e.value !== previous) rank = i + 1;
    ranks.set(e.id, rank);
    previous = e.value;
  });
  return { ranks, n: valid.length };
}
