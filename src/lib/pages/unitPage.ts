import type { Indicator } from '../../schemas/atlasConfig.ts';
import { renderLocatorMap } from '../charts/locatorMap.ts';
import type { MapFrame } from '../charts/mapFrame.ts';
import { renderTimeSeries } from '../charts/timeSeries.ts';
import { summarizeSeries } from '../indicators/describe.ts';
import { rankDescending } from '../indicators/rank.ts';
import { CITY, hasNumber, type Value, type ValueStore } from '../indicators/store.ts';
import type { Unit } from '../types.ts';
import type { UnitFacilities } from './facilityModel.ts';
import type { KeyFigure, SeriesBlock, UnitPageData, UnitRef } from './model.ts';
import { buildUnitSchemes, groupChildren, type UnitSchemesContext } from './unitSchemes.ts';
import { formatNumber } from '../format.ts';
import { t } from '../i18n.ts';

/** Everything the unit pages of one atlas share. */
export interface UnitPageContext {
  store: ValueStore;
  indicators: readonly Indicator[];
  units: ReadonlyMap<string, Unit>;
  children: ReadonlyMap<string, readonly string[]>;
  /** Unit ids per level, for ranks. */
  unitsByLevel: ReadonlyMap<string, readonly string[]>;
  cityName: { de: string; en: string };
  frame: MapFrame;
  /** Path data per unit id in `frame`. */
  paths: ReadonlyMap<string, string>;
  /** Path data of the top-level units (the city's outline for locator maps). */
  contextPaths: readonly string[];
  document: Document;
  urlOf(unit: Unit): string;
  /** The facility directory's section per unit id, when the atlas has a directory. */
  facilities?: ReadonlyMap<string, UnitFacilities> | undefined;
  /** Levels, boundary schemes and the links between them (successors, predecessors); see unitSchemes.ts. */
  schemes?: Omit<UnitSchemesContext, 'units' | 'urlOf'> | undefined;
}

/** Builds ranks on demand and keeps them: one ranking per indicator, level and year. */
export function createRanker(ctx: Pick<UnitPageContext, 'store' | 'unitsByLevel'>) {
  const cache = new Map<string, ReturnType<typeof rankDescending>>();
  return (indicator: string, level: string, year: number) => {
    const key = `${indicator}|${level}|${year}`;
    let r = cache.get(key);
    if (!r) {
      const ids = ctx.unitsByLevel.get(level) ?? [];
      r = rankDescending(ids.map((id) => ({ id, value: ctx.store.get(indicator, id, year)?.value })));
      cache.set(key, r);
    }
    return r;
  };
}

/**
 * The page model of one unit: relations, locator map, key figures (latest year, city value,
 * rank within the level, change since the previous edition) and one series block per indicator.
 */
export function buildUnitPage(unit: Unit, ctx: UnitPageContext, rank: ReturnType<typeof createRanker>): UnitPageData {
  const ref = (u: Unit): UnitRef => ({ id: u.id, name: u.name, level: u.level, url: ctx.urlOf(u) });
  const ancestors: UnitRef[] = [];
  for (
    let p = unit.parent ? ctx.units.get(unit.parent) : undefined;
    p;
    p = p.parent ? ctx.units.get(p.parent) : undefined
  )
    ancestors.unshift(ref(p));
  const children = (ctx.children.get(unit.id) ?? [])
    .map((id) => ctx.units.get(id))
    .filter((u): u is Unit => u !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'))
    .map(ref);
  const parentPath = unit.parent ? ctx.paths.get(unit.parent) : undefined;
  const locator = (lang: 'de' | 'en') =>
    renderLocatorMap({
      frame: ctx.frame,
      contextPaths: ctx.contextPaths,
      parentPath,
      unitPath: ctx.paths.get(unit.id) ?? '',
      label:
        lang === 'de'
          ? `Lage von ${unit.name} in ${ctx.cityName.de}`
          : `Location of ${unit.name} in ${ctx.cityName.en}`,
    });

  const keyFigures: KeyFigure[] = [];
  const series: SeriesBlock[] = [];
  const sources = new Set<string>();
  for (const ind of ctx.indicators) {
    const s = ctx.store.series(ind.id, unit.id);
    if (s.length === 0) continue;
    sources.add(ind.source);
    const cityByYear = new Map(ctx.store.series(ind.id, CITY).map((v) => [v.year, v]));
    if (ind.keyFigure) keyFigures.push(keyFigure(ind, unit, s, cityByYear, rank));
    series.push(seriesBlock(ind, unit, s, cityByYear, ctx));
  }
  const schemeCtx = ctx.schemes && { ...ctx.schemes, units: ctx.units, urlOf: ctx.urlOf };
  const areaText = (lang: 'de' | 'en') => t(lang, 'areaComputed', { area: formatNumber(unit.areaM2 / 1e6, 2, lang) });
  return {
    unit: { ...ref(unit), areaKm2: unit.areaM2 / 1e6, areaText: { de: areaText('de'), en: areaText('en') } },
    ancestors,
    children,
    childGroups: schemeCtx ? groupChildren(children, schemeCtx.levels, schemeCtx.schemes) : undefined,
    schemes: schemeCtx ? buildUnitSchemes(unit, schemeCtx) : undefined,
    locator: { de: locator('de'), en: locator('en') },
    keyFigures,
    series,
    sources: [...sources],
    facilities: ctx.facilities?.get(unit.id),
  };
}

function keyFigure(
  ind: Indicator,
  unit: Unit,
  s: readonly Value[],
  city: ReadonlyMap<number, Value>,
  rank: ReturnType<typeof createRanker>,
): KeyFigure {
  // The latest year with a number; if none has one, the latest year at all (shows its status). A later value that the
  // atlas's small-number protection holds back wins: an older number (and its rank) must not stand in for it.
  const withNumber = s.filter(hasNumber);
  const latestNumber = withNumber[withNumber.length - 1];
  const latestSuppressed = s.filter((v) => v.status === 'suppressed' && v.suppression !== 'source').pop();
  const latest =
    latestSuppressed && (!latestNumber || latestSuppressed.year > latestNumber.year)
      ? latestSuppressed
      : (latestNumber ?? (s[s.length - 1] as Value));
  const previous = withNumber.filter((v) => v.year < latest.year).pop();
  const c = city.get(latest.year);
  const r = hasNumber(latest) && ind.type !== 'class' ? rank(ind.id, unit.level, latest.year) : undefined;
  return {
    indicator: ind.id,
    year: latest.year,
    status: latest.status,
    value: latest.value,
    method: latest.method,
    note: latest.note,
    suppression: latest.suppression,
    city: c ? { status: c.status, value: c.value, suppression: c.suppression } : undefined,
    rank: r?.ranks.get(unit.id),
    rankOf: r?.n,
    change:
      previous && hasNumber(latest) && ind.type !== 'class'
        ? { fromYear: previous.year, delta: latest.value - previous.value }
        : undefined,
  };
}

function seriesBlock(
  ind: Indicator,
  unit: Unit,
  s: readonly Value[],
  city: ReadonlyMap<number, Value>,
  ctx: UnitPageContext,
): SeriesBlock {
  const years = [...new Set([...s.map((v) => v.year), ...city.keys()])].sort((a, b) => a - b);
  const byYear = new Map(s.map((v) => [v.year, v]));
  const rows = years
    .filter((y) => byYear.has(y))
    .map((year) => {
      const v = byYear.get(year) as Value;
      const c = city.get(year);
      return {
        year,
        status: v.status,
        value: v.value,
        suppression: v.suppression,
        cityStatus: c?.status,
        city: c?.value,
        citySuppression: c?.suppression,
      };
    });
  // Rates and published measures are charted; counts and classes are shown as table and sentence
  // only (a count's level says little without its population, a class is not a line).
  const charted = (ind.type === 'rate' || ind.type === 'value') && s.filter(hasNumber).length >= 2;
  const label = (lang: 'de' | 'en') => {
    const l = lang === 'en' ? (ind.label.en ?? ind.label.de) : ind.label.de;
    return `${l}: ${unit.name} ${lang === 'de' ? 'und' : 'and'} ${ctx.cityName[lang]}, ${rows[0]?.year ?? ''}–${rows[rows.length - 1]?.year ?? ''}`;
  };
  const unitLabel = ind.unit ? { de: ind.unit.de, en: ind.unit.en ?? ind.unit.de } : undefined;
  const svg = charted
    ? renderTimeSeries(
        rows.map((r) => ({ year: r.year, value: hasNumber(byYear.get(r.year)) ? r.value : undefined })),
        rows.map((r) => ({
          year: r.year,
          value: r.cityStatus === 'value' || r.cityStatus === 'zero' ? r.city : undefined,
        })),
        {
          label: { de: label('de'), en: label('en') },
          unitName: unit.name,
          cityName: ctx.cityName,
          unit: unitLabel,
          decimals: ind.decimals,
          document: ctx.document,
        },
      )
    : { de: '', en: '' };
  return {
    indicator: ind.id,
    rows,
    svg,
    summary: {
      de: summarizeSeries(ind, unit.name, ctx.cityName.de, s, city, 'de'),
      en: summarizeSeries(ind, unit.name, ctx.cityName.en, s, city, 'en'),
    },
  };
}
