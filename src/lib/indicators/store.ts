import type { CellStatus } from '../../schemas/atlasConfig.ts';
import type { Origin } from '../types.ts';
import type { SuppressionReason } from './suppress.ts';

/** Unit key for the whole city (the sum or ratio over all top-level units). */
export const CITY = '*';

/** How a value came about (`index`: computed by a composite index, see compositeIndex.ts). */
export type Method = 'published' | 'sum' | 'ratio' | 'index';

/** One value of the atlas: a published cell or a derived figure, always with a status. */
export interface Value {
  unit: string;
  indicator: string;
  year: number;
  status: CellStatus;
  value?: number | undefined;
  method: Method;
  /** Reference date (Stichtag), YYYY-MM-DD: the cell's, or for a derived value the one date all its inputs share. */
  date?: string | undefined;
  /** The source cell for published values. */
  origin?: Origin | undefined;
  /** Why a derived value is missing, e.g. "2 von 9 Teilgebieten ohne Wert". */
  note?: string | undefined;
  /** For `suppressed`: by whom and why (see suppress.ts); undefined = by the source. */
  suppression?: SuppressionReason | undefined;
}

/** True when a value carries a number (status value or zero). */
export function hasNumber(v: Value | undefined): v is Value & { value: number } {
  return v !== undefined && (v.status === 'value' || v.status === 'zero') && v.value !== undefined;
}

/** All values of an atlas, addressed by indicator, unit and year. */
export class ValueStore {
  /** Every value in the order it was first set (what `values()` returns); a value set again takes its place. */
  private readonly order: Value[] = [];
  /**
   * Indicator → year → unit → position in `order`, for lookups without building a key string: a build looks values
   * up tens of millions of times (small-number protection, indicator pages), and string keys were a tenth of its
   * time. Positions instead of a second map by key string: at 5,000 units and 30 indicators over 10 years a store
   * holds millions of values, and a key string for each held a fifth of the build's memory.
   */
  private readonly nested = new Map<string, Map<number, Map<string, number>>>();

  get(indicator: string, unit: string, year: number): Value | undefined {
    const i = this.nested.get(indicator)?.get(year)?.get(unit);
    return i === undefined ? undefined : this.order[i];
  }

  set(v: Value): void {
    let years = this.nested.get(v.indicator);
    if (!years) this.nested.set(v.indicator, (years = new Map()));
    let units = years.get(v.year);
    if (!units) years.set(v.year, (units = new Map()));
    const i = units.get(v.unit);
    if (i === undefined) {
      units.set(v.unit, this.order.length);
      this.order.push(v);
    } else this.order[i] = v;
  }

  /** The values of one indicator in one year, all units (a new array: setting values while looping over it is safe). */
  valuesOf(indicator: string, year: number): Value[] {
    const units = this.nested.get(indicator)?.get(year);
    return units ? [...units.values()].map((i) => this.order[i] as Value) : [];
  }

  /** Years in which an indicator has any value, ascending. */
  years(indicator: string): number[] {
    return [...(this.nested.get(indicator)?.keys() ?? [])].sort((a, b) => a - b);
  }

  /** The values of one unit and indicator over all years, ascending by year. */
  series(indicator: string, unit: string): Value[] {
    const years = this.nested.get(indicator);
    if (!years) return [];
    const out: Value[] = [];
    for (const y of this.years(indicator)) {
      const i = years.get(y)?.get(unit);
      if (i !== undefined) out.push(this.order[i] as Value);
    }
    return out;
  }

  get size(): number {
    return this.order.length;
  }

  /** A store holding `values`, in their order (that of {@link values} of the store they came from). */
  static from(values: Iterable<Value>): ValueStore {
    const store = new ValueStore();
    for (const v of values) store.set(v);
    return store;
  }

  values(): IterableIterator<Value> {
    return this.order.values();
  }
}
