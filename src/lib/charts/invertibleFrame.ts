import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { MapFrame } from './mapFrame.ts';
import { projectMercator, type MercatorParams } from './mercator.ts';

/** A map frame (see `createMapFrame`) that also tells the projection it was drawn with. */
export interface InvertibleFrame extends MapFrame {
  params: MercatorParams;
}

/** Like `createMapFrame`: Mercator fitted to `extent` in width × height with padding; also returns its parameters. */
export function createInvertibleFrame(
  extent: FeatureCollection | Feature,
  width: number,
  height: number,
  padding = 4,
  digits = 1,
): InvertibleFrame {
  const projection = geoMercator().fitExtent(
    [
      [padding, padding],
      [width - padding, height - padding],
    ],
    extent as GeoPermissibleObjects,
  );
  const [tx, ty] = projection.translate();
  const params = { k: projection.scale(), tx, ty };
  const gen = geoPath(projection).digits(digits);
  return {
    width,
    height,
    params,
    path: (g: Geometry | Feature) => gen(g as GeoPermissibleObjects) ?? '',
    point: (p) => {
      const [x, y] = projectMercator(p, params);
      return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
    },
  };
}
