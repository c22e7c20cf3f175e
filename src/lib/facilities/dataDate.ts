/**
 * The date of the facility data: the latest day any entry was confirmed or taken from its source (ISO). This is what
 * crisis lists and offline pages name as their "Stand", not the statistics' Stichtag and not the build day.
 * Undefined for an empty directory.
 */
export function facilitiesDataDate(
  entries: readonly { facility: { lastConfirmed: string; sources: readonly { retrieved: string }[] } }[],
): string | undefined {
  let latest: string | undefined;
  for (const e of entries)
    for (const d of [e.facility.lastConfirmed, ...e.facility.sources.map((s) => s.retrieved)])
      if (latest === undefined || d > latest) latest = d;
  return latest;
}
