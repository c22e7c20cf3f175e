import type { Position } from 'geojson';

/**
 * Pole of inaccessibility of one polygon (the interior point farthest from its boundary), after the
 * "polylabel" algorithm by Vladimir Agafonkin (Mapbox, ISC licence), re-implemented here: a quad-tree search
 * over square cells, best-first by the largest distance a cell could still contain.
 * Works in a local equirectangular plane (longitude scaled by cos(latitude)), which is exact enough for city
 * units; the result is always inside the rings because its signed distance to the boundary is positive.
 */

interface Cell {
  x: number;
  y: number;
  half: number;
  /** Signed distance from the cell centre to the boundary (positive inside). */
  d: number;
  /** Upper bound of the distance anywhere in the cell. */
  max: number;
}

/**
 * Returns [lon, lat] of the polygon's pole of inaccessibility.
 * @param rings exterior ring first, then holes (winding does not matter)
 * @param relativePrecision stop when no cell can improve by more than this share of the larger bbox side
 */
export function findPoleOfInaccessibility(rings: Position[][], relativePrecision = 1e-3): [number, number] {
  const outer = rings[0] ?? [];
  let south = Infinity;
  let north = -Infinity;
  for (const p of outer) {
    south = Math.min(south, p[1] ?? NaN);
    north = Math.max(north, p[1] ?? NaN);
  }
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const plane = rings.map((ring) => ring.map((p): [number, number] => [(p[0] ?? NaN) * k, p[1] ?? NaN]));
  const [x, y] = searchPlane(plane, relativePrecision);
  return [x / k, y];
}

function searchPlane(rings: [number, number][][], relativePrecision: number): [number, number] {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  // A loop, not Math.min(...xs): rings of real files can exceed the argument limit.
  for (const [x, y] of rings[0] ?? []) {
    [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  }
  const size = Math.min(x1 - x0, y1 - y0);
  if (!(size > 0)) return [x0, y0];
  const precision = Math.max(x1 - x0, y1 - y0) * relativePrecision;
  const cell = (x: number, y: number, half: number): Cell => {
    const d = signedDistance(x, y, rings);
    return { x, y, half, d, max: d + half * Math.SQRT2 };
  };
  const queue: Cell[] = [];
  for (let x = x0; x < x1; x += size) {
    for (let y = y0; y < y1; y += size) push(queue, cell(x + size / 2, y + size / 2, size / 2));
  }
  let best = cell((x0 + x1) / 2, (y0 + y1) / 2, 0);
  for (let c = pop(queue); c; c = pop(queue)) {
    if (c.d > best.d) best = c;
    // Only split cells that could still beat the best by more than the precision.
    if (c.max - best.d <= precision) continue;
    const h = c.half / 2;
    for (const [dx, dy] of [
      [-h, -h],
      [h, -h],
      [-h, h],
      [h, h],
    ] as const)
      push(queue, cell(c.x + dx, c.y + dy, h));
  }
  return [best.x, best.y];
}

/** Distance to the nearest edge, positive inside (even-odd rule, so holes count as outside). */
function signedDistance(x: number, y: number, rings: [number, number][][]): number {
  let inside = false;
  let minSq = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i] ?? [0, 0];
      const [bx, by] = ring[j] ?? [0, 0];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      minSq = Math.min(minSq, segmentDistanceSq(x, y, ax, ay, bx, by));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq);
}

function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let dx = bx - ax;
  let dy = by - ay;
  let x = ax;
  let y = ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = [bx, by];
    else if (t > 0) [x, y] = [ax + dx * t, ay + dy * t];
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Binary max-heap on `max`, so the most promising cell is searched first. */
function push(heap: Cell[], c: Cell): void {
  heap.push(c);
  for (let i = heap.length - 1; i > 0;) {
    const parent = (i - 1) >> 1;
    if ((heap[parent]?.max ?? Infinity) >= c.max) break;
    [heap[i], heap[parent]] = [heap[parent] as Cell, c];
    i = parent;
  }
}

function pop(heap: Cell[]): Cell | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || !last) return top;
  heap[0] = last;
  for (let i = 0; ;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if ((heap[l]?.max ?? -Infinity) > (heap[m]?.max ?? -Infinity)) m = l;
    if ((heap[r]?.max ?? -Infinity) > (heap[m]?.max ?? -Infinity)) m = r;
    if (m === i) break;
    [heap[i], heap[m]] = [heap[m] as Cell, heap[i] as Cell];
    i = m;
  }
  return top;
}
