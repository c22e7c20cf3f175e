/**
 * Small groupings and counts the page components used to do inline (thin templates: a component only maps over what
 * these return). Pure; the order of the input is kept wherever a function does not say it sorts.
 */

/** German collation for names, as everywhere in the atlas (umlauts sort with their base letter). */
const NAME_COLLATOR = new Intl.Collator('de');

/** The items by level, in the order of `levels` (top first); a level without items is left out; items keep their order. */
export function groupByLevel<L extends { id: string }, T extends { level: string }>(
  levels: readonly L[],
  items: readonly T[],
): { level: L; items: T[] }[] {
  return levels
    .map((level) => ({ level, items: items.filter((x) => x.level === level.id) }))
    .filter((g) => g.items.length > 0);
}

/** The items sorted by name (German collation), as a new list. */
export function sortedByName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => NAME_COLLATOR.compare(a.name, b.name));
}

/** The units of one level, by name (German collation): e.g. the top-level units on the home page. */
export function unitsOfLevelByName<T extends { name: string; level: string }>(
  units: readonly T[],
  level: string | undefined,
): T[] {
  return sortedByName(units.filter((u) => u.level === level));
}

/** Vulnerability levels (0–3) from the most vulnerable down: the order of the groups on an area page. */
const VULNERABILITY_ORDER = [3, 2, 1, 0] as const;

/** Facilities at this vulnerability level or above count as "vulnerable" in an area's summary. */
export const VULNERABLE_FROM = 2;

/**
 * Facilities by vulnerability, most vulnerable first (levels without a facility left out), each group with the
 * distinct types of its facilities in order of first appearance.
 */
export function vulnerabilityGroups<T extends { vulnerability: number; types: readonly string[] }>(
  facilities: readonly T[],
): { v: number; items: T[]; types: string[] }[] {
  return VULNERABILITY_ORDER.map((v) => ({ v, items: facilities.filter((f) => f.vulnerability === v) }))
    .filter((g) => g.items.length > 0)
    .map((g) => ({ ...g, types: [...new Set(g.items.flatMap((f) => f.types))] }));
}

/** How many facilities are vulnerable (level {@link VULNERABLE_FROM} or above). */
export function countVulnerable(facilities: readonly { vulnerability: number }[]): number {
  return facilities.filter((f) => f.vulnerability >= VULNERABLE_FROM).length;
}

/** The facility entries of all areas of a layer, added up (a facility in two overlapping areas counts twice). */
export function totalFacilities(areas: readonly { facilities: number }[]): number {
  return areas.reduce((s, a) => s + a.facilities, 0);
}

/**
 * The legend rows of a facility map: each vulnerability symbol (in its given order) with the types drawn on the map
 * that have its level (a type without a level in `vocab` counts as 0); a symbol without a type is left out.
 */
export function symbolsWithTypes<S extends { v: number }>(
  symbols: readonly S[],
  types: readonly string[],
  vocab: readonly { id: string; vulnerability?: number | undefined }[],
): (S & { types: string[] })[] {
  const level = (x: string) => vocab.find((v) => v.id === x)?.vulnerability ?? 0;
  return symbols.map((s) => ({ ...s, types: types.filter((x) => level(x) === s.v) })).filter((s) => s.types.length > 0);
}
