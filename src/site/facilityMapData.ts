import type { FacilityAreaMap, FacilityOverviewMap } from '../lib/pages/facilityMaps.ts';
import { readArtifact } from './artifacts.ts';

/** The facility map of the whole city (also the radius query's base map). */
export function getFacilityOverviewMap(): FacilityOverviewMap {
  return readArtifact<FacilityOverviewMap>('directory/map.json', { keep: true });
}

/** The zoomed facility map of one top-level unit. */
export function getFacilityAreaMap(unitId: string): FacilityAreaMap {
  return readArtifact<FacilityAreaMap>(`directory/maps/${unitId}.json`, { recent: true });
}
