import { EARTH_RADIUS_M } from './measure.ts';

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres between two [lon, lat] points (haversine formula on the sphere with the
 * mean Earth radius; within 0.5 % of the ellipsoidal distance, enough for "nearest facility" lists).
 */
export function haversineMeters(a: readonly [number, number], b: readonly [number, number]): number {
  const [lon1, lat1] = a;
  const [lon2, lat2] = b;
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  // min() guards against h creeping above 1 through rounding for antipodal points.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
