import type { Feature, FeatureCollection, Point } from 'geojson';
import type { RadiusHit, RadiusQuery } from './radiusQuery.ts';

/**
 * The radius query's result as downloads (built in the browser): CSV rows and a GeoJSON FeatureCollection, with the
 * same rows in the same order as the page's list. Type names in the page's language; numbers unformatted.
 */

/** What the downloads say besides the rows. */
export interface RadiusExportContext {
  query: RadiusQuery;
  /** Type label by id, in the page's language. */
  typeLabel(id: string): string;
  /** Absolute url of a facility's page. */
  urlOf(id: string): string;
  dataDate: string;
  licence: string;
}

/** The columns of the radius CSV, in order. */
export const RADIUS_CSV_FIELDS = [
  'rank',
  'id',
  'name',
  'types',
  'vulnerability',
  'distance_m',
  'address',
  'phone',
  'lat',
  'lon',
  'url',
  'stale',
] as const;

/** One CSV row per hit: rank, name, types, vulnerability, distance in whole metres, contact, point and page. */
export function radiusCsvRows(hits: readonly RadiusHit[], ctx: RadiusExportContext): Record<string, string | number>[] {
  return hits.map((h, i) => ({
    rank: i + 1,
    id: h.point.id,
    name: h.point.name,
    types: h.point.types.map(ctx.typeLabel).join('; '),
    vulnerability: h.point.v,
    distance_m: Math.round(h.distance),
    address: h.point.address,
    phone: h.point.phone ?? '',
    lat: h.point.lat,
    lon: h.point.lon,
    url: ctx.urlOf(h.point.id),
    stale: h.point.stale ? 'true' : 'false',
  }));
}

/** The hits as GeoJSON points (WGS84), the query, data date and licence as foreign members. */
export function radiusGeoJson(
  hits: readonly RadiusHit[],
  ctx: RadiusExportContext,
): FeatureCollection<Point> & { query: RadiusQuery; dataDate: string; licence: string } {
  const rows = radiusCsvRows(hits, ctx);
  const features: Feature<Point>[] = hits.map((h, i) => ({
    type: 'Feature',
    id: h.point.id,
    geometry: { type: 'Point', coordinates: [h.point.lon, h.point.lat] },
    properties: {
      ...rows[i],
      types: h.point.types,
      typeLabels: h.point.types.map(ctx.typeLabel),
      stale: h.point.stale === true,
    },
  }));
  return { type: 'FeatureCollection', query: { ...ctx.query }, dataDate: ctx.dataDate, licence: ctx.licence, features };
}

/** File name of a download, e.g. "umkreis-52.520000-13.405000-500m.csv". */
export function radiusFileName(q: RadiusQuery, ext: 'csv' | 'geojson'): string {
  return `umkreis-${q.lat.toFixed(6)}-${q.lon.toFixed(6)}-${Math.round(q.r)}m.${ext}`;
}
