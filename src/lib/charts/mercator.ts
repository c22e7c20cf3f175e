/**
 * The parameters of a fitted d3 Mercator projection (no rotation, no centre), so that a browser script can map a
 * click on our SVG back to longitude/latitude without d3 (this module is loaded by the browser: no imports): x = tx + k·λ, y = ty − k·ln(tan(π/4 + φ/2)).
 */
export interface MercatorParams {
  /** d3's scale k (pixels per radian of longitude). */
  k: number;
  tx: number;
  ty: number;
}

const RAD = Math.PI / 180;
/** Mean Earth radius in metres, as in `geo/measure.ts` (repeated so that browser code need not load d3). */
const EARTH_RADIUS_M = 6371008.8;

/** Projects [lon, lat] to SVG [x, y] (unrounded), as d3's geoMercator with these parameters does. */
export function projectMercator(lonLat: readonly [number, number], p: MercatorParams): [number, number] {
  const lambda = lonLat[0] * RAD;
  const phi = lonLat[1] * RAD;
  return [p.tx + p.k * lambda, p.ty - p.k * Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

/** Inverse of {@link projectMercator}: SVG [x, y] → [lon, lat] in degrees. */
export function invertMercator(xy: readonly [number, number], p: MercatorParams): [number, number] {
  const lambda = (xy[0] - p.tx) / p.k;
  const phi = 2 * Math.atan(Math.exp((p.ty - xy[1]) / p.k)) - Math.PI / 2;
  return [lambda / RAD, phi / RAD];
}

/** How many SVG units `metres` span at latitude `lat` (to draw a radius as a circle; the sphere of the haversine). */
export function metresToUnits(metres: number, lat: number, p: MercatorParams): number {
  return (metres / (EARTH_RADIUS_M * Math.cos(lat * RAD))) * p.k;
}
