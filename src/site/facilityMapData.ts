import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FacilityAreaMap, FacilityOverviewMap } from '../lib/pages/facilityMaps.ts';

/** Read access for the facility map and radius pages to their page models (see src/site/data.ts). */
const CACHE = process.env.SOZIALATLAS_CACHE ?? '.atlas';

let overview: FacilityOverviewMap | undefined;

/** The facility map of the whole city (also the radius query's base map). */
export function getFacilityOverviewMap(): FacilityOverviewMap {
  overview ??= JSON.parse(readFileSync(join(CACHE, 'build', 'directory', 'map.json'), 'utf8')) as FacilityOverviewMap;
  return overview;
}

/** The zoomed facility map of one top-level unit. */
export function getFacilityAreaMap(unitId: string): FacilityAreaMap {
  return JSON.parse(
    readFileSync(join(CACHE, 'build', 'directory', 'maps', `${unitId}.json`), 'utf8'),
  ) as FacilityAreaMap;
}
