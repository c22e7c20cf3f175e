import { geoArea } from 'd3';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Ring orientation for d3-geo (RELIABILITY 2.4). d3-geo treats polygons as spherical: the interior lies to the
 * right of the boundary, so an exterior ring runs clockwise as drawn on a north-up map and a hole counter-
 * clockwise. RFC 7946 asks for the opposite, and a file in RFC winding draws as "the whole sphere with a hole".
 * The decision uses the ring's spherical area, so it does not depend on the winding the file had:
 * a unit of a city is always smaller than a hemisphere, so a ring enclosing more than 2π steradians is reversed.
 */

const HEMISPHERE = 2 * Math.PI;

/** Spherical area (steradians) that d3 assigns to a ring taken as a polygon of its own. */
function ringArea(ring: Position[]): number {
  return geoArea({ type: 'Polygon', coordinates: [ring] });
}

/** Returns the ring in d3 order: an exterior ring encloses the small side, a hole the large side. */
function orientRing(ring: Position[], isHole: boolean): Position[] {
  const enclosesSmallSide = ringArea(ring) <= HEMISPHERE;
  // A copy either way: callers may keep the input (values in, values out).
  return enclosesSmallSide === !isHole ? ring.slice() : ring.slice().reverse();
}

function orientPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => orientRing(ring, i > 0));
}

/**
 * Rewinds every ring so that d3-geo (and Observable Plot, which follows it) reads the polygon as the small
 * area it describes: exteriors clockwise, holes counter-clockwise, on a north-up map. Idempotent; the input is
 * not changed. Assumes every part is smaller than a hemisphere (true for any unit of a city).
 */
export function rewindForD3<G extends Polygon | MultiPolygon>(geometry: G): G {
  const g: Polygon | MultiPolygon = geometry;
  if (g.type === 'Polygon') return { ...g, coordinates: orientPolygon(g.coordinates) } as G;
  return { ...g, coordinates: g.coordinates.map(orientPolygon) } as G;
}

/**
 * True if d3-geo sees a plausible area: positive and under `maxSteradians` (default a hemisphere, 2π).
 * An inverted polygon covers about 4π; a degenerate ring (all points on a line) also reads as 4π or 0.
 * For a city, a much stricter bound such as 0.01 sr (about 400,000 km²) may be passed.
 */
export function isPlausibleArea(geometry: Polygon | MultiPolygon, maxSteradians: number = HEMISPHERE): boolean {
  const area = geoArea(geometry);
  return area > 0 && area < maxSteradians;
}
