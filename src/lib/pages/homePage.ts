import type { Indicator } from '../../schemas/atlasConfig.ts';
import { formatNumber, type Lang } from '../format.ts';
import { langPrefix, pick, t } from '../i18n.ts';
import type { IndicatorPageData, LevelInfo, RankTableData } from './indicatorPage.ts';
import type { LegendData } from './indicatorLegend.ts';
import { INDICATORS_PATH, indicatorLatestPath, type Availability } from './indicatorRoutes.ts';

/** The home page's map: the headline indicator's latest indicator page, shown in part, plus links to the others. */
export interface HomeMapData {
  lang: Lang;
  indicator: string;
  level: string;
  year: number;
  heading: string;
  /** "Gebietsstand: LOR ab 2021" when the atlas has boundary schemes. */
  scheme?: string | undefined;
  summary: string;
  svg: string;
  caption: string;
  skipLabel: string;
  legend: LegendData;
  definition: { term: string; detail: string };
  table: RankTableData;
  tableLabel: string;
  /** The full indicator page of this map (latest address). */
  page: { label: string; href: string };
  others: { heading: string; links: { label: string; href: string }[] };
  all: { label: string; href: string };
}

/**
 * The most units a home map shows: a city overview of thousands of small units cannot be read on a phone, and its
 * map and table would weigh hundreds of kilobytes on the page everyone opens first (the full map of every level is
 * one link away, on the indicator pages).
 */
export const HOME_MAP_MAX_UNITS = 600;

/**
 * Which map the home page shows: the first `headline` indicator (else the first indicator) where it has its newest
 * figures: the latest year with figures on any level, on the finest level that has figures in that year (newest data
 * first, as the time issue asks; the page names the level's boundary scheme). Levels with more than `maxUnits` units
 * (`unitCount`) are passed over while a coarser one has figures. Undefined when it has no figure.
 */
export function homeMapTarget(
  indicators: readonly Indicator[],
  availability: Availability,
  levelOrder: readonly string[],
  unitCount: (level: string) => number = () => 0,
  maxUnits = HOME_MAP_MAX_UNITS,
): { indicator: Indicator; level: string; year: number } | undefined {
  const ind = indicators.find((i) => i.headline) ?? indicators[0];
  const byLevel = ind ? availability.get(ind.id) : undefined;
  if (!ind || !byLevel) return undefined;
  const pick = (levels: readonly string[]) => {
    let best: { indicator: Indicator; level: string; year: number } | undefined;
    for (const level of [...levels].reverse()) {
      const years = byLevel.get(level);
      const year = years?.[years.length - 1];
      if (year !== undefined && (best === undefined || year > best.year)) best = { indicator: ind, level, year };
    }
    return best;
  };
  return pick(levelOrder.filter((l) => unitCount(l) <= maxUnits)) ?? pick(levelOrder);
}

/**
 * The home map's model from the indicator page model of the same indicator, level and year (one choropleth, one
 * legend for both), with links to the other indicators: each on the home map's level where it has figures there,
 * else on its finest level with figures, always at its latest-year address.
 */
export function buildHomeMap(
  page: IndicatorPageData,
  indicators: readonly Indicator[],
  levels: readonly LevelInfo[],
  availability: Availability,
  lang: Lang,
): HomeMapData {
  const p = langPrefix(lang);
  const ind = indicators.find((i) => i.id === page.indicator);
  const level = levels.find((l) => l.id === page.level);
  const links = indicators.flatMap((other) => {
    if (other.id === page.indicator) return [];
    const byLevel = availability.get(other.id);
    if (!byLevel || byLevel.size === 0) return [];
    const lid = byLevel.has(page.level) ? page.level : ([...byLevel.keys()].pop() as string);
    const label =
      lid === page.level
        ? pick(other.label, lang)
        : `${pick(other.label, lang)} (${pick(levels.find((l) => l.id === lid)?.labelPlural, lang)})`;
    return [{ label, href: `${p}${indicatorLatestPath(other.id, lid)}` }];
  });
  return {
    lang,
    indicator: page.indicator,
    level: page.level,
    year: page.year,
    scheme: level?.scheme ? t(lang, 'schemeOnMap', { scheme: pick(level.scheme, lang) }) : undefined,
    heading: t(lang, 'indHomeMapOf', {
      indicator: pick(ind?.label, lang),
      levels: pick(level?.labelPlural, lang),
      year: String(page.year),
    }),
    summary: page.map.summary,
    svg: page.map.svg,
    caption: page.map.caption,
    skipLabel: page.map.skipLabel,
    legend: page.map.legend,
    definition: { term: t(lang, 'definition'), detail: pick(ind?.definition, lang) },
    table: page.table,
    tableLabel: `${t(lang, 'tableInstead')} (${formatNumber(page.table.rows.length, 0, lang)})`,
    page: { label: t(lang, 'indHomeOpenPage'), href: page.latestHref },
    others: { heading: t(lang, 'indHomeOthers'), links },
    all: { label: t(lang, 'indHomeAll'), href: `${p}${INDICATORS_PATH}` },
  };
}

/** The home page's button to the list of every area (`units`), with their number: "Alle Gebiete (1.234)". */
export function homeAllAreasLabel(units: readonly unknown[], lang: Lang): string {
  return `${t(lang, 'homePageAllAreas')} (${formatNumber(units.length, 0, lang)})`;
}
