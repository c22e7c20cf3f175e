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
  /** Every value in the order it was first set (what `values()` returns). */
  private readonly byKey = new Map<string, Value>();
  /**
   * Indicator → year → unit → value, for lookups without building a key string: a build looks values up tens of
   * millions of times (small-number protection, indicator pages), and the string keys were a tenth of its time.
   */
  private readonly nested = new Map<string, Map<number, Map<string, Value>>>();

  private static key(indicator: string, unit: string, year: number): string {
    return `${indicator}\u0000${unit}\u0000${year}`;
  }

  get(indicator: string, unit: string, year: number): Value | undefined {
    return this.nested.get(indicator)?.get(year)?.get(unit);
  }

  set(v: Value): void {
    this.byKey.set(ValueStore.key(v.indicator, v.unit, v.year), v);
    let years = this.nested.get(v.indicator);
    if (!years) this.nested.set(v.indicator, (years = new Map()));
    let units = years.get(v.year);
    if (!units) years.set(v.year, (units = new Map()));
    units.set(v.unit, v);
  }

  /** The values of one indicator in one year, all units (a new array: setting values while looping over it is safe). */
  valuesOf(indicator: string, year: number): Value[] {
    return [...(this.nested.get(indicator)?.get(year)?.values() ?? [])];
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
      const v = years.get(y)?.get(unit);
      if (v) out.push(v);
    }
    return out;
  }

  get size(): number {
    return this.byKey.size;
  }

  /** A store holding `values`, in their order (that of {@link values} of the store they came from). */
  static from(values: Iterable<Value>): ValueStore {
    const store = new ValueStore();
    for (const v of values) store.set(v);
    return store;
  }

  values(): IterableIterator<Value> {
    return this.byKey.values();
  }
}
