import type { Unit } from '../types.ts';
import { hasNumber, type ValueStore } from './store.ts';

/**
 * Where an indicator has its newest data: the latest year in which any unit of any level has a number, and the level
 * with the most such units in that year (ties: the later level in `levels`). Undefined when it has no number at all.
 * For the home map and the default of indicator pages ("newest data per level": call it with one level).
 */
export function newestLevelYear(
  levels: readonly string[],
  units: readonly Pick<Unit, 'id' | 'level'>[],
  store: ValueStore,
  indicator: string,
): { level: string; year: number } | undefined {
  const years = store.years(indicator);
  for (let y = years.length - 1; y >= 0; y--) {
    const year = years[y] as number;
    let best: { level: string; n: number } | undefined;
    for (const level of levels) {
      const n = units.filter((u) => u.level === level && hasNumber(store.get(indicator, u.id, year))).length;
      if (n > 0 && (!best || n >= best.n)) best = { level, n };
    }
    if (best) return { level: best.level, year };
  }
  return undefined;
}
