import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INDICATORS_PATH, indicatorLatestPath, indicatorYearPath } from '../lib/pages/indicatorRoutes.ts';
import type { IndicatorRoute } from './stages/publishIndicators.ts';

/**
 * Urls (without language prefix) of the indicator pages the cache says the site has: the overview, every year page
 * and every latest page; [] when the cache has none. For the completeness check of the build.
 */
export async function readIndicatorPageUrls(cacheDir: string): Promise<string[]> {
  let routes: IndicatorRoute[];
  try {
    routes = JSON.parse(
      await readFile(join(cacheDir, 'build', 'indicators', 'routes.json'), 'utf8'),
    ) as IndicatorRoute[];
  } catch {
    return [];
  }
  return [
    INDICATORS_PATH,
    ...routes.flatMap((r) => [
      indicatorYearPath(r.indicator, r.level, r.year),
      ...(r.latest ? [indicatorLatestPath(r.indicator, r.level)] : []),
    ]),
  ];
}
