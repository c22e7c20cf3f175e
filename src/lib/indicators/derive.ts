import type { Indicator, SmallNumbers } from '../../schemas/atlasConfig.ts';
import type { Cell, Unit } from '../types.ts';
import { CITY, ValueStore, hasNumber, type Value } from './store.ts';
import { protectSmallNumbers, type ProtectionCounts } from './suppress.ts';

/** A published figure compared with the one computed from counts. */
export interface AggregationCheck {
  unit: string;
  indicator: string;
  year: number;
  published: number;
  computed: number;
  /** computed − published */
  diff: number;
  origin: Cell['origin'];
}

export interface DeriveInput {
  /** Cells from data tables (role: data). */
  cells: readonly Cell[];
  /** Cells from check tables (role: check). */
  checkCells?: readonly Cell[];
  units: readonly Unit[];
  /**
   * Level ids, every level after its parent level (the config's order): e.g. Bezirk, Bezirksregion, Planungsraum, and
   * Prognoseraum (another boundary scheme below the Bezirke).
   */
  levelOrder: readonly string[];
  indicators: readonly Indicator[];
  /** Small-number protection (suppress.ts); without it nothing is suppressed beyond the source's own cells. */
  smallNumbers?: SmallNumbers | undefined;
}

/**
 * Builds the atlas's values: published cells, counts summed up the hierarchy and to the city,
 * and rates computed as Σ numerators / Σ denominators × factor at every level (never a mean of
 * child rates). A parent gets no sum when a child lacks a value: it is "missing" (or "suppressed"
 * when a child is suppressed), with a note, never a partial sum.
 * Published figures that differ from computed ones are returned as checks.
 */
export function deriveValues(input: DeriveInput): {
  store: ValueStore;
  checks: AggregationCheck[];
  protection?: ProtectionCounts | undefined;
} {
  const store = new ValueStore();
  for (const c of input.cells) {
    store.set({
      unit: c.unit,
      indicator: c.indicator,
      year: c.year,
      status: c.status,
      value: c.value,
      method: 'published',
      date: c.date,
      origin: c.origin,
      suppression: c.status === 'suppressed' ? 'source' : undefined,
    });
  }
  const unitsByLevel = new Map<string, Unit[]>();
  for (const u of input.units) {
    const list = unitsByLevel.get(u.level);
    if (list) list.push(u);
    else unitsByLevel.set(u.level, [u]);
  }
  const children = childGroups(input.units, input.levelOrder);
  const topUnits = unitsByLevel.get(input.levelOrder[0] ?? '') ?? [];
  children.set(CITY, [topUnits.map((u) => u.id)]);
  // Parents from the finest level upwards, then the city, so sums build on sums.
  const parentsBottomUp: string[] = [];
  for (const level of [...input.levelOrder].reverse())
    for (const u of unitsByLevel.get(level) ?? []) if (children.has(u.id)) parentsBottomUp.push(u.id);
  parentsBottomUp.push(CITY);

  const checks: AggregationCheck[] = [];
  const publishedRates: Cell[] = [];
  for (const ind of input.indicators) {
    if (ind.type === 'count') {
      for (const year of store.years(ind.id)) {
        for (const parent of parentsBottomUp) {
          if (store.get(ind.id, parent, year)) continue;
          const sum = sumChildGroups(store, ind.id, year, children.get(parent) ?? []);
          if (sum) store.set({ unit: parent, ...sum, indicator: ind.id, year });
        }
      }
    }
  }
  for (const ind of input.indicators) {
    if (ind.type !== 'rate' || !ind.numerator || !ind.denominator) continue;
    const years = new Set([...store.years(ind.numerator), ...store.years(ind.denominator)]);
    const unitIds = [...input.units.map((u) => u.id), CITY];
    for (const year of [...years].sort((a, b) => a - b)) {
      for (const unit of unitIds) {
        const v = ratio(store.get(ind.numerator, unit, year), store.get(ind.denominator, unit, year), ind.factor);
        if (!v) continue;
        const published = store.get(ind.id, unit, year);
        // Counts without a number (missing or suppressed) compute nothing: a published rate stands.
        if (published && (v.status === 'missing' || v.status === 'suppressed')) continue;
        if (published?.origin && hasNumber(published)) {
          publishedRates.push({
            unit,
            indicator: ind.id,
            year,
            status: published.status,
            value: published.value,
            raw: '',
            origin: published.origin,
          });
        }
        const date = sharedDate([store.get(ind.numerator, unit, year), store.get(ind.denominator, unit, year)]);
        store.set({ unit, indicator: ind.id, year, method: 'ratio', date, ...v });
      }
    }
  }
  for (const c of [...(input.checkCells ?? []), ...publishedRates]) {
    const v = store.get(c.indicator, c.unit, c.year);
    if (c.value === undefined || !hasNumber(v)) continue;
    const diff = v.value - c.value;
    checks.push({
      unit: c.unit,
      indicator: c.indicator,
      year: c.year,
      published: c.value,
      computed: v.value,
      diff,
      origin: c.origin,
    });
  }
  const protection = input.smallNumbers
    ? protectSmallNumbers({ store, indicators: input.indicators, children, smallNumbers: input.smallNumbers })
    : undefined;
  return { store, checks, protection };
}

/**
 * The reference date of a value derived from `inputs`: the one date all present inputs share; undefined when they
 * have none or differ (a sum over values of different Stichtage has no single one).
 */
function sharedDate(inputs: readonly (Value | undefined)[]): string | undefined {
  let date: string | undefined;
  for (const v of inputs) {
    if (!v) continue;
    if (v.date === undefined || (date !== undefined && v.date !== date)) return undefined;
    date = v.date;
  }
  return date;
}

/**
 * Children per parent, one list per child level in `levelOrder` (a Bezirk has Bezirksregionen until 2020 and
 * Prognoseräume from 2021: two lists, each a complete set of parts).
 */
export function childGroups(units: readonly Unit[], levelOrder: readonly string[]): Map<string, string[][]> {
  const byLevel = new Map<string, Map<string, string[]>>();
  for (const u of units) {
    if (u.parent === undefined) continue;
    let m = byLevel.get(u.level);
    if (!m) byLevel.set(u.level, (m = new Map()));
    const list = m.get(u.parent);
    if (list) list.push(u.id);
    else m.set(u.parent, [u.id]);
  }
  const out = new Map<string, string[][]>();
  for (const level of levelOrder)
    for (const [parent, kids] of byLevel.get(level) ?? []) {
      const groups = out.get(parent);
      if (groups) groups.push(kids);
      else out.set(parent, [kids]);
    }
  return out;
}

/**
 * A parent's sum from the first list of children that gives a number (children of two schemes rarely both have a
 * value in one year); else the first list that has any value (its status says why there is no sum).
 */
function sumChildGroups(
  store: ValueStore,
  indicator: string,
  year: number,
  groups: readonly (readonly string[])[],
): Omit<Value, 'unit' | 'indicator' | 'year'> | undefined {
  let first: Omit<Value, 'unit' | 'indicator' | 'year'> | undefined;
  for (const kids of groups) {
    const found = sumChildren(store, indicator, year, kids);
    // A sum describes the Stichtag its parts share (none when they differ).
    const sum = found && { ...found, date: sharedDate(kids.map((k) => store.get(indicator, k, year))) };
    if (sum && (sum.status === 'value' || sum.status === 'zero')) return sum;
    first ??= sum;
  }
  return first;
}

function sumChildren(
  store: ValueStore,
  indicator: string,
  year: number,
  kids: readonly string[],
): Omit<Value, 'unit' | 'indicator' | 'year'> | undefined {
  if (kids.length === 0) return undefined;
  let sum = 0;
  let missing = 0;
  let suppressed = 0;
  let notApplicable = 0;
  let seen = 0;
  for (const k of kids) {
    const v = store.get(indicator, k, year);
    if (v) seen++;
    if (hasNumber(v)) sum += v.value;
    else if (v?.status === 'suppressed') suppressed++;
    else if (v?.status === 'notApplicable') notApplicable++;
    else missing++;
  }
  if (seen === 0) return undefined; // no child has this indicator in this year: nothing to derive
  if (suppressed > 0)
    return {
      status: 'suppressed',
      method: 'sum',
      note: `${suppressed} von ${kids.length} Teilgebieten geheim gehalten`,
      suppression: 'source',
    };
  if (missing > 0)
    return { status: 'missing', method: 'sum', note: `${missing} von ${kids.length} Teilgebieten ohne Wert` };
  // "x" everywhere is not "nothing there" (DIN 55301): the sum is not applicable either, not 0.
  if (notApplicable === kids.length)
    return {
      status: 'notApplicable',
      method: 'sum',
      note: `${notApplicable} von ${kids.length} Teilgebieten nicht sinnvoll`,
    };
  return { status: sum === 0 ? 'zero' : 'value', value: sum, method: 'sum' };
}

function ratio(
  num: Value | undefined,
  den: Value | undefined,
  factor: number,
): Pick<Value, 'status' | 'value' | 'note' | 'suppression'> | undefined {
  if (!num || !den) return undefined;
  if (num.status === 'suppressed' || den.status === 'suppressed')
    return { status: 'suppressed', note: 'Zähler oder Nenner geheim gehalten', suppression: 'source' };
  if (!hasNumber(num) || !hasNumber(den)) return { status: 'missing', note: 'Zähler oder Nenner ohne Wert' };
  if (den.value === 0) return { status: 'notApplicable', note: 'Nenner ist 0' };
  const value = (num.value / den.value) * factor;
  return { status: value === 0 ? 'zero' : 'value', value };
}
