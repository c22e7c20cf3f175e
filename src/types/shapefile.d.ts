/** Types for the parts of `shapefile` 0.6 (mbostock) the boundary reader uses; the package ships none. */
declare module 'shapefile' {
  import type { FeatureCollection } from 'geojson';
  /** Reads a whole shapefile (geometry from .shp, properties from .dbf decoded with `options.encoding`). */
  export function read(
    shp: ArrayBuffer | Uint8Array,
    dbf?: ArrayBuffer | Uint8Array,
    options?: { encoding?: string },
  ): Promise<FeatureCollection & { bbox?: number[] }>;
}
