import { haversineMeters } from '../geo/distance.ts';
import type { FacilityPoint } from './facilityPoints.ts';

/**
 * The radius query of the facility directory ("Einrichtungen im Umkreis"), run in the browser on the point list and
 * in the tests: which facilities lie within r metres of a point, most vulnerable first, then nearest.
 */

/** A point and a radius, as in the page's url (`?lat=52.52&lon=13.405&r=500`). */
export interface RadiusQuery {
  lat: number;
  lon: number;
  /** Metres. */
  r: number;
  /** Only these facility types (ids); all when absent or empty. */
  types?: string[] | undefined;
  /** The centre's name as chosen (a facility, a unit, an address), for the list's heading and printout. */
  centre?: string | undefined;
}

/** One facility inside the radius. */
export interface RadiusHit {
  point: FacilityPoint;
  /** Great-circle distance in metres (haversine). */
  distance: number;
}

/** Radius presets offered by the page, in metres. */
export const RADIUS_PRESETS = [250, 500, 1000, 2000] as const;
/** The radius used when the url gives none. */
export const DEFAULT_RADIUS = 500;
/** Largest radius accepted (metres): beyond that the list is no longer a local crisis list. */
export const MAX_RADIUS = 20_000;

const collator = new Intl.Collator('de');

/**
 * The facilities within `q.r` metres of (`q.lat`, `q.lon`), the edge included, sorted by vulnerability (highest
 * first), then distance (nearest first), then name and id (so equal entries keep a stable order).
 */
export function queryRadius(points: readonly FacilityPoint[], q: RadiusQuery): RadiusHit[] {
  const center: [number, number] = [q.lon, q.lat];
  const hits: RadiusHit[] = [];
  const only = q.types && q.types.length > 0 ? new Set(q.types) : undefined;
  for (const point of points) {
    if (only && !point.types.some((t) => only.has(t))) continue;
    const distance = haversineMeters(center, [point.lon, point.lat]);
    if (distance <= q.r) hits.push({ point, distance });
  }
  return hits.sort(
    (a, b) =>
      b.point.v - a.point.v ||
      a.distance - b.distance ||
      collator.compare(a.point.name, b.point.name) ||
      (a.point.id < b.point.id ? -1 : a.point.id > b.point.id ? 1 : 0),
  );
}

/**
 * Reads a number as people type it: "52,5163" or "52.5163" (one decimal separator, no thousands separators).
 * Returns undefined for anything else.
 */
export function parseDecimal(text: string): number | undefined {
  const s = text.trim().replace(/\s+/g, '').replace(/°$/, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return undefined;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** True when the query is usable: a latitude and longitude on Earth and a radius in (0, MAX_RADIUS]. */
export function isValidQuery(q: RadiusQuery): boolean {
  return Math.abs(q.lat) <= 90 && Math.abs(q.lon) <= 180 && q.r > 0 && q.r <= MAX_RADIUS;
}

/**
 * The query in a url's search string (`?lat=…&lon=…&r=…`); r defaults to {@link DEFAULT_RADIUS}.
 * Undefined when lat or lon is missing or anything is out of range.
 */
export function parseRadiusSearch(search: string): RadiusQuery | undefined {
  const params = new URLSearchParams(search);
  const lat = parseDecimal(params.get('lat') ?? '');
  const lon = parseDecimal(params.get('lon') ?? '');
  const rText = params.get('r');
  const r = rText === null || rText === '' ? DEFAULT_RADIUS : parseDecimal(rText);
  if (lat === undefined || lon === undefined || r === undefined) return undefined;
  const types = (params.get('typ') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[a-z0-9][a-z0-9_-]*$/.test(s));
  const centre = params.get('ort')?.trim().slice(0, 200) || undefined;
  const q: RadiusQuery = { lat, lon, r: Math.round(r) };
  if (types.length > 0) q.types = types;
  if (centre) q.centre = centre;
  return isValidQuery(q) ? q : undefined;
}

/** The search string of a query: 6 decimals (about 0.1 m), whole metres. @example "?lat=52.520000&lon=13.405000&r=500" */
export function formatRadiusSearch(q: RadiusQuery): string {
  const base = `?lat=${q.lat.toFixed(6)}&lon=${q.lon.toFixed(6)}&r=${Math.round(q.r)}`;
  const typ = q.types && q.types.length > 0 ? `&typ=${q.types.map(encodeURIComponent).join(',')}` : '';
  const ort = q.centre ? `&ort=${encodeURIComponent(q.centre)}` : '';
  return `${base}${typ}${ort}`;
}
