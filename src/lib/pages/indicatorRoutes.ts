import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import { CITY, hasNumber, type ValueStore } from '../indicators/store.ts';

/**
 * Which indicator pages exist and where: one per indicator, level and year with data. Addresses (ids only, never
 * names):
 * - `/merkmale/` the overview, `/merkmale/<indicator>/<level>/<year>/` one year (permanent),
 * - `/merkmale/<indicator>/<level>/` the latest year with data (says which year, links the permanent address);
 * English under `/en/…` with the same ids.
 */

/** Path of the overview (without language prefix). */
export const INDICATORS_PATH = '/merkmale/';

/** Permanent path of one indicator, level and year: `/merkmale/arbeitslosigkeit/planungsraum/2019/`. */
export function indicatorYearPath(indicator: string, level: string, year: number): string {
  return `${INDICATORS_PATH}${encodeURIComponent(indicator)}/${encodeURIComponent(level)}/${year}/`;
}

/** Path of the latest year of an indicator on a level: `/merkmale/arbeitslosigkeit/planungsraum/`. */
export function indicatorLatestPath(indicator: string, level: string): string {
  return `${INDICATORS_PATH}${encodeURIComponent(indicator)}/${encodeURIComponent(level)}/`;
}

/**
 * The routes that also serve the latest address `/merkmale/<indicator>/<level>/`: those marked `latest` (one per
 * indicator and level), in their order.
 */
export function latestRoutes<R extends { latest: boolean }>(routes: readonly R[]): R[] {
  return routes.filter((r) => r.latest);
}

/** Years with data, per indicator and level: a year counts when at least one unit of the level has a number. */
export type Availability = ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;

/**
 * Which indicator × level × year has data (at least one unit of the level with a number, i.e. status `value` or
 * `zero`): the pages to build. Levels in the order of `levelOrder`, years ascending; indicators without any
 * number are absent.
 */
export function indicatorAvailability(
  store: ValueStore,
  unitLevel: ReadonlyMap<string, string>,
  levelOrder: readonly string[],
): Availability {
  const found = new Map<string, Map<string, Set<number>>>();
  for (const v of store.values()) {
    if (v.unit === CITY || !hasNumber(v)) continue;
    const level = unitLevel.get(v.unit);
    if (level === undefined) continue;
    let byLevel = found.get(v.indicator);
    if (!byLevel) found.set(v.indicator, (byLevel = new Map()));
    let years = byLevel.get(level);
    if (!years) byLevel.set(level, (years = new Set()));
    years.add(v.year);
  }
  const out = new Map<string, Map<string, number[]>>();
  for (const [indicator, byLevel] of found) {
    const levels = new Map<string, number[]>();
    for (const level of levelOrder) {
      const years = byLevel.get(level);
      if (years)
        levels.set(
          level,
          [...years].sort((a, b) => a - b),
        );
    }
    out.set(indicator, levels);
  }
  return out;
}

/**
 * The reference date (Stichtag) of an indicator's values on a level in a year, from the `date` of the data tables
 * that carry the indicator in that year: the table of this level, else (a level computed from a finer one) the
 * tables of the other levels when they all name the same date. Undefined when no table names one.
 */
export function referenceDateOf(
  tables: AtlasConfig['tables'],
  indicator: string,
  level: string,
  year: number,
): string | undefined {
  const carrying = tables.filter(
    (tb) =>
      tb.role === 'data' &&
      tb.date !== undefined &&
      (tb.year === undefined || tb.year === year) &&
      (indicator in tb.columns || Object.values(tb.long?.codes ?? {}).includes(indicator)),
  );
  // A table with a year column but one date only names the date of its own year.
  const ofYear = carrying.filter((tb) => tb.year !== undefined || tb.date?.startsWith(String(year)));
  const own = ofYear.find((tb) => tb.level === level);
  if (own) return own.date;
  const dates = [...new Set(ofYear.map((tb) => tb.date))];
  return dates.length === 1 ? dates[0] : undefined;
}
