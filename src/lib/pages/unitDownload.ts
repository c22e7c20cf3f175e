import type { Indicator, Source } from '../../schemas/atlasConfig.ts';
import { describeBreak } from '../indicators/describe.ts';
import { CITY } from '../indicators/store.ts';
import { statusReasonCode, statusSymbol } from '../indicators/suppress.ts';
import { pick } from '../i18n.ts';
import type { UnitPageData } from './model.ts';

/** One row of a unit's download (`/data/units/<id>.csv` and `.json`): one value of one indicator in one year. */
export interface UnitDownloadRow {
  unit_id: string;
  unit_name: string;
  level: string;
  indicator_id: string;
  indicator: string;
  /** The edition. */
  year: number;
  /** The reference date (Stichtag) of the value, YYYY-MM-DD; "" when the table declares none. */
  date: string;
  value: number | '';
  status: string;
  /** DIN 55301 symbol of a value without a number ("." suppressed, "-" zero, "x" not applicable, "/" too few); "" for a number. */
  symbol: string;
  /** Who suppressed and why (`source`, `min_count`, `secondary`, `numerator_suppressed`, `min_denominator`); "" otherwise. */
  status_reason: string;
  unit: string;
  /** The break between the previous row of this indicator and this one ("Methodenwechsel 2017: …"), else "". */
  break_before: string;
  /** `definition`, `method`, `boundary` or `source` when `break_before` is set, else "". */
  break_kind: string;
  /** The value of the unit's parent in the same year ("" where none is published). */
  parent_value: number | '';
  city_value: number | '';
  source: string;
  licence: string;
}

/**
 * The download rows of a unit page (German labels, as the CSV's other texts): every value with its Stichtag and the
 * break before it, so a download never joins values across a break without saying so.
 */
export function unitDownloadRows(
  page: Pick<UnitPageData, 'unit' | 'series' | 'comparison'>,
  indicators: ReadonlyMap<string, Indicator>,
  sources: ReadonlyMap<string, Pick<Source, 'publisher' | 'licence'>>,
): UnitDownloadRow[] {
  const parentId = page.comparison.find((c) => c.role === 'parent')?.id;
  return page.series.flatMap((s) => {
    const ind = indicators.get(s.indicator);
    const src = ind ? sources.get(ind.source) : undefined;
    const parentAt = parentId === undefined ? -1 : s.comparison.indexOf(parentId);
    const cityAt = s.comparison.indexOf(CITY);
    return s.rows.map((r) => ({
      unit_id: page.unit.id,
      unit_name: page.unit.name,
      level: page.unit.level,
      indicator_id: s.indicator,
      indicator: pick(ind?.label, 'de'),
      year: r.year,
      date: r.date ?? '',
      value: r.value ?? '',
      status: r.status,
      symbol: statusSymbol(r),
      status_reason: statusReasonCode(r),
      unit: pick(ind?.unit, 'de'),
      break_before: r.breakBefore ? `${describeBreak(r.breakBefore, 'de')}: ${r.breakBefore.text.de}` : '',
      break_kind: r.breakBefore?.kind ?? '',
      parent_value: (parentAt >= 0 ? r.comparison[parentAt]?.value : undefined) ?? '',
      city_value: (cityAt >= 0 ? r.comparison[cityAt]?.value : undefined) ?? '',
      source: src?.publisher ?? '',
      licence: src?.licence ?? '',
    }));
  });
}
