import type { Indicator, SmallNumbers } from '../../schemas/atlasConfig.ts';
import { t } from '../i18n.ts';
import type { Lang } from '../format.ts';
import { hasNumber, type Value, type ValueStore } from './store.ts';

/**
 * Small-number protection (RELIABILITY 3.1, 3.2), applied once to all values of an atlas after they are derived, so
 * every output (pages, maps, ranks, downloads) shows the same cells as suppressed.
 *
 * A suppressed value keeps the status `suppressed` (DIN 55301 "."; no number is published) and says why in
 * `suppression`, so the publisher's own suppressed cells and the atlas's protection read differently:
 * - `source`: the publisher suppressed the cell, or a figure computed from such a cell (a sum, a rate);
 * - `minCount`: a count from 1 to below the minimum count (primary suppression);
 * - `secondary`: suppressed so that another suppressed count cannot be recovered by subtraction from a total (a total
 *   with exactly one suppressed part gets a second one, the smallest; a suppressed total whose parts are all shown
 *   gets one part suppressed);
 * - `numerator`: a rate whose numerator or denominator the atlas suppressed (else the count is rate × denominator);
 * - `minDenominator`: a rate whose denominator is below the minimum denominator: not shown and not ranked, because
 *   it says too little (DIN 55301 "/": "nicht sicher genug").
 * Missing (`missing`), zero (`zero`) and not applicable (`notApplicable`) are never suppression.
 */
export type SuppressionReason = 'source' | 'minCount' | 'secondary' | 'numerator' | 'minDenominator';

/** Every reason, in the order of the texts on pages. */
export const SUPPRESSION_REASONS: readonly SuppressionReason[] = [
  'source',
  'minCount',
  'secondary',
  'numerator',
  'minDenominator',
];

/** The input of {@link protectSmallNumbers}. */
export interface ProtectionInput {
  store: ValueStore;
  indicators: readonly Indicator[];
  /**
   * Totals and their parts across units: parent id (and the city) → one list of child ids per child level (a unit with
   * children in two boundary schemes has two lists; each forms its own total).
   */
  children: ReadonlyMap<string, readonly (readonly string[])[]>;
  smallNumbers: SmallNumbers;
}

/** How many values each rule suppressed (for the data report). */
export interface ProtectionCounts {
  minCount: number;
  secondary: number;
  numerator: number;
  minDenominator: number;
}

/** A total and its parts, as store keys. */
interface Relation {
  total: [indicator: string, unit: string, year: number];
  parts: [indicator: string, unit: string, year: number][];
}

/** True when a value is suppressed (by the source or by the atlas). */
export function isSuppressed(v: Pick<Value, 'status'> | undefined): boolean {
  return v?.status === 'suppressed';
}

/**
 * Applies the protection to `store` in place: primary suppression of small counts, secondary suppression until no
 * total reveals a suppressed part, then rates (numerator or denominator suppressed; denominator below the minimum).
 * Sums and rates were computed from the unprotected counts before, so a shown total is the true total.
 */
export function protectSmallNumbers(i: ProtectionInput): ProtectionCounts {
  const { store } = i;
  const counts: ProtectionCounts = { minCount: 0, secondary: 0, numerator: 0, minDenominator: 0 };
  const suppress = (v: Value, reason: SuppressionReason) => {
    store.set({ ...v, status: 'suppressed', value: undefined, suppression: reason });
    if (reason !== 'source') counts[reason]++;
  };
  // Rates below the minimum denominator, judged on the true denominators before any count is suppressed.
  const tooSmall: Value[] = [];
  for (const ind of i.indicators) {
    const min = ind.minDenominator ?? i.smallNumbers.minDenominator;
    if (ind.type !== 'rate' || !ind.denominator || min === undefined) continue;
    for (const year of store.years(ind.id))
      for (const v of store.valuesOf(ind.id, year)) {
        const den = store.get(ind.denominator, v.unit, year);
        if (hasNumber(v) && v.method === 'ratio' && hasNumber(den) && den.value < min) tooSmall.push(v);
      }
  }
  // Primary suppression.
  const countIndicators = i.indicators.filter((ind) => ind.type === 'count');
  for (const ind of countIndicators) {
    const min = ind.minCount ?? i.smallNumbers.minCount;
    for (const year of store.years(ind.id))
      for (const v of store.valuesOf(ind.id, year))
        if (hasNumber(v) && v.value > 0 && v.value < min) suppress(v, 'minCount');
  }
  // Secondary suppression, until no relation changes.
  const relations = relationsOf(i, countIndicators);
  for (let changed = true; changed;) {
    changed = false;
    for (const r of relations) {
      const total = store.get(...r.total);
      if (!total) continue;
      const parts = r.parts.map((k) => store.get(...k)).filter((v): v is Value => v !== undefined);
      if (parts.length !== r.parts.length) continue;
      const hidden = parts.filter(isSuppressed).length;
      if (hasNumber(total) && hidden === 1) {
        const complement = smallestShown(parts);
        suppress(complement ?? total, 'secondary');
        changed = true;
      } else if (isSuppressed(total) && hidden === 0 && parts.every(hasNumber)) {
        const complement = smallestShown(parts);
        if (complement) {
          suppress(complement, 'secondary');
          changed = true;
        }
      }
    }
  }
  for (const v of tooSmall) {
    const current = store.get(v.indicator, v.unit, v.year);
    if (hasNumber(current)) suppress(current, 'minDenominator');
  }
  // Rates whose numerator or denominator is suppressed.
  for (const ind of i.indicators) {
    if (ind.type !== 'rate' || !ind.numerator || !ind.denominator) continue;
    for (const year of store.years(ind.id))
      for (const v of store.valuesOf(ind.id, year)) {
        if (!hasNumber(v) || v.method !== 'ratio') continue;
        const num = store.get(ind.numerator, v.unit, year);
        const den = store.get(ind.denominator, v.unit, year);
        const hiddenBy = [num, den].find(isSuppressed);
        if (hiddenBy) suppress(v, hiddenBy.suppression === 'source' ? 'source' : 'numerator');
      }
  }
  return counts;
}

/** The shown part with the smallest number (preferring a positive one): the complement to suppress. */
function smallestShown(parts: readonly Value[]): Value | undefined {
  const shown = parts.filter(hasNumber);
  const positive = shown.filter((v) => v.value > 0);
  const pool = positive.length > 0 ? positive : shown;
  let best: (Value & { value: number }) | undefined;
  for (const v of pool) if (!best || v.value < best.value) best = v;
  return best;
}

/** Totals and parts: every parent over each of its child lists, and every declared partition (`parts`). */
function relationsOf(i: ProtectionInput, counts: readonly Indicator[]): Relation[] {
  const out: Relation[] = [];
  for (const ind of counts) {
    for (const year of i.store.years(ind.id)) {
      for (const [parent, groups] of i.children) {
        if (!i.store.get(ind.id, parent, year)) continue;
        for (const group of groups) {
          const present = group.filter((c) => i.store.get(ind.id, c, year) !== undefined);
          if (present.length === 0) continue;
          out.push({ total: [ind.id, parent, year], parts: present.map((c) => [ind.id, c, year]) });
        }
      }
      if (!ind.parts) continue;
      for (const v of i.store.valuesOf(ind.id, year)) {
        const parts = ind.parts.map((p): [string, string, number] => [p, v.unit, year]);
        if (parts.every((k) => i.store.get(...k) !== undefined)) out.push({ total: [ind.id, v.unit, year], parts });
      }
    }
  }
  return out;
}

/** DIN 55301 symbol of a value's status: "" for a number, "-" nothing (zero), "." unknown or secret, "/" not reliable enough, "x" not applicable. */
export function statusSymbol(v: Pick<Value, 'status' | 'suppression'> | undefined): string {
  switch (v?.status) {
    case 'value':
      return '';
    case 'zero':
      return '-';
    case 'notApplicable':
      return 'x';
    case 'suppressed':
      return v.suppression === 'minDenominator' ? '/' : '.';
    default:
      return '.';
  }
}

/** The reason as written in downloads (`status_reason`): snake case of {@link SuppressionReason}, "" when none. */
export function statusReasonCode(v: Pick<Value, 'status' | 'suppression'> | undefined): string {
  if (v?.status !== 'suppressed') return '';
  switch (v.suppression) {
    case 'minCount':
      return 'min_count';
    case 'secondary':
      return 'secondary';
    case 'numerator':
      return 'numerator_suppressed';
    case 'minDenominator':
      return 'min_denominator';
    default:
      return 'source';
  }
}

/** The accessible text of a suppressed value in `lang`, naming who suppressed it and why. */
export function suppressionText(reason: SuppressionReason | undefined, lang: Lang): string {
  switch (reason) {
    case 'minCount':
      return t(lang, 'suppressedMinCount');
    case 'secondary':
      return t(lang, 'suppressedSecondary');
    case 'numerator':
      return t(lang, 'suppressedNumerator');
    case 'minDenominator':
      return t(lang, 'suppressedMinDenominator');
    default:
      return t(lang, 'suppressedSource');
  }
}
