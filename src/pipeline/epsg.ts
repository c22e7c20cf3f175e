import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EpsgLookup } from '../lib/geo/crs.ts';

const require = createRequire(import.meta.url);

/**
 * Looks up an EPSG code in the EPSG index (`epsg-index`: one small JSON file per code, built from the EPSG
 * dataset): its proj4 definition, else its WKT. Undefined for an unknown code.
 */
export const lookupEpsg: EpsgLookup = (code) => {
  if (!Number.isInteger(code) || code <= 0) return undefined;
  try {
    const entry = JSON.parse(readFileSync(require.resolve(`epsg-index/s/${code}.json`), 'utf8')) as {
      proj4?: string;
      wkt?: string;
    };
    return entry.proj4 || entry.wkt || undefined;
  } catch {
    return undefined;
  }
};
