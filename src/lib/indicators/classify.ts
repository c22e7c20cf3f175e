import type { CellStatus, Indicator } from '../../schemas/atlasConfig.ts';
import { roundTo } from '../format.ts';

/**
 * Class breaks for choropleth maps. Quantile classes put about equally many units in each class,
 * which reads well for skewed social data; breaks are rounded to the indicator's decimals and
 * deduplicated, so there may be fewer classes than asked for.
 * @returns ascending inner breaks (k − 1 numbers for k classes)
 */
export function quantileBreaks(values: readonly number[], k: number, decimals: number): number[] {
  const v = values
    .filter(Number.isFinite)
    .slice()
    .sort((a, b) => a - b);
  if (v.length === 0 || k < 2) return [];
  const f = 10 ** decimals;
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) {
    const q = quantileSorted(v, i / k);
    const r = Math.round(q * f) / f;
    if (breaks.length === 0 || r > (breaks[breaks.length - 1] as number)) breaks.push(r);
  }
  // A break equal to the minimum would leave the first class empty.
  return breaks.filter((b) => b > (v[0] as number));
}

/** Index of the class of `value` given ascending breaks: values below breaks[0] → 0; equal to a break → upper class. */
export function classOf(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= (breaks[i] as number)) i++;
  return i;
}

/** Linear-interpolated quantile (R-7, as d3.quantileSorted). */
function quantileSorted(v: readonly number[], p: number): number {
  const h = (v.length - 1) * p;
  const lo = Math.floor(h);
  const a = v[lo] as number;
  const b = v[Math.min(lo + 1, v.length - 1)] as number;
  return a + (b - a) * (h - lo);
}

// ---------------------------------------------------------------------------------------------------------------
// One bin list for map and legend (the way OWID's ColorScale does it, see MODELS.md (c)).

/** The statuses of a cell without a number; each gets its own bin (a hatching on maps, never a scale colour). */
export type NonValueStatus = 'missing' | 'suppressed' | 'notApplicable';
/** Their order in legends and tables. */
export const NON_VALUE_STATUSES: readonly NonValueStatus[] = ['missing', 'suppressed', 'notApplicable'];

/** Number of classes asked for on numeric indicators (quintiles). */
export const QUANTILE_CLASSES = 5;

/**
 * A bin of values. Numeric bins (`quantile`) hold the values from `min` up to but not including `max`; the last bin
 * includes its `max` ("12,5 bis unter 20,0", last "20,0 bis 31,4"). Class bins (`classes`) hold the one code `min`
 * (= `max` = `classValue`).
 */
export interface ValueBin {
  /** Position on the scale, 0 = lowest values. */
  index: number;
  /** Lower bound (inclusive), rounded to the indicator's decimals. */
  min: number;
  /** Upper bound: exclusive, except in the last bin (inclusive). */
  max: number;
  /** True for the last numeric bin, whose upper bound is included. */
  closedMax: boolean;
  /** Class indicators: the class code of this bin. */
  classValue?: number | undefined;
  /** Fill of the bin from the palette. */
  color: string;
  /** Units in this bin. */
  count: number;
}

/** The bin of one non-value status. */
export interface StatusBin {
  status: NonValueStatus;
  count: number;
}

/** Where one value falls: a value bin by index, or a status bin. */
export type BinRef = { kind: 'value'; index: number } | { kind: 'status'; status: NonValueStatus };

/** The bins of one map: value bins low → high, then the three status bins (always all three, counts may be 0). */
export interface ColorScale {
  /** `quantile`: numeric classes of about equal size; `classes`: one bin per class of a class indicator. */
  method: 'quantile' | 'classes';
  bins: ValueBin[];
  statusBins: StatusBin[];
  /** Decimals the values are rounded to before they are binned (as displayed). */
  decimals: number;
}

/** A value as it goes into a scale: its status and, for `value`/`zero`, the number. */
export interface BinInput {
  status: CellStatus;
  value?: number | undefined;
}

/**
 * The bin of one value: a class bin by its code, a numeric bin by the value rounded to the indicator's decimals (so
 * a unit shown as "12,5" is never drawn in the class "bis unter 12,5"), or the bin of its status. `undefined` (no
 * entry at all) counts as missing; a class code that is not among the classes counts as missing too.
 */
export function binOf(scale: ColorScale, v: BinInput | undefined): BinRef {
  const status = v?.status ?? 'missing';
  if (status === 'suppressed' || status === 'notApplicable' || status === 'missing') return { kind: 'status', status };
  const value = status === 'zero' ? 0 : v?.value;
  if (value === undefined || !Number.isFinite(value)) return { kind: 'status', status: 'missing' };
  if (scale.method === 'classes') {
    const bin = scale.bins.find((b) => b.classValue === value);
    return bin ? { kind: 'value', index: bin.index } : { kind: 'status', status: 'missing' };
  }
  if (scale.bins.length === 0) return { kind: 'status', status: 'missing' };
  const x = roundTo(value, scale.decimals);
  let i = 0;
  while (i < scale.bins.length - 1 && x >= (scale.bins[i + 1] as ValueBin).min) i++;
  return { kind: 'value', index: i };
}

/**
 * Builds the scale of one map from the values of all its units (`undefined` = no entry = missing) and counts every
 * bin. Numeric indicators: quintiles of the values rounded to the indicator's decimals ({@link quantileBreaks}),
 * fewer bins when values tie. Class indicators: one bin per configured class, in ascending code order, also when
 * no unit has that class. `palette(k)` gives k colours, lowest first.
 */
export function buildColorScale(
  ind: Pick<Indicator, 'type' | 'classes' | 'decimals'>,
  values: readonly (BinInput | undefined)[],
  palette: (k: number) => readonly string[],
): ColorScale {
  const numbers = values.flatMap((v) =>
    v && (v.status === 'value' || v.status === 'zero') && (v.status === 'zero' || Number.isFinite(v.value))
      ? [roundTo(v.status === 'zero' ? 0 : (v.value as number), ind.decimals)]
      : [],
  );
  let bins: ValueBin[];
  let method: ColorScale['method'];
  if (ind.type === 'class') {
    method = 'classes';
    const classes = [...(ind.classes ?? [])].sort((a, b) => a.value - b.value);
    const colors = palette(classes.length);
    bins = classes.map((c, index) => ({
      index,
      min: c.value,
      max: c.value,
      closedMax: true,
      classValue: c.value,
      color: colors[index] ?? '#000',
      count: 0,
    }));
  } else {
    method = 'quantile';
    if (numbers.length === 0) bins = [];
    else {
      const breaks = quantileBreaks(numbers, QUANTILE_CLASSES, ind.decimals);
      const lo = Math.min(...numbers);
      const hi = Math.max(...numbers);
      const bounds = [lo, ...breaks, hi];
      const colors = palette(breaks.length + 1);
      bins = breaks.concat([hi]).map((max, index) => ({
        index,
        min: bounds[index] as number,
        max,
        closedMax: index === breaks.length,
        color: colors[index] ?? '#000',
        count: 0,
      }));
    }
  }
  const scale: ColorScale = {
    method,
    bins,
    statusBins: NON_VALUE_STATUSES.map((status) => ({ status, count: 0 })),
    decimals: ind.decimals,
  };
  for (const v of values) {
    const ref = binOf(scale, v);
    if (ref.kind === 'value') (scale.bins[ref.index] as ValueBin).count++;
    else (scale.statusBins.find((b) => b.status === ref.status) as StatusBin).count++;
  }
  return scale;
}
