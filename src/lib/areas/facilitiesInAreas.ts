import type { MultiPolygon, Polygon } from 'geojson';
import { createPolygonIndex } from '../geo/pointIndex.ts';

/** A facility as a point: id, WGS84 position. */
export interface FacilityPoint {
  id: string;
  lon: number;
  lat: number;
}

/**
 * The facilities inside each area, by point in polygon (d3.geoContains through `createPolygonIndex`). Areas may
 * overlap, so a point can lie in several. Returns area id → facility ids in the order of `points`; every area id
 * is a key (an area without facilities has an empty list).
 */
export function facilitiesByArea(
  areas: readonly { id: string; geometry: Polygon | MultiPolygon }[],
  points: readonly FacilityPoint[],
): Map<string, string[]> {
  const out = new Map<string, string[]>(areas.map((a) => [a.id, []]));
  if (areas.length === 0) return out;
  const index = createPolygonIndex(areas);
  for (const p of points) {
    for (const id of index.findAll(p.lon, p.lat)) out.get(id)?.push(p.id);
  }
  return out;
}

/** The vulnerability (0–3) of a facility: the highest of its types' in the vocabulary (unknown types count 0). */
export function vulnerabilityOf(
  types: readonly string[],
  vocabulary: readonly { id: string; vulnerability: number }[],
): number {
  let v = 0;
  for (const t of types) v = Math.max(v, vocabulary.find((e) => e.id === t)?.vulnerability ?? 0);
  return v;
}

const collator = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });

/**
 * Order of crisis lists: the most vulnerable first (care homes and hospitals, then Kitas and schools …), then by
 * name (German collation), then by id so that the order is total and builds are reproducible.
 */
export function compareByVulnerability(
  a: { vulnerability: number; name: string; id: string },
  b: { vulnerability: number; name: string; id: string },
): number {
  return (
    b.vulnerability - a.vulnerability || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
