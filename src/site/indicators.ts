import type { Lang } from '../lib/format.ts';
import type { HomeMapData } from '../lib/pages/homePage.ts';
import type { IndicatorOverviewData } from '../lib/pages/indicatorOverview.ts';
import type { IndicatorPageData } from '../lib/pages/indicatorPage.ts';
import { latestRoutes } from '../lib/pages/indicatorRoutes.ts';
import type { IndicatorRoute } from '../pipeline/stages/publishIndicators.ts';
import { readArtifact, readOptionalArtifact } from './artifacts.ts';

function read<T>(...path: string[]): T {
  return readArtifact<T>(['indicators', ...path].join('/'));
}

/** Every indicator × level × year with data (one year page each; the latest ones also give the latest page). */
export function getIndicatorRoutes(): IndicatorRoute[] {
  return readArtifact<IndicatorRoute[]>('indicators/routes.json', { keep: true });
}

/** The latest year with data of each indicator on each level (the routes of the addresses without a year). */
export function getLatestIndicatorRoutes(): IndicatorRoute[] {
  return latestRoutes(getIndicatorRoutes());
}

/** The page model of one indicator, level and year in one language. */
export function getIndicatorPage(lang: Lang, indicator: string, level: string, year: number): IndicatorPageData {
  return read<IndicatorPageData>(lang, indicator, level, `${year}.json`);
}

/** The overview `/merkmale/` in one language. */
export function getIndicatorOverview(lang: Lang): IndicatorOverviewData {
  return read<IndicatorOverviewData>(lang, 'overview.json');
}

/** The home page's map in one language; undefined when no indicator has figures for any unit. */
export function getHomeMap(lang: Lang): HomeMapData | undefined {
  return readOptionalArtifact<HomeMapData>(`indicators/${lang}/home.json`);
}
