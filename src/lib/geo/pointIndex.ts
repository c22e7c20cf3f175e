import { geoBounds, geoContains } from 'd3';
import type { MultiPolygon, Polygon } from 'geojson';
import { rewindForD3 } from './winding.ts';

/** Point-in-polygon lookups over many polygons (facilities → districts, units → parent units). */
export interface PolygonIndex {
  /** Id of the first polygon (in input order) that contains the point, or undefined. */
  find(lon: number, lat: number): string | undefined;
  /** Ids of all polygons that contain the point, in input order (overlays may overlap). */
  findAll(lon: number, lat: number): string[];
}

interface Entry {
  id: string;
  geometry: Polygon | MultiPolygon;
  box: [number, number, number, number];
}

/** Grid cells per polygon: enough that a cell holds only a few candidates, few enough to stay small. */
const CELLS_PER_POLYGON = 4;

/**
 * Builds an index: a regular lon/lat grid over all bounding boxes lists the polygons overlapping each cell;
 * a query tests the (spherical) bounding boxes of its cell's polygons, then d3.geoContains (spherical, exact) on those left.
 * Polygons are rewound for d3 first, so either winding works. Lookups on points exactly on a shared border
 * return whichever polygon d3 assigns them to.
 */
export function createPolygonIndex(
  features: readonly { id: string; geometry: Polygon | MultiPolygon }[],
): PolygonIndex {
  const entries: Entry[] = features.map((f) => {
    const geometry = rewindForD3(f.geometry);
    return { id: f.id, geometry, box: boundsOf(geometry) };
  });
  const all: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { box } of entries) {
    all[0] = Math.min(all[0], box[0]);
    all[1] = Math.min(all[1], box[1]);
    all[2] = Math.max(all[2], box[2]);
    all[3] = Math.max(all[3], box[3]);
  }
  const width = all[2] - all[0] || 1;
  const height = all[3] - all[1] || 1;
  // Square-ish cells: split the total cell budget in proportion to the sides.
  const budget = Math.max(1, entries.length * CELLS_PER_POLYGON);
  const cols = Math.max(1, Math.round(Math.sqrt((budget * width) / height)));
  const rows = Math.max(1, Math.round(budget / cols));
  const column = (lon: number) => Math.min(cols - 1, Math.max(0, Math.floor(((lon - all[0]) / width) * cols)));
  const row = (lat: number) => Math.min(rows - 1, Math.max(0, Math.floor(((lat - all[1]) / height) * rows)));

  // Cells hold entry indices in ascending order, so results come out in input order.
  const cells: number[][] = Array.from({ length: cols * rows }, () => []);
  entries.forEach(({ box }, i) => {
    if (!box.every(Number.isFinite)) return;
    for (let r = row(box[1]); r <= row(box[3]); r++) {
      for (let c = column(box[0]); c <= column(box[2]); c++) cells[r * cols + c]?.push(i);
    }
  });

  function candidates(lon: number, lat: number): Entry[] {
    if (!(lon >= all[0] && lon <= all[2] && lat >= all[1] && lat <= all[3])) return [];
    const out: Entry[] = [];
    for (const i of cells[row(lat) * cols + column(lon)] ?? []) {
      const e = entries[i];
      if (e && lon >= e.box[0] && lon <= e.box[2] && lat >= e.box[1] && lat <= e.box[3]) out.push(e);
    }
    return out;
  }

  return {
    find(lon, lat) {
      return candidates(lon, lat).find((e) => geoContains(e.geometry, [lon, lat]))?.id;
    },
    findAll(lon, lat) {
      return candidates(lon, lat)
        .filter((e) => geoContains(e.geometry, [lon, lat]))
        .map((e) => e.id);
    },
  };
}

/** Spherical bounds: great-circle edges bulge poleward beyond their end points, which a min/max box would cut off. */
function boundsOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const [[west, south], [east, north]] = geoBounds(geometry);
  const pad = 1e-9; // rounding in geoBounds must not drop a point d3.geoContains accepts
  return [west - pad, south - pad, east + pad, north + pad];
}
