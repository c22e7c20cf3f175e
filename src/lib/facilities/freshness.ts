/**
 * When a directory entry counts as stale ("nicht mehr bestätigt"): its `lastConfirmed` lies more than
 * `staleAfterDays` before a reference date. The reference is the atlas's data date, never the clock, so the same
 * input always builds the same site.
 */

const DAY_MS = 86_400_000;

/**
 * Whole days from `date` to `reference` (both YYYY-MM-DD, read as UTC dates); negative when `date` is later.
 * @example ageInDays("2023-12-01", "2023-12-31") // 30
 */
export function ageInDays(date: string, reference: string): number {
  return Math.round((Date.parse(`${reference}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY_MS);
}

/**
 * True when `lastConfirmed` is more than `staleAfterDays` days before `reference`.
 * @example isStale("2021-12-31", "2023-12-31", 365) // true (730 days)
 */
export function isStale(lastConfirmed: string, reference: string, staleAfterDays: number): boolean {
  return ageInDays(lastConfirmed, reference) > staleAfterDays;
}
