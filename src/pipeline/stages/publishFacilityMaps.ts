import type { Feature } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import { feedLicence } from '../../lib/facilities/facilityFeed.ts';
import { vulnerabilityOf } from '../../lib/areas/facilitiesInAreas.ts';
import { buildFacilityPointsExtra, FACILITY_POINTS_PATH } from '../../lib/facilities/facilityPoints.ts';
import type { SearchIndexFile } from '../../lib/facilities/searchRecord.ts';
import { facilitiesDataDate } from '../../lib/facilities/dataDate.ts';
import { topologyFeatures } from '../../lib/geo/topology.ts';
import {
  buildAreaMap,
  buildOverviewMap,
  facilityAreaMapUrl,
  type FacilityMapInput,
} from '../../lib/pages/facilityMaps.ts';
import type { Effects } from '../effects.ts';
import type { BoundariesResult } from './boundaries.ts';
import type { FacilitiesResult } from './facilities.ts';
import type { AtlasPage } from './publishFacilities.ts';
import { unitUrl, type RenderResult } from './render.ts';
import { mainLevels } from '../../lib/schemes/levels.ts';

/** Url of the facility map page and of the radius query page, without language prefix. */
export const FACILITY_MAP_URL = '/einrichtungen/karte/';
export const FACILITY_RADIUS_URL = '/einrichtungen/umkreis/';

/** What {@link publishFacilityMaps} wrote: pages for atlas.json and the files the pages load at run time. */
export interface PublishedFacilityMaps {
  pages: AtlasPage[];
  /** Public files the map and radius pages fetch in the browser (for the offline cache). */
  runtimeFiles: string[];
  /** Size of the point list's own file in bytes (for the build log and bench). */
  pointsBytes: number;
}

/**
 * Stage 6b (with a directory): the facility map's page models (`build/directory/map.json`, one zoomed map per
 * top-level unit in `build/directory/maps/<id>.json`) and the point list of the radius query
 * (`public/data/facilities-points.json`: what it needs beyond the search index, see facilityPoints.ts). Geometry from
 * the render stage's simplified topology.
 */
export async function publishFacilityMaps(
  config: AtlasConfig,
  b: BoundariesResult,
  facilities: FacilitiesResult,
  rendered: RenderResult,
  index: SearchIndexFile,
  fx: Effects,
): Promise<PublishedFacilityMaps> {
  const levels = mainLevels(config.levels).map((l) => l.id);
  const second = levels[1];
  const parentOf = new Map(b.units.map((u) => [u.id, u.parent]));
  const featureCache = new Map<string, Feature[]>();
  const features = (level: string) =>
    featureCache.get(level) ??
    featureCache.set(level, topologyFeatures(rendered.topology, level) as Feature[]).get(level) ??
    [];
  const level2 = second ? (rendered.topology.objects[second] as GeometryCollection | undefined) : undefined;
  const types = facilities.vocabulary.types;
  const input: FacilityMapInput = {
    levels,
    units: b.units,
    urlOf: unitUrl,
    features,
    innerBorders: (topId) =>
      level2
        ? mesh(
            rendered.topology,
            level2,
            (x, y) =>
              x !== y &&
              parentOf.get(String(x.id)) === parentOf.get(String(y.id)) &&
              (topId === undefined || parentOf.get(String(x.id)) === topId),
          )
        : undefined,
    typeOrder: types.map((t) => t.id),
    entries: facilities.facilities.map((e) => ({
      types: e.facility.types,
      units: e.units,
      lon: e.facility.location.lon,
      lat: e.facility.location.lat,
      v: vulnerabilityOf(e.facility.types, types),
    })),
  };
  const overview = buildOverviewMap(input);
  await fx.write('build/directory/map.json', JSON.stringify(overview));
  for (const area of overview.areas) {
    const map = buildAreaMap(input, area.id);
    if (map) await fx.write(`build/directory/maps/${area.id}.json`, JSON.stringify(map));
  }
  const points = JSON.stringify(
    buildFacilityPointsExtra(index, facilities.facilities, types, {
      dataDate: config.dataDate,
      staleAfterDays: facilities.vocabulary.staleAfterDays,
      licence: feedLicence(facilities.facilities).de,
      facilitiesDate: facilitiesDataDate(facilities.facilities),
    }),
  );
  await fx.write(`public${FACILITY_POINTS_PATH}`, points);
  const urls = [
    { type: 'directory-map', url: FACILITY_MAP_URL },
    ...overview.areas.map((a) => ({ type: 'directory-map-area', url: facilityAreaMapUrl(a.id) })),
    { type: 'directory-radius', url: FACILITY_RADIUS_URL },
  ];
  const pages: AtlasPage[] = (['de', 'en'] as const).flatMap((lang) =>
    urls.map((u) => ({ ...u, url: `${lang === 'en' ? '/en' : ''}${u.url}`, lang })),
  );
  return { pages, runtimeFiles: [FACILITY_POINTS_PATH], pointsBytes: Buffer.byteLength(points) };
}
