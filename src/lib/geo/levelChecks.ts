import { geoContains } from 'd3';
import type { MultiPolygon, Polygon } from 'geojson';
import { haversineMeters } from './distance.ts';
import { bbox, interiorPoint } from './measure.ts';

/**
 * Checks across levels and units, after each level is read: that levels overlap one another (a level read with a
 * wrong CRS lies elsewhere), that a unit lies in the parent its rule assigns, and parts far away from the rest of
 * the city (an island), which make every map of the atlas small.
 */

export type Box = [number, number, number, number];

/** The union of boxes [west, south, east, north]; undefined for none. */
export function unionBox(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const out: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    out[0] = Math.min(out[0], b[0]);
    out[1] = Math.min(out[1], b[1]);
    out[2] = Math.max(out[2], b[2]);
    out[3] = Math.max(out[3], b[3]);
  }
  return out;
}

/** Distance in metres from a point to a box (0 inside). */
export function distanceToBox(p: readonly [number, number], box: Box): number {
  const lon = Math.min(Math.max(p[0], box[0]), box[2]);
  const lat = Math.min(Math.max(p[1], box[1]), box[3]);
  return haversineMeters([p[0], p[1]], [lon, lat]);
}

/**
 * How much two levels overlap: the share of the smaller box that lies inside the other, 0–1, and the distance
 * between the boxes in metres (0 when they touch or overlap).
 */
export function boxOverlap(a: Box, b: Box): { share: number; distanceM: number } {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const area = (x: Box) => Math.max(1e-12, (x[2] - x[0]) * (x[3] - x[1]));
  const share = (w * h) / Math.min(area(a), area(b));
  const ca: [number, number] = [(a[0] + a[2]) / 2, (a[1] + a[3]) / 2];
  return { share, distanceM: share > 0 ? 0 : distanceToBox(ca, b) };
}

/**
 * How far a unit lies outside the parent its rule names: 0 if its interior point lies in the parent, else the
 * distance from that point to the parent's box in metres (a parent's box is a generous stand-in for the parent).
 */
export function distanceOutsideParent(unit: Polygon | MultiPolygon, parent: Polygon | MultiPolygon): number {
  const p = interiorPoint(unit);
  if (geoContains(parent, p)) return 0;
  return distanceToBox(p, bbox(parent));
}

/** A part of a unit (one polygon of a MultiPolygon, or the whole unit) far away from the rest of the level. */
export interface FarPart {
  id: string;
  name: string;
  /** Distance of the part's box from the box of everything else, metres. */
  distanceM: number;
}

/**
 * Parts (polygons) of a level that lie far from the rest: more than `minM` (default 10 km) and more than half the
 * extent of the rest away from its box. Such a part (an island, an exclave) makes every map of the atlas fit it,
 * so the city itself is drawn small.
 */
export function findFarParts(
  units: readonly { id: string; name: string; geometry: Polygon | MultiPolygon }[],
  minM = 10_000,
): FarPart[] {
  const parts = units.flatMap((u) => {
    const polygons = u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates;
    return polygons.map((coordinates) => ({ u, box: bbox({ type: 'Polygon', coordinates }) }));
  });
  if (parts.length < 2) return [];
  const out = new Map<string, FarPart>();
  for (const [i, part] of parts.entries()) {
    const rest = unionBox(parts.filter((_, j) => j !== i).map((p) => p.box));
    if (!rest) continue;
    const centre: [number, number] = [(part.box[0] + part.box[2]) / 2, (part.box[1] + part.box[3]) / 2];
    const d = distanceToBox(centre, rest);
    const restSize = haversineMeters([rest[0], rest[1]], [rest[2], rest[3]]);
    if (d > minM && d > restSize / 2) {
      const known = out.get(part.u.id);
      if (!known || known.distanceM < d) out.set(part.u.id, { id: part.u.id, name: part.u.name, distanceM: d });
    }
  }
  return [...out.values()];
}
