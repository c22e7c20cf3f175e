import type { CellStatus } from '../../schemas/atlasConfig.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import type { CompositeIndex, ThresholdRule } from '../../schemas/compositeIndex.ts';

/**
 * Composite indices, computed (pure): z-scores over the units of one level, combined by a (weighted) mean,
 * standardised again and sorted into classes by thresholds; agreement with a published classification.
 *
 * Method as in Berlin's Monitoring Soziale Stadtentwicklung (MSS), see docs/atlas-folder.md 4.9:
 * z = (x − mean) / sd over the units with every input present (each unit counts once, unweighted; population sd
 * unless configured otherwise). A unit lacking an input is never classified on partial data: it is left out of
 * the universe (also of means and standard deviations) and reported.
 */

/** An edition's method with every setting resolved (index-level defaults applied). */
export interface ResolvedEdition {
  year: number;
  inputs: { indicator: string; weight: number; invert: boolean }[];
  combine: 'mean' | 'weightedMean';
  restandardise: boolean;
  standardDeviation: 'population' | 'sample';
  /** Strictly increasing. */
  thresholds: number[];
  /** One rule per threshold. */
  rules: ThresholdRule[];
  compareWith?: string | undefined;
  note?: LocalizedText | undefined;
}

/**
 * The editions of a computed index with the index-level settings filled in where an edition gives none
 * (defaults: `mean`, restandardise, population sd). Assumes a config that passed `checkIndexConfig`
 * (thresholds and a rule exist); ascending by year.
 */
export function resolveEditions(index: CompositeIndex): ResolvedEdition[] {
  return (index.editions ?? [])
    .map((e): ResolvedEdition => {
      const combine = e.combine ?? index.combine ?? 'mean';
      const thresholds = e.thresholds ?? index.thresholds ?? [];
      const rule = e.atThreshold ?? index.atThreshold ?? 'above';
      return {
        year: e.year,
        inputs: e.inputs.map((i) => ({
          indicator: i.indicator,
          weight: combine === 'weightedMean' ? (i.weight ?? 1) : 1,
          invert: i.invert ?? false,
        })),
        combine,
        restandardise: e.restandardise ?? index.restandardise ?? true,
        standardDeviation: e.standardDeviation ?? index.standardDeviation ?? 'population',
        thresholds,
        rules: typeof rule === 'string' ? thresholds.map(() => rule) : rule,
        compareWith: e.compareWith ?? index.compareWith,
        note: e.note,
      };
    })
    .sort((a, b) => a.year - b.year);
}

/** Mean and standard deviation of numbers; `sample` divides by n − 1. Undefined for fewer than 2 numbers. */
export function meanAndSd(
  values: readonly number[],
  sd: 'population' | 'sample' = 'population',
): { mean: number; sd: number } | undefined {
  const n = values.length;
  if (n < 2) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / (sd === 'sample' ? n - 1 : n)) };
}

/**
 * z-scores (x − mean) / sd of `values`, in their order. Undefined when they cannot be standardised: fewer than
 * two values, or all equal (sd 0).
 * @example zScores([1, 2, 3]) → [−1.2247…, 0, 1.2247…] (population sd √(2/3))
 */
export function zScores(values: readonly number[], sd: 'population' | 'sample' = 'population'): number[] | undefined {
  const s = meanAndSd(values, sd);
  if (!s || !(s.sd > 0)) return undefined;
  return values.map((v) => (v - s.mean) / s.sd);
}

/**
 * Combines per input z-scores (`columns[k][u]` = input k, unit u) into one value per unit:
 * Σ wₖ·zₖ / Σ wₖ (equal weights give the plain mean).
 */
export function combineScores(columns: readonly (readonly number[])[], weights: readonly number[]): number[] {
  const n = columns[0]?.length ?? 0;
  const total = weights.reduce((a, b) => a + b, 0);
  const out = new Array<number>(n).fill(0);
  columns.forEach((col, k) => {
    const w = weights[k] ?? 1;
    for (let u = 0; u < n; u++) out[u] = (out[u] as number) + w * (col[u] as number);
  });
  return out.map((v) => v / total);
}

/**
 * The class of `z` (0-based) for ascending `thresholds`: the number of thresholds it lies above; a value exactly at
 * threshold j counts as above it when `rules[j]` is `above`, else as below.
 * @example classify(1, [-1, 1, 1.5], ['above', 'below', 'below']) → 1 (exactly +1.0 stays in the middle class)
 */
export function classify(z: number, thresholds: readonly number[], rules: readonly ThresholdRule[]): number {
  let cls = 0;
  thresholds.forEach((t, j) => {
    if (z > t || (z === t && rules[j] === 'above')) cls = j + 1;
  });
  return cls;
}

/** A cell as the index sees it: a status, and a number for `value` and `zero`. */
export interface InputCell {
  status: CellStatus;
  value?: number | undefined;
}

/** Why a unit is not classified: the inputs it lacks, with their status (`absent`: no cell at all). */
export interface UnclassifiedUnit {
  unit: string;
  /** notApplicable if any input is not applicable, else suppressed if any is suppressed, else missing. */
  status: 'missing' | 'suppressed' | 'notApplicable';
  lacking: { indicator: string; status: CellStatus | 'absent' }[];
}

/** The status of a unit left unclassified: notApplicable if an input is, else suppressed if one is, else missing. */
export function unclassifiedStatus(lacking: UnclassifiedUnit['lacking']): UnclassifiedUnit['status'] {
  if (lacking.some((l) => l.status === 'notApplicable')) return 'notApplicable';
  if (lacking.some((l) => l.status === 'suppressed')) return 'suppressed';
  return 'missing';
}

/** One edition of a computed index. */
export interface EditionComputation {
  year: number;
  /** Units with every input present: the units standardised over and classified, in the order given. */
  universe: string[];
  /** Per universe unit: the final z-score and its class (0-based). */
  classified: { unit: string; z: number; cls: number }[];
  unclassified: UnclassifiedUnit[];
  /** Mean and sd per input over the universe (before inverting). */
  inputStats: { indicator: string; mean: number; sd: number }[];
  /** Units per class (0-based index), classified units only. */
  classCounts: number[];
  /** The classified unit whose final z-score lies closest to a threshold (how close a tie came). */
  nearest?: { unit: string; z: number; threshold: number } | undefined;
  /** Set when nothing could be classified: too few units, or an input (or the combined value) without spread. */
  failure?: { reason: 'tooFewUnits' } | { reason: 'noSpread'; indicator?: string | undefined } | undefined;
}

function isNumber(c: InputCell | undefined): c is InputCell & { value: number } {
  return c !== undefined && (c.status === 'value' || c.status === 'zero') && typeof c.value === 'number';
}

/**
 * Computes one edition over `units` (the units of the index's level): universe, z-scores, classes, and the units
 * left unclassified with their reasons. `lookup(indicator, unit)` gives the input cells of the edition's year.
 */
export function computeEdition(
  units: readonly string[],
  lookup: (indicator: string, unit: string) => InputCell | undefined,
  e: ResolvedEdition,
): EditionComputation {
  const universe: string[] = [];
  const unclassified: UnclassifiedUnit[] = [];
  const columns: number[][] = e.inputs.map(() => []);
  for (const unit of units) {
    const cells = e.inputs.map((i) => lookup(i.indicator, unit));
    if (cells.every(isNumber)) {
      universe.push(unit);
      cells.forEach((c, k) => columns[k]?.push(c.status === 'zero' ? 0 : c.value));
      continue;
    }
    const lacking = e.inputs
      .map((i, k) => ({ indicator: i.indicator, cell: cells[k] }))
      .filter((x) => !isNumber(x.cell))
      .map((x) => ({ indicator: x.indicator, status: x.cell?.status ?? ('absent' as const) }));
    unclassified.push({ unit, status: unclassifiedStatus(lacking), lacking });
  }
  const classCount = e.thresholds.length + 1;
  const empty = (failure: EditionComputation['failure']): EditionComputation => ({
    year: e.year,
    universe,
    classified: [],
    unclassified,
    inputStats: [],
    classCounts: new Array<number>(classCount).fill(0),
    failure,
  });
  if (universe.length < 2) return empty({ reason: 'tooFewUnits' });
  const inputStats: EditionComputation['inputStats'] = [];
  const zColumns: number[][] = [];
  for (const [k, input] of e.inputs.entries()) {
    const col = columns[k] ?? [];
    const stats = meanAndSd(col, e.standardDeviation);
    const z = zScores(col, e.standardDeviation);
    if (!stats || !z) return empty({ reason: 'noSpread', indicator: input.indicator });
    inputStats.push({ indicator: input.indicator, ...stats });
    zColumns.push(input.invert ? z.map((v) => -v) : z);
  }
  const combined = combineScores(
    zColumns,
    e.inputs.map((i) => i.weight),
  );
  const final = e.restandardise ? zScores(combined, e.standardDeviation) : combined;
  if (!final) return { ...empty({ reason: 'noSpread' }), inputStats };
  const classCounts = new Array<number>(classCount).fill(0);
  let nearest: EditionComputation['nearest'];
  const classified = universe.map((unit, u) => {
    const z = final[u] as number;
    const cls = classify(z, e.thresholds, e.rules);
    classCounts[cls] = (classCounts[cls] ?? 0) + 1;
    for (const t of e.thresholds) {
      if (!nearest || Math.abs(z - t) < Math.abs(nearest.z - nearest.threshold)) nearest = { unit, z, threshold: t };
    }
    return { unit, z, cls };
  });
  return { year: e.year, universe, classified, unclassified, inputStats, classCounts, nearest };
}

/** Computed classes against published ones, by class code. */
export interface ClassComparison {
  /** Units with both a computed and a published class. */
  compared: number;
  /** Of those, units whose codes are equal. */
  equal: number;
  /** equal / compared; undefined when nothing was compared. */
  share: number | undefined;
  /** Compared units whose codes differ, by unit id. */
  disagreements: { unit: string; computed: string; published: string }[];
  /** Units with a computed class but no published one, and the other way round, by unit id. */
  computedOnly: { unit: string; computed: string }[];
  publishedOnly: { unit: string; published: string }[];
}

/**
 * Compares computed and published class codes per unit (codes compared after trimming spaces; `+/-` equals
 * ` +/- `). Agreement share = equal / compared.
 */
export function compareClasses(
  computed: ReadonlyMap<string, string>,
  published: ReadonlyMap<string, string>,
): ClassComparison {
  const norm = (s: string) => s.replace(/\s+/g, '');
  const disagreements: ClassComparison['disagreements'] = [];
  const computedOnly: ClassComparison['computedOnly'] = [];
  const publishedOnly: ClassComparison['publishedOnly'] = [];
  let compared = 0;
  let equal = 0;
  for (const [unit, c] of computed) {
    const p = published.get(unit);
    if (p === undefined) {
      computedOnly.push({ unit, computed: c });
      continue;
    }
    compared++;
    if (norm(c) === norm(p)) equal++;
    else disagreements.push({ unit, computed: c, published: p });
  }
  for (const [unit, p] of published) if (!computed.has(unit)) publishedOnly.push({ unit, published: p });
  const byUnit = <T extends { unit: string }>(a: T, b: T) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
  return {
    compared,
    equal,
    share: compared > 0 ? equal / compared : undefined,
    disagreements: disagreements.sort(byUnit),
    computedOnly: computedOnly.sort(byUnit),
    publishedOnly: publishedOnly.sort(byUnit),
  };
}

/**
 * The crossed class of a pair (0-based): class a of the first index and class b of the second, of `countB` classes,
 * make class a·countB + b (status 1 × dynamics 1…3 → 0…2, status 2 → 3…5, …).
 */
export function crossClass(a: number, b: number, countB: number): number {
  return a * countB + b;
}

/**
 * The ids of the indicators an index produces: `<id>-wert` (the final z-score, computed indices only) and
 * `<id>-klasse` (the class). `checkIndexConfig` makes sure they clash with no configured indicator.
 */
export function indexOutputIds(index: { id: string; pair?: readonly string[] | undefined }): {
  value?: string | undefined;
  class: string;
} {
  return { value: index.pair ? undefined : `${index.id}-wert`, class: `${index.id}-klasse` };
}
