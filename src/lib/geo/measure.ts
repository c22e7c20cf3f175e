import { geoArea, geoCentroid, geoContains } from 'd3';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { rewindForD3 } from './winding.ts';

/** Mean Earth radius (IUGG R1) in metres, the sphere d3-geo's areas refer to. */
export const EARTH_RADIUS_M = 6371008.8;

/**
 * A point guaranteed to lie inside the geometry, [lon, lat]. The spherical centroid when it lies inside
 * (the usual case, and the most natural label position); for concave or multipart shapes whose centroid
 * falls outside (a U-shaped district, a district with islands), the pole of inaccessibility of the largest part.
 * Accepts either winding order.
 */
export function interiorPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const g = rewindForD3(geometry);
  const centroid = geoCentroid(g);
  if (centroid.every(Number.isFinite) && geoContains(g, centroid)) return centroid;
  return poleOfInaccessibility(largestPart(g));
}

/**
 * Pole of inaccessibility of one polygon (the interior point farthest from its boundary), [lon, lat], by the
 * `polylabel` package (Mapbox). It searches in a local equirectangular plane (longitude scaled by the cosine of the
 * middle latitude of the exterior ring), so distances are nearly true at city scale and the pole is the centre of
 * the largest inscribed circle on the ground, not in degrees. Holes count as outside.
 * @param rings exterior ring first, then holes (winding does not matter)
 * @param relativePrecision stop when no cell can improve by more than this share of the larger (scaled) bbox side
 */
export function poleOfInaccessibility(rings: Position[][], relativePrecision = 1e-3): [number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  // A loop, not Math.min(...xs): rings of real files can exceed the argument limit.
  for (const [lon = NaN, lat = NaN] of rings[0] ?? []) {
    [west, south, east, north] = [Math.min(west, lon), Math.min(south, lat), Math.max(east, lon), Math.max(north, lat)];
  }
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const plane = rings.map((ring) => ring.map(([lon = NaN, lat = NaN]): [number, number] => [lon * k, lat]));
  const precision = Math.max((east - west) * k, north - south) * relativePrecision;
  // polylabel returns the bbox corner for a ring without area; a single point (precision 0) gets any positive one.
  const [x, y] = polylabel(plane, precision > 0 ? precision : 1);
  return [x / k, y];
}

/** The rings (exterior first) of the part with the largest spherical area. */
function largestPart(g: Polygon | MultiPolygon): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  let best: Position[][] = g.coordinates[0] ?? [];
  let bestArea = -1;
  for (const rings of g.coordinates) {
    const area = geoArea({ type: 'Polygon', coordinates: rings });
    if (area > bestArea) [best, bestArea] = [rings, area];
  }
  return best;
}

/**
 * Area in m² on the sphere (d3.geoArea × R², R = 6,371,008.8 m). About 0.3 % off the ellipsoidal area that
 * GIS tools report, which is enough for densities. Accepts either winding order.
 */
export function areaM2(geometry: Polygon | MultiPolygon): number {
  return geoArea(rewindForD3(geometry)) * EARTH_RADIUS_M * EARTH_RADIUS_M;
}

/**
 * Bounding box [west, south, east, north] in degrees, as min/max of the coordinates.
 * Does not handle the antimeridian (no German city crosses it), unlike d3.geoBounds, which also
 * widens the box for the curvature of edges.
 */
export function bbox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [lon = NaN, lat = NaN] of ring) {
      if (lon < box[0]) box[0] = lon;
      if (lat < box[1]) box[1] = lat;
      if (lon > box[2]) box[2] = lon;
      if (lat > box[3]) box[3] = lat;
    }
  }
  return box;
}
