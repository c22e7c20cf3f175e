import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** A projection fitted once to the whole city, shared by every map of an atlas (same frame everywhere). */
export interface MapFrame {
  width: number;
  height: number;
  /** SVG path data for a geometry, coordinates rounded to `digits` decimals (default 0.1 px). */
  path(geometry: Geometry | Feature): string;
  /** Projected [x, y] of a lon/lat point. */
  point(lonLat: [number, number]): [number, number];
}

/**
 * Fits a Mercator projection to `extent` (e.g. all top-level units) in a width × height box with padding.
 * Mercator is conformal and, at city scale, indistinguishable from UTM; d3-geo needs d3-winding
 * (rewindForD3 upstream), otherwise fitting takes the whole globe.
 */
export function createMapFrame(
  extent: FeatureCollection,
  width: number,
  height: number,
  padding = 4,
  digits = 1,
): MapFrame {
  const projection = geoMercator().fitExtent(
    [
      [padding, padding],
      [width - padding, height - padding],
    ],
    extent as GeoPermissibleObjects,
  );
  const gen = geoPath(projection).digits(digits);
  return {
    width,
    height,
    path: (g) => gen(g as GeoPermissibleObjects) ?? '',
    point: (p) => {
      const xy = projection(p);
      return xy ? [Math.round(xy[0] * 10) / 10, Math.round(xy[1] * 10) / 10] : [NaN, NaN];
    },
  };
}

/** Height that keeps the city's aspect ratio at a given width. */
export function fittedHeight(extent: FeatureCollection, width: number): number {
  const probe = geoMercator().fitWidth(width, extent as GeoPermissibleObjects);
  const [[, y0], [, y1]] = geoPath(probe).bounds(extent as GeoPermissibleObjects);
  return Math.max(1, Math.ceil(y1 - y0));
}
