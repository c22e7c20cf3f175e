import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnitPageData } from '../lib/pages/model.ts';
import type { SiteData } from '../pipeline/stages/publish.ts';

/**
 * Read access for pages to the pipeline's artifacts (the cache folder's build/). Pages render
 * these precomputed results and compute nothing themselves.
 */
const CACHE = process.env.SOZIALATLAS_CACHE ?? '.atlas';

let site: SiteData | undefined;

/** Site-wide data: atlas, levels, indicators, sources, units, home map, texts. */
export function getSite(): SiteData {
  site ??= JSON.parse(readFileSync(join(CACHE, 'build', 'site.json'), 'utf8')) as SiteData;
  return site;
}

/** The page model of one unit. */
export function getUnitPage(id: string): UnitPageData {
  return JSON.parse(readFileSync(join(CACHE, 'build', 'units', `${id}.json`), 'utf8')) as UnitPageData;
}
